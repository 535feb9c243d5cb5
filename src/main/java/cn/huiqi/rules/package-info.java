@ApplicationModule(displayName = "规则 Rules",
        allowedDependencies = { "common", "catalogue", "process", "identity", "unit", "casefile", "claim", "fund", "settlement", "round" })
package cn.huiqi.rules;

import org.springframework.modulith.ApplicationModule;
