@ApplicationModule(displayName = "措施7 帮扶 M7 assistance",
        allowedDependencies = { "common", "catalogue" })
package cn.huiqi.assistance;

import org.springframework.modulith.ApplicationModule;
