@ApplicationModule(displayName = "资金 Fund",
        allowedDependencies = { "common", "unit", "identity", "casefile" })
package cn.huiqi.fund;

import org.springframework.modulith.ApplicationModule;
