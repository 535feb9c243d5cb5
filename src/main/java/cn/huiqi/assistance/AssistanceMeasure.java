package cn.huiqi.assistance;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.huiqi.catalogue.ApplicantKind;
import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.PolicyDocuments;
import cn.huiqi.common.Label;

/** Measure 7: enterprise demands handled to the end (discover, track, solve, revisit); no money. */
@Configuration(proxyBeanMethods = false)
class AssistanceMeasure {

    static final String ID = "M7";

    @Bean("measure" + ID)
    Measure assistance() {
        return new Measure(ID, PolicyDocuments.NANCHANG_2023_81, "第7条",
                Label.of("常态化开展帮扶工作", "Regular assistance to enterprises"),
                ApplicantKind.ENTERPRISE, List.of(), List.of(), false, true);
    }
}
