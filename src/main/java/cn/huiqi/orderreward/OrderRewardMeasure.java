package cn.huiqi.orderreward;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.huiqi.catalogue.ApplicantKind;
import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.PolicyDocuments;
import cn.huiqi.common.Label;

/** Measure 1: a one-time reward for orders signed 2023-07..09 and put into execution, from a pool of 500万. */
@Configuration(proxyBeanMethods = false)
class OrderRewardMeasure {

    static final String ID = "M1";
    static final String PROCESS_KEY = "m1-order-reward";
    /** 洪府办发〔2023〕81号 第1条 "总奖励金额不超过500万元" */
    static final BigDecimal POOL_CAP = new BigDecimal("5000000.00");

    @Bean("measure" + ID)
    Measure orderReward() {
        return new Measure(ID, PolicyDocuments.NANCHANG_2023_81, "第1条",
                Label.of("支持工业企业拓展国内国际市场", "Support industrial enterprises in expanding domestic and international markets"),
                ApplicantKind.ENTERPRISE, List.of(PROCESS_KEY), List.of("order-reward"), true, false, POOL_CAP);
    }
}
