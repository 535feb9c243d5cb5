package cn.huiqi.orderreward;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.huiqi.casefile.CaseRegistration;
import cn.huiqi.catalogue.ApplicantKind;
import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.PolicyDocuments;
import cn.huiqi.common.Label;
import cn.huiqi.evidence.DocumentKind;
import cn.huiqi.evidence.RequiredDocuments;
import cn.huiqi.workflow.TaskContract;
import cn.huiqi.workflow.TaskContractDeclarations;
import cn.huiqi.workflow.TaskRole;

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

    /** An enterprise starts measure 1 with the fields of its start form (bpmn/forms/m1-application.form) only. */
    @Bean
    TaskContractDeclarations orderRewardStartForm() {
        return () -> List.of(TaskContract.startForm(PROCESS_KEY, "StartEvent_Applied", TaskRole.ENTERPRISE_USER,
                "orders", CaseRegistration.IDEMPOTENCY_KEY,
                CaseRegistration.ENTERPRISE_ID, CaseRegistration.EVIDENCE_DRAFTS));
    }

    /** Measure 1, per order: the contract, its invoices and the record that it was delivered or accepted (落地实施). A system default (RequiredDocuments.DEFAULT_NOTE). */
    @Bean
    RequiredDocuments orderRewardDocuments() {
        return new RequiredDocuments(ID, List.of(
                DocumentKind.requiredPerOrder("CONTRACT", "合同", "Contract"),
                DocumentKind.requiredPerOrder("INVOICE", "发票", "Invoices"),
                DocumentKind.requiredPerOrder("DELIVERY", "交付或验收凭证", "Delivery or acceptance record"),
                RequiredDocuments.OTHER));
    }
}
