package cn.huiqi.fulfilment;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.huiqi.catalogue.ApplicantKind;
import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.PolicyDocuments;
import cn.huiqi.common.Label;

/** Measure 9: public guides, the policy calculator and the fulfilment board across all measures. */
@Configuration(proxyBeanMethods = false)
class FulfilmentMeasure {

    static final String ID = "M9";

    @Bean("measure" + ID)
    Measure fulfilment() {
        return new Measure(ID, PolicyDocuments.NANCHANG_2023_81, "第9条",
                Label.of("加快政策兑现", "Faster policy fulfilment"),
                ApplicantKind.NONE, List.of(), List.of(), false, true);
    }
}
