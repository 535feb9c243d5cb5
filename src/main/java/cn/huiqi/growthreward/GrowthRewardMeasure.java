package cn.huiqi.growthreward;

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

    /** An enterprise starts measure 2 with the fields of its start form (bpmn/forms/m2-application.form) only. */
    @Bean
    TaskContractDeclarations growthRewardStartForm() {
        return () -> List.of(TaskContract.startForm(PROCESS_KEY, "StartEvent_Applied", TaskRole.ENTERPRISE_USER,
                "taxableRevenue", "priorYearRevenue", "revenueEvidence", CaseRegistration.IDEMPOTENCY_KEY,
                CaseRegistration.ENTERPRISE_ID, CaseRegistration.EVIDENCE_DRAFTS));
    }

    /** Measure 2: the tax returns of both periods whose taxable sales revenue it compares. A system default (RequiredDocuments.DEFAULT_NOTE). */
    @Bean
    RequiredDocuments growthRewardDocuments() {
        return new RequiredDocuments(ID, List.of(
                DocumentKind.required("TAX_RETURN_2023", "纳税申报表（2023年7—9月）", "Tax returns (2023-07..09)"),
                DocumentKind.required("TAX_RETURN_2022", "纳税申报表（上年同期，2022年7—9月）", "Tax returns (prior year, 2022-07..09)"),
                RequiredDocuments.OTHER));
    }
}
