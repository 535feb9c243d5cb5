@ApplicationModule(displayName = "审核链 Review chain",
        allowedDependencies = { "common", "catalogue", "process", "unit", "identity", "enterprise", "casefile", "workflow", "claim", "evidence" })
package cn.huiqi.review;

import org.springframework.modulith.ApplicationModule;
