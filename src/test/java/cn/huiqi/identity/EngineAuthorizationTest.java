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
import cn.huiqi.testsupport.HttpApi;

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
        HttpApi enterprise = HttpApi.as(port, "ent-hongdu", DemoAccounts.PASSWORD);

        assertThat(enterprise.getJson("/engine-rest/process-instance")).isEmpty();
        assertThat(enterprise.getJson("/engine-rest/history/process-instance")).isEmpty();
        assertThat(enterprise.getJson("/engine-rest/history/task")).isEmpty();
        assertThat(enterprise.getJson("/engine-rest/task")).isEmpty();
        assertThat(enterprise.getJson("/engine-rest/process-definition?key=" + PROCESS)).isEmpty();
    }

    @Test
    void anEnterpriseSeesAndMayStartOnlyTheMeasureProcesses() {
        HttpApi enterprise = HttpApi.as(port, "ent-hongdu", DemoAccounts.PASSWORD);

        assertThat(enterprise.getJson("/engine-rest/process-definition")).extracting(d -> d.get("key").asText())
                .containsOnly(AuthorizationSetupTest.STARTED_BY_ENTERPRISES.toArray(String[]::new));
        String start = "/engine-rest/process-definition/key/m1-order-reward/start";
        HttpResponse<String> byEnterprise = enterprise.post(start, "{}");
        HttpResponse<String> byUnit = HttpApi.as(port, "xihu-verifier", DemoAccounts.PASSWORD).post(start, "{}");
        // the empty start is refused by the application's validation, but only after authorization passed
        assertThat(byEnterprise.statusCode()).isNotIn(401, 403);
        assertThat(byEnterprise.body()).doesNotContain("AuthorizationException");
        assertThat(byUnit.statusCode()).isEqualTo(403);
    }

    @Test
    void unitsReadTheCalledDefinitionsAndEnterprisesDoNot() {
        // review-chain (measures 1-3) and the evaluation processes measures 5 and 6 call: in no measure's processKeys
        for (String called : List.of("review-chain", "evaluation-round", "evaluation-award")) {
            for (String unitMember : List.of("xihu-verifier", "gxj-reviewer", "tjj-stats")) {
                assertThat(HttpApi.as(port, unitMember, DemoAccounts.PASSWORD).getJson("/engine-rest/process-definition?latestVersion=true&key=" + called))
                        .as(unitMember + " reads " + called).extracting(d -> d.get("key").asText()).containsExactly(called);
            }
            assertThat(HttpApi.as(port, "ent-hongdu", DemoAccounts.PASSWORD).getJson("/engine-rest/process-definition?key=" + called))
                    .as("an enterprise does not read " + called).isEmpty();
            assertThat(HttpApi.as(port, "admin", DemoAccounts.PASSWORD).getJson("/engine-rest/process-definition?latestVersion=true&key=" + called))
                    .hasSize(1);
        }
    }

    @Test
    void theAdminSeesTheSameInstances() {
        // proves the empty lists above are authorization at work, not an empty engine
        assertThat(ids(HttpApi.as(port, "admin", DemoAccounts.PASSWORD).getJson("/engine-rest/process-instance?processDefinitionKey=" + PROCESS)))
                .contains(processInstanceId);
    }

    @Test
    void theCandidateUnitSeesItsTaskAndAnotherUnitDoesNot() {
        assertThat(ids(HttpApi.as(port, "donghu-verifier", DemoAccounts.PASSWORD).getJson("/engine-rest/task?processInstanceId=" + processInstanceId)))
                .containsExactly(donghuTaskId);
        assertThat(HttpApi.as(port, "xihu-verifier", DemoAccounts.PASSWORD).getJson("/engine-rest/task?processInstanceId=" + processInstanceId))
                .isEmpty();
    }

    @Test
    void anotherUnitCannotCompleteTheTaskButTheCandidateUnitCan() {
        HttpResponse<String> byXihu = HttpApi.as(port, "xihu-verifier", DemoAccounts.PASSWORD).post("/engine-rest/task/" + donghuTaskId + "/complete", "{}");
        assertThat(byXihu.statusCode()).isIn(403, 404);
        assertThat(taskService.createTaskQuery().taskId(donghuTaskId).count()).isEqualTo(1);

        HttpResponse<String> byDonghu = HttpApi.as(port, "donghu-verifier", DemoAccounts.PASSWORD).post("/engine-rest/task/" + donghuTaskId + "/complete", "{}");
        assertThat(byDonghu.statusCode()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(donghuTaskId).count()).isZero();
    }

    @Test
    void theUnitTasksFilterListsTheTaskForTheCandidateUnitOnly() {
        String filterId = filterId(HttpApi.as(port, "donghu-verifier", DemoAccounts.PASSWORD), TasklistFilters.MY_UNITS_TASKS);

        assertThat(ids(HttpApi.as(port, "donghu-verifier", DemoAccounts.PASSWORD).getJson("/engine-rest/filter/" + filterId + "/list")))
                .contains(donghuTaskId);
        assertThat(ids(HttpApi.as(port, "xihu-verifier", DemoAccounts.PASSWORD).getJson("/engine-rest/filter/" + filterId + "/list")))
                .doesNotContain(donghuTaskId);
    }

    @Test
    void everyUserSeesExactlyTheTwoSharedFilters() {
        JsonNode filters = HttpApi.as(port, "ent-anyi", DemoAccounts.PASSWORD).getJson("/engine-rest/filter");

        assertThat(filters).extracting(filter -> filter.get("name").asText())
                .containsExactlyInAnyOrder(TasklistFilters.MY_TASKS, TasklistFilters.MY_UNITS_TASKS);
    }

    @Test
    void theEngineForgetsTheCallerAfterTheRequest() {
        HttpApi verifier = HttpApi.as(port, "donghu-verifier", DemoAccounts.PASSWORD);
        HttpApi anonymous = HttpApi.anonymous(port);
        for (int i = 0; i < 20; i++) {
            verifier.getJson("/engine-rest/task");
            verifier.getJson(CallerEchoController.PATH);
            // servlet threads are pooled: a later request on the same thread must not inherit the caller
            assertThat(anonymous.getJson(CallerEchoController.LEFTOVER_PATH).get("userId").asText()).isEmpty();
        }
    }

    private static String filterId(HttpApi api, String name) {
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
