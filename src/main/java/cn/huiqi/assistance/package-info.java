@ApplicationModule(displayName = "措施7 帮扶 M7 assistance",
        allowedDependencies = { "common", "catalogue", "process", "unit", "identity", "calendar", "enterprise", "casefile", "workflow", "timelimit" })
package cn.huiqi.assistance;

import org.springframework.modulith.ApplicationModule;
