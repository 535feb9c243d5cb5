package cn.huiqi.investmentreward;

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

    /** An enterprise starts measure 3 with the fields of its start form (bpmn/forms/m3-application.form) only. */
    @Bean
    TaskContractDeclarations investmentRewardStartForm() {
        return () -> List.of(TaskContract.startForm(PROCESS_KEY, "StartEvent_Applied", TaskRole.ENTERPRISE_USER,
                "projectId", "equipmentEvidence", CaseRegistration.IDEMPOTENCY_KEY,
                CaseRegistration.ENTERPRISE_ID, CaseRegistration.EVIDENCE_DRAFTS));
    }

    /** Measure 3: the invoices of the production equipment bought in 2023-07..09 (the policy asks for no approval document; it is optional). A system default (RequiredDocuments.DEFAULT_NOTE). */
    @Bean
    RequiredDocuments investmentRewardDocuments() {
        return new RequiredDocuments(ID, List.of(
                DocumentKind.required("EQUIPMENT_INVOICE", "设备发票", "Equipment invoices"),
                DocumentKind.optional("PROJECT_APPROVAL", "项目立项（备案）文件", "Project approval or filing"),
                RequiredDocuments.OTHER));
    }
}
