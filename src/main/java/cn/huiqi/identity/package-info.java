@ApplicationModule(displayName = "身份 Identity",
        allowedDependencies = { "common", "catalogue", "unit" })
package cn.huiqi.identity;

import org.springframework.modulith.ApplicationModule;
