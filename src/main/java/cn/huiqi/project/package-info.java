@ApplicationModule(displayName = "项目库 Project library (M4)",
        allowedDependencies = { "common", "catalogue", "unit", "identity", "enterprise" })
package cn.huiqi.project;

import org.springframework.modulith.ApplicationModule;
