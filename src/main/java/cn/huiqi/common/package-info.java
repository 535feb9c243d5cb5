@ApplicationModule(displayName = "公共 Common",
        allowedDependencies = {  })
package cn.huiqi.common;

import org.springframework.modulith.ApplicationModule;
