package cn.huiqi.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import cn.huiqi.common.InvalidInputException;
import cn.huiqi.testsupport.ProcessTestSupport;

/**
 * What a reviewer answers is handed on, not kept ({@link HandedOnFields}): the review chain's decision and comment
 * reach the step's listeners and gateway and are gone after the completion, so a later step cannot route on an
 * earlier answer; a field the task's scope already stores (a diagram version that kept it as the task's own input, or a
 * value an earlier version of the app set) stays stored.
 */
class HandedOnFieldsTest extends ProcessTestSupport {

    private static final String M1 = "m1-order-reward";

    @Test
    void aSendBackLeavesNoAnswerForTheNextVerification() {
        String applicant = newEnterpriseUser("donghu");
        ProcessInstance instance = apply(applicant, M1, orders("60000000.00", "2023-08-01"));
        completeAs("donghu-verifier", taskFor(instance, "Task_LocalityVerification", "donghu"), decision("sendBack", "请补充验收单"));
        ProcessInstance chain = review(instance);
        assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(chain.getId()).list())
                .extracting(v -> v.getName()).doesNotContain("decision", "comment");
        assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(chain.getId()).list())
                .extracting(v -> v.getName()).doesNotContain("decision", "comment");

        completeAs(applicant, singleTask(instance, "Task_LocalitySupplement"), Map.of("supplementNote", "已补充验收单"));

        Map<String, Object> withoutDecision = approveAccepting(1);
        withoutDecision.remove("decision");
        assertThatThrownBy(() -> completeAs("donghu-verifier", taskFor(instance, "Task_LocalityVerification", "donghu"), withoutDecision))
                .as("the earlier send-back is not this verification's decision").isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("decision");
        assertThat(review(instance)).isNotNull();
        assertThat(timelineActions(instance)).containsOnlyOnce("TASK_LOCALITYVERIFICATION_SEND_BACK");
    }

    @Test
    void theDiagramMarksTheFieldsEachReviewTaskHandsOn() {
        assertThat(handedOn(latestReviewChain(), "Task_LocalityVerification")).isEqualTo(Set.of("decision", "comment", "orderVerification"));
        assertThat(handedOn(latestReviewChain(), "Task_CityReview")).isEqualTo(Set.of("decision", "comment", "orderVerification"));
        assertThat(handedOn(latestReviewChain(), "Task_LocalitySupplement")).isNull();
    }

    @Test
    void aCaseInTheVersionBeforeFieldsWereHandedOnCompletesAsItDid() throws IOException {
        // review-chain as deployed before session 11 (git 871d7bc^, its first rule task as now): the review tasks keep
        // decision, comment and the order list as their own inputs (stored nulls) and map the decision out for the
        // gateways. A case waiting in that version completes as it did: the fields the task's scope stores stay stored
        // (the engine would refuse a transient value over them), the output mappings and the gateways read them as before
        DeploymentBuilder older = processEngine.getRepositoryService().createDeployment().name("handed-on fields test")
                .addClasspathResource("compat/review-chain-before-handed-on.bpmn");
        // measure 1 calls the review chain of its own deployment, and both use the forms deployed with them
        for (String file : List.of("m1-order-reward.bpmn", "forms/m1-application.form", "forms/m1-review.form",
                "forms/review-supplement.form")) {
            older.addString(Path.of(file).getFileName().toString(), Files.readString(Path.of("bpmn", file), StandardCharsets.UTF_8));
        }
        Deployment deployed = older.deploy();
        try {
            String applicant = newEnterpriseUser("donghu");
            ProcessInstance instance = apply(applicant, M1, orders("60000000.00", "2023-08-01"));
            ProcessInstance chain = review(instance);
            assertThat(processEngine.getRepositoryService().getProcessDefinition(chain.getProcessDefinitionId()).getDeploymentId())
                    .as("the case runs in the older version").isEqualTo(deployed.getId());

            completeAs("donghu-verifier", taskFor(instance, "Task_LocalityVerification", "donghu"), approveAccepting(1));
            completeAs("gxj-reviewer", taskFor(instance, "Task_CityReview", "gxj"), decision("approve", null));
            // a rejection ends the case here (no funds reserved, nothing left running when the deployment goes)
            completeAs("swj-reviewer", taskFor(instance, "Task_CityReview", "swj"), decision("reject", "合同对方为关联企业"));

            assertThat(timelineActions(instance)).contains("TASK_LOCALITYVERIFICATION_APPROVE", "ORDER_VERIFIED",
                    "TASK_CITYREVIEW_APPROVE", "TASK_CITYREVIEW_REJECT");
            assertThat(instance).as("the older version's gateways routed on the stored decisions").isEnded().hasPassed("End_Rejected");
            assertThat(claimOf(instance).getOutcomeReason()).isEqualTo("合同对方为关联企业");
        } finally {
            processEngine.getRepositoryService().deleteDeployment(deployed.getId(), true);
        }
    }

    @Test
    void aFieldTheTaskAlreadyStoresStaysStored() {
        // an earlier version of the app set measure 1's order list on the task's scope when the task was created;
        // a task created then and completed now keeps it stored (a transient value over it would be refused)
        String applicant = newEnterpriseUser("donghu");
        ProcessInstance instance = apply(applicant, M1, orders("60000000.00", "2023-08-01"));
        org.camunda.bpm.engine.task.Task task = taskFor(instance, "Task_LocalityVerification", "donghu");
        runtimeService.setVariableLocal(task.getExecutionId(), "orderVerification",
                org.camunda.spin.plugin.variable.SpinValues.jsonValue("[{\"line\":1,\"result\":null}]").create());
        completeAs("donghu-verifier", task, approveAccepting(1));
        assertThat(timelineActions(instance)).contains("TASK_LOCALITYVERIFICATION_APPROVE", "ORDER_VERIFIED");
    }

    private String latestReviewChain() {
        return processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("review-chain")
                .latestVersion().singleResult().getId();
    }

    private Object handedOn(String processDefinitionId, String activityId) {
        ProcessDefinitionEntity definition = (ProcessDefinitionEntity) ((RepositoryServiceImpl) processEngine.getRepositoryService())
                .getDeployedProcessDefinition(processDefinitionId);
        return definition.findActivity(activityId).getProperty(HandedOnFields.PROPERTY);
    }
}
