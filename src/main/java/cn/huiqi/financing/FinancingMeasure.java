package cn.huiqi.financing;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.huiqi.catalogue.ApplicantKind;
import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.PolicyDocuments;
import cn.huiqi.common.Label;

/** Measure 8: financing demands matched with banks and the guide funds; no money from the fund. */
@Configuration(proxyBeanMethods = false)
class FinancingMeasure {

    static final String ID = "M8";

    @Bean("measure" + ID)
    Measure financing() {
        return new Measure(ID, PolicyDocuments.NANCHANG_2023_81, "第8条",
                Label.of("拓宽融资渠道", "Widen financing channels"),
                ApplicantKind.ENTERPRISE, List.of(), List.of(), false, true);
    }
}
