@ApplicationModule(displayName = "措施9 政策兑现 M9 fulfilment",
        allowedDependencies = { "common", "catalogue" })
package cn.huiqi.fulfilment;

import org.springframework.modulith.ApplicationModule;
