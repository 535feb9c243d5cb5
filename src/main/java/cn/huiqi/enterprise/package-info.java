@ApplicationModule(displayName = "企业 Enterprises",
        allowedDependencies = { "common", "unit", "identity" })
package cn.huiqi.enterprise;

import org.springframework.modulith.ApplicationModule;
