@ApplicationModule(displayName = "措施1 订单奖励 M1 order reward",
        allowedDependencies = { "common", "catalogue", "process", "enterprise", "casefile", "evidence", "workflow", "review", "claim" })
package cn.huiqi.orderreward;

import org.springframework.modulith.ApplicationModule;
