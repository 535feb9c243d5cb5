@ApplicationModule(displayName = "规则 Rules",
        allowedDependencies = { "common", "process", "identity", "casefile", "fund" })
package cn.huiqi.rules;

import org.springframework.modulith.ApplicationModule;
