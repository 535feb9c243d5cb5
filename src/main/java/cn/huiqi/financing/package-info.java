@ApplicationModule(displayName = "措施8 融资 M8 financing",
        allowedDependencies = { "common", "catalogue", "process", "unit", "identity", "calendar", "enterprise", "casefile", "workflow", "timelimit" })
package cn.huiqi.financing;

import org.springframework.modulith.ApplicationModule;
