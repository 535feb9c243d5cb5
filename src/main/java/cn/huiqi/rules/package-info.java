@ApplicationModule(displayName = "规则 Rules",
        allowedDependencies = { "common", "process", "identity", "casefile", "fund", "settlement", "round" })
package cn.huiqi.rules;

import org.springframework.modulith.ApplicationModule;
