package cn.huiqi.attack;

import static cn.huiqi.testsupport.HttpApi.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A round opened before the evaluation processes existed and already in its confirmation period (past DATA_ENTRY)
 * gets its process at start-up at the step it stands at: past "确认数据采集完毕", waiting for the confirmation; the
 * silence rule then lets it score. Until then the process view says why it has none. On MariaDB.
 */
class EvaluationRoundWithoutProcessOnMariaDbTest extends EvaluationPoolsBase {

    @Autowired
    ApplicationContext context;

    @Test
    void aRoundAlreadyConfirmingGetsItsProcessPastDataEntry() throws Exception {
        evaluationPeople();
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2023-10-09T02:00:00Z")));
        long id = openRound("M5", "2023年2-9月试验区评价（流程上线前开设）", "2023-02-01", "2023-09-30");
        // as if opened before the processes existed: no process, figures entered and the confirmation started through the API
        String root = jdbc.queryForObject("SELECT process_instance_id FROM evaluation_round WHERE id = ?", String.class, id);
        runtimeService.deleteProcessInstance(root, "test: a round from before the processes");
        jdbc.update("UPDATE evaluation_round SET process_instance_id = NULL WHERE id = ?", id);
        importFigures(id);
        expect(200, api(GXJ).post("/api/evaluations/" + id + "/confirmation-start", "{}"));
        assertThat(status(id)).isEqualTo("CONFIRMATION");
        JsonNode before = expect(200, api(GXJ).get("/api/evaluations/" + id + "/process"));
        assertThat(before.get("openTasks")).isEmpty();
        assertThat(before.get("processNote").get("zh").asText()).contains("尚无流程", "已在确认期");
        assertThat(before.get("processNote").get("en").asText()).contains("next start");

        startUp();
        ProcessInstance round = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("EVAL-" + id)
                .processDefinitionKey("evaluation-round").singleResult();
        assertThat(round).as("the process was started").isNotNull();
        org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init(context.getBean(org.camunda.bpm.engine.ProcessEngine.class));
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(round).isWaitingAtExactly("Message_FiguresConfirmed")
                .hasNotPassed("Task_CloseDataEntry"); // Gateway_DataEntryOpen chose "already confirming" (gateways keep no history)
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey("EVAL-" + id).count()).as("no step already done for gxj").isZero();
        assertThat(expect(200, api(GXJ).get("/api/evaluations/" + id + "/process")).path("processNote").isMissingNode()).isTrue();
        startUp();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("EVAL-" + id).processDefinitionKey("evaluation-round")
                .count()).as("idempotent").isOne();

        // silence confirms at the limit; the round scores and waits for the proposal
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2023-10-16T16:00:01Z")));
        managementService.executeJob(confirmationJob(id).getId());
        score(id);
        assertThat(status(id)).isEqualTo("SCORING");
        assertThat(roundTask(id, "Task_Propose")).isNotNull();
    }

    private void startUp() throws Exception {
        for (ApplicationRunner runner : context.getBeansOfType(ApplicationRunner.class).values()) {
            if (runner.getClass().getSimpleName().startsWith("RoundProcessesAtStartup")) {
                runner.run(null);
            }
        }
    }
}
