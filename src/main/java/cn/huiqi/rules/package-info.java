@ApplicationModule(displayName = "规则 Rules",
        allowedDependencies = { "common", "catalogue", "process", "identity", "casefile", "fund", "settlement", "round" })
package cn.huiqi.rules;

import org.springframework.modulith.ApplicationModule;
