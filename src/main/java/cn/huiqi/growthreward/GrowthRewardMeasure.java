package cn.huiqi.growthreward;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.huiqi.catalogue.ApplicantKind;
import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.PolicyDocuments;
import cn.huiqi.common.Label;

/** Measure 2: a tiered reward for taxable sales revenue grown year on year in 2023-07..09, at most 200万 per enterprise. */
@Configuration(proxyBeanMethods = false)
class GrowthRewardMeasure {

    static final String ID = "M2";
    static final String PROCESS_KEY = "m2-growth-reward";

    @Bean("measure" + ID)
    Measure growthReward() {
        return new Measure(ID, PolicyDocuments.NANCHANG_2023_81, "第2条",
                Label.of("支持工业企业增产扩产", "Support industrial enterprises in increasing and expanding production"),
                ApplicantKind.ENTERPRISE, List.of(PROCESS_KEY), List.of("growth-reward"), true, false);
    }
}
