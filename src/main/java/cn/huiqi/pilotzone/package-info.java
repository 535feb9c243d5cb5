@ApplicationModule(displayName = "措施5 试验区 M5 pilot zones",
        allowedDependencies = { "common", "catalogue", "evaluation" })
package cn.huiqi.pilotzone;

import org.springframework.modulith.ApplicationModule;
