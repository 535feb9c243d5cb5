@ApplicationModule(displayName = "措施6 发展贡献 M6 contribution",
        allowedDependencies = { "common", "catalogue", "evaluation" })
package cn.huiqi.contribution;

import org.springframework.modulith.ApplicationModule;
