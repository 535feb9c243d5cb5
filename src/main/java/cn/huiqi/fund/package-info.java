@ApplicationModule(displayName = "资金 Fund",
        allowedDependencies = { "common", "catalogue", "unit", "identity", "casefile", "claim" })
package cn.huiqi.fund;

import org.springframework.modulith.ApplicationModule;
