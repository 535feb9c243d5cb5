@ApplicationModule(displayName = "单位 Units",
        allowedDependencies = { "common" })
package cn.huiqi.unit;

import org.springframework.modulith.ApplicationModule;
