package cn.huiqi.pilotzone;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.huiqi.catalogue.ApplicantKind;
import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.PolicyDocuments;
import cn.huiqi.common.Label;

/** Measure 5: an award to the localities whose pilot-zone work did best in the first three quarters of 2023. */
@Configuration(proxyBeanMethods = false)
class PilotZoneMeasure {

    static final String ID = "M5";

    @Bean("measure" + ID)
    Measure pilotZone() {
        return new Measure(ID, PolicyDocuments.NANCHANG_2023_81, "第5条",
                Label.of("支持制造业高质量发展试验区建设", "Support building pilot zones for high-quality manufacturing development"),
                ApplicantKind.LOCALITY, List.of("m5-pilot-zone-evaluation"), List.of(), true, false);
    }
}
