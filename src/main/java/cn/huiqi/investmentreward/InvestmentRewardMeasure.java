package cn.huiqi.investmentreward;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.huiqi.catalogue.ApplicantKind;
import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.PolicyDocuments;
import cn.huiqi.common.Label;

/** Measure 3: a tiered reward for projects ahead of the library's average progress in 2023-07..09, by equipment investment. */
@Configuration(proxyBeanMethods = false)
class InvestmentRewardMeasure {

    static final String ID = "M3";
    static final String PROCESS_KEY = "m3-investment-reward";

    @Bean("measure" + ID)
    Measure investmentReward() {
        return new Measure(ID, PolicyDocuments.NANCHANG_2023_81, "第3条",
                Label.of("支持工业项目加快投资", "Support faster investment in industrial projects"),
                ApplicantKind.PROJECT_OWNER, List.of(PROCESS_KEY), List.of("investment-reward"), true, false);
    }
}
