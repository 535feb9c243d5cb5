@ApplicationModule(displayName = "措施3 投资奖励 M3 investment reward",
        allowedDependencies = { "common", "catalogue", "enterprise", "casefile", "evidence", "workflow", "project", "claim" })
package cn.huiqi.investmentreward;

import org.springframework.modulith.ApplicationModule;
