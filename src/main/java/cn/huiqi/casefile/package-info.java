@ApplicationModule(displayName = "案件 Cases",
        allowedDependencies = { "common", "catalogue", "unit", "identity", "enterprise" })
package cn.huiqi.casefile;

import org.springframework.modulith.ApplicationModule;
