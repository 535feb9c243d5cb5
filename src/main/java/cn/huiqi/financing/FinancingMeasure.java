package cn.huiqi.financing;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.huiqi.catalogue.ApplicantKind;
import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.PolicyDocuments;
import cn.huiqi.common.Label;

/**
 * Measure 8: financing demands matched with banks and the guide funds; no money from the fund. A demand is a case
 * opened by {@link FinancingIntake}, which then starts {@code m8-financing-demand} as the system: nobody may start it
 * ({@link Measure#startedByApp()}). Its steps' contracts: {@link FinancingTaskContracts}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FinancingSettings.class)
class FinancingMeasure {

    static final String ID = "M8";
    static final String PROCESS_KEY = "m8-financing-demand";

    @Bean("measure" + ID)
    Measure financing() {
        return new Measure(ID, PolicyDocuments.NANCHANG_2023_81, "第8条",
                Label.of("拓宽融资渠道", "Widen financing channels"),
                ApplicantKind.ENTERPRISE, List.of(PROCESS_KEY), List.of(), false, true).processStartedByApp();
    }
}
