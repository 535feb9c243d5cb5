@ApplicationModule(displayName = "结算 Settlement",
        allowedDependencies = { "common", "process", "identity", "enterprise", "casefile", "workflow", "fund" })
package cn.huiqi.settlement;

import org.springframework.modulith.ApplicationModule;
