@ApplicationModule(displayName = "地区评价 Locality evaluation",
        allowedDependencies = { "common", "catalogue", "process", "unit", "identity", "calendar", "casefile", "round", "rules", "fund", "claim", "workflow", "evidence" })
package cn.huiqi.evaluation;

import org.springframework.modulith.ApplicationModule;
