package cn.huiqi.contribution;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.huiqi.catalogue.ApplicantKind;
import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.PolicyDocuments;
import cn.huiqi.common.Label;
import cn.huiqi.evaluation.SafetyVetoMeasure;

/** Measure 6: an award to the localities with the best whole-year comprehensive evaluation of industrial development. */
@Configuration(proxyBeanMethods = false)
class ContributionMeasure {

    static final String ID = "M6";

    @Bean("measure" + ID)
    Measure contribution() {
        return new Measure(ID, PolicyDocuments.NANCHANG_2023_81, "第6条",
                Label.of("持续提升工业发展贡献度", "Keep raising industry's contribution to development"),
                ApplicantKind.LOCALITY, List.of("m6-contribution-evaluation"), List.of(), true, false);
    }

    /** 第6条 rewards "在保障生产安全的前提下": the system reads it as the safety veto of its ranking. */
    @Bean
    SafetyVetoMeasure contributionSafetyVeto() {
        return new SafetyVetoMeasure(ID);
    }
}
