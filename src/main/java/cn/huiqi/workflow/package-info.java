@ApplicationModule(displayName = "任务契约 Task contracts",
        allowedDependencies = { "common", "enterprise", "casefile" })
package cn.huiqi.workflow;

import org.springframework.modulith.ApplicationModule;
