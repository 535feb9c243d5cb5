@ApplicationModule(displayName = "措施2 增产扩产奖励 M2 growth reward",
        allowedDependencies = { "common", "catalogue", "enterprise", "casefile", "evidence", "workflow" })
package cn.huiqi.growthreward;

import org.springframework.modulith.ApplicationModule;
