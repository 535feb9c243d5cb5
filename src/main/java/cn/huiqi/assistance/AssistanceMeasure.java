package cn.huiqi.assistance;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.huiqi.catalogue.ApplicantKind;
import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.PolicyDocuments;
import cn.huiqi.common.Label;
import cn.huiqi.workflow.TaskContract;
import cn.huiqi.workflow.TaskContractDeclarations;
import cn.huiqi.workflow.TaskRole;

/**
 * Measure 7: enterprise demands handled to the end (discover, track, solve, revisit); no money. A demand is a case
 * opened by {@link DemandIntake} (the enterprise, a visit or a 12345 ticket), which then starts the process as the
 * system: the process has no start form and nobody may start it ({@link Measure#startedByApp()}).
 */
@Configuration(proxyBeanMethods = false)
class AssistanceMeasure {

    static final String ID = "M7";
    static final String PROCESS_KEY = "m7-assistance-demand";
    static final String ROUTING_TABLE = "demand-routing";

    @Bean("measure" + ID)
    Measure assistance() {
        return new Measure(ID, PolicyDocuments.NANCHANG_2023_81, "第7条",
                Label.of("常态化开展帮扶工作", "Regular assistance to enterprises"),
                ApplicantKind.ENTERPRISE, List.of(PROCESS_KEY), List.of(ROUTING_TABLE), false, true).processStartedByApp();
    }

    /** 受理: the enterprise's locality (from the case record) accepts, merges or declines; helper m7flow owns the rest. */
    @Bean
    TaskContractDeclarations assistanceSteps() {
        return () -> List.of(TaskContract.userTask(PROCESS_KEY, "Task_Accept", TaskRole.LOCALITY,
                "acceptDecision", "category", "scope", "utility", "mergeInto", "declineReason"));
    }
}
