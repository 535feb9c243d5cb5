@ApplicationModule(displayName = "任务契约 Task contracts",
        allowedDependencies = { "common", "process", "catalogue", "enterprise", "casefile" })
package cn.huiqi.workflow;

import org.springframework.modulith.ApplicationModule;
