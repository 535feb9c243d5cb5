package cn.huiqi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The engine enforces Camunda authorizations on /engine-rest because the security chain hands it the
 * caller: enterprises see no instances or history, a unit sees only its own candidate tasks.
 */
@IdentityIntegrationTest
class EngineAuthorizationTest {

    private static final String PROCESS = "sec-test-process";

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;

    String processInstanceId;
    String donghuTaskId;

    @BeforeEach
    void startAnInstanceWithADonghuTask() {
        assertThat(identityService.getCurrentAuthentication()).isNull();
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
            repositoryService.createDeployment().name(PROCESS)
                    .addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS)
                            .camundaHistoryTimeToLive(1)
                            .startEvent().userTask("verify").camundaCandidateGroups("donghu").endEvent()
                            .done())
                    .deploy();
        }
        processInstanceId = runtimeService.startProcessInstanceByKey(PROCESS).getId();
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
        donghuTaskId = task.getId();
    }

    @Test
    void anEnterpriseSeesNoProcessInstancesNoHistoryAndNoTasks() {
        Api enterprise = Api.asDemo(port, "ent-hongdu");

        assertThat(enterprise.getJson("/engine-rest/process-instance")).isEmpty();
        assertThat(enterprise.getJson("/engine-rest/history/process-instance")).isEmpty();
        assertThat(enterprise.getJson("/engine-rest/history/task")).isEmpty();
        assertThat(enterprise.getJson("/engine-rest/task")).isEmpty();
        assertThat(enterprise.getJson("/engine-rest/process-definition?key=" + PROCESS)).isEmpty();
    }

    @Test
    void anEnterpriseSeesAndMayStartOnlyTheMeasureProcesses() {
        Api enterprise = Api.asDemo(port, "ent-hongdu");

        assertThat(enterprise.getJson("/engine-rest/process-definition")).extracting(d -> d.get("key").asText())
                .containsOnly(MeasureProcesses.STARTED_BY_ENTERPRISES.toArray(String[]::new));
        String start = "/engine-rest/process-definition/key/m1-order-reward/start";
        HttpResponse<String> byEnterprise = enterprise.post(start, "{}");
        HttpResponse<String> byUnit = Api.asDemo(port, "xihu-verifier").post(start, "{}");
        // the empty start is refused by the application's validation, but only after authorization passed
        assertThat(byEnterprise.statusCode()).isNotIn(401, 403);
        assertThat(byEnterprise.body()).doesNotContain("AuthorizationException");
        assertThat(byUnit.statusCode()).isEqualTo(403);
    }

    @Test
    void theAdminSeesTheSameInstances() {
        // proves the empty lists above are authorization at work, not an empty engine
        assertThat(ids(Api.asDemo(port, "admin").getJson("/engine-rest/process-instance?processDefinitionKey=" + PROCESS)))
                .contains(processInstanceId);
    }

    @Test
    void theCandidateUnitSeesItsTaskAndAnotherUnitDoesNot() {
        assertThat(ids(Api.asDemo(port, "donghu-verifier").getJson("/engine-rest/task?processInstanceId=" + processInstanceId)))
                .containsExactly(donghuTaskId);
        assertThat(Api.asDemo(port, "xihu-verifier").getJson("/engine-rest/task?processInstanceId=" + processInstanceId))
                .isEmpty();
    }

    @Test
    void anotherUnitCannotCompleteTheTaskButTheCandidateUnitCan() {
        HttpResponse<String> byXihu = Api.asDemo(port, "xihu-verifier").post("/engine-rest/task/" + donghuTaskId + "/complete", "{}");
        assertThat(byXihu.statusCode()).isIn(403, 404);
        assertThat(taskService.createTaskQuery().taskId(donghuTaskId).count()).isEqualTo(1);

        HttpResponse<String> byDonghu = Api.asDemo(port, "donghu-verifier").post("/engine-rest/task/" + donghuTaskId + "/complete", "{}");
        assertThat(byDonghu.statusCode()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(donghuTaskId).count()).isZero();
    }

    @Test
    void theUnitTasksFilterListsTheTaskForTheCandidateUnitOnly() {
        String filterId = filterId(Api.asDemo(port, "donghu-verifier"), TasklistFilters.MY_UNITS_TASKS);

        assertThat(ids(Api.asDemo(port, "donghu-verifier").getJson("/engine-rest/filter/" + filterId + "/list")))
                .contains(donghuTaskId);
        assertThat(ids(Api.asDemo(port, "xihu-verifier").getJson("/engine-rest/filter/" + filterId + "/list")))
                .doesNotContain(donghuTaskId);
    }

    @Test
    void everyUserSeesExactlyTheTwoSharedFilters() {
        JsonNode filters = Api.asDemo(port, "ent-anyi").getJson("/engine-rest/filter");

        assertThat(filters).extracting(filter -> filter.get("name").asText())
                .containsExactlyInAnyOrder(TasklistFilters.MY_TASKS, TasklistFilters.MY_UNITS_TASKS);
    }

    @Test
    void theEngineForgetsTheCallerAfterTheRequest() {
        Api verifier = Api.asDemo(port, "donghu-verifier");
        Api anonymous = Api.anonymous(port);
        for (int i = 0; i < 20; i++) {
            verifier.getJson("/engine-rest/task");
            verifier.getJson(CallerEchoController.PATH);
            // servlet threads are pooled: a later request on the same thread must not inherit the caller
            assertThat(anonymous.getJson(CallerEchoController.LEFTOVER_PATH).get("userId").asText()).isEmpty();
        }
    }

    private static String filterId(Api api, String name) {
        for (JsonNode filter : api.getJson("/engine-rest/filter")) {
            if (filter.get("name").asText().equals(name)) {
                return filter.get("id").asText();
            }
        }
        throw new AssertionError("no filter " + name);
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.get("id").asText()));
        return ids;
    }
}
