@ApplicationModule(displayName = "措施目录 Measure catalogue",
        allowedDependencies = { "common" })
package cn.huiqi.catalogue;

import org.springframework.modulith.ApplicationModule;
