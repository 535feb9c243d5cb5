@ApplicationModule(displayName = "流程引擎接线 Engine wiring",
        allowedDependencies = { "common" })
package cn.huiqi.process;

import org.springframework.modulith.ApplicationModule;
