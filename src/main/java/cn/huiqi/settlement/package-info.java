@ApplicationModule(displayName = "结算 Settlement",
        allowedDependencies = { "common", "unit", "calendar", "catalogue", "process", "identity", "enterprise", "casefile", "workflow", "fund", "claim" })
package cn.huiqi.settlement;

import org.springframework.modulith.ApplicationModule;
