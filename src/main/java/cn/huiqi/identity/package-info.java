@ApplicationModule(displayName = "身份 Identity",
        allowedDependencies = { "common", "unit" })
package cn.huiqi.identity;

import org.springframework.modulith.ApplicationModule;
