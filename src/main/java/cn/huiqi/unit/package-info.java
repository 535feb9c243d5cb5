@ApplicationModule(displayName = "单位 Units",
        allowedDependencies = {  })
package cn.huiqi.unit;

import org.springframework.modulith.ApplicationModule;
