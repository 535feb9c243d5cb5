package cn.huiqi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiqi.enterprise.EnterpriseRegister;
import cn.huiqi.enterprise.EnterpriseRepository;

/**
 * Who may do what with tokens of the real realm: every role × (its own unit's case/task, another unit's)
 * × (read, claim, complete), through the app's API and Camunda's REST API. Two measure-1 cases:
 * ent-hongdu's (locality donghu) and ent-jixiang's (locality qingshanhu), applied for with their tokens.
 * Measure 1 takes one application per enterprise and the realm's enterprises are fixed, so each is applied
 * for once and shared by the tests, in order: first those that leave both at locality verification, then
 * the completion of hongdu's verification, then its city review.
 */
@KeycloakIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakAccessMatrixTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    EnterpriseRegister enterpriseRegister;
    @Autowired
    EnterpriseRepository enterprises;
    @Autowired
    TaskService taskService;

    String hongduCase;
    String jixiangCase;

    @BeforeEach
    void twoCasesOfTwoLocalities() {
        KeycloakTestRealm.registerDemoEnterprises(enterpriseRegister, enterprises);
        hongduCase = measureOneCaseOf("ent-hongdu");
        jixiangCase = measureOneCaseOf("ent-jixiang");
    }

    /**
     * At locality verification. Columns: read hongdu's case, read jixiang's; sees the verification task of
     * hongdu's case, of jixiang's; may claim hongdu's task, jixiang's.
     */
    @Order(1)
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // user,              read own/other, see tasks,  claim
            "donghu-verifier,     200, 403,       true, false, true, false",
            "qingshanhu-verifier, 403, 200,       false, true, false, true",
            "xihu-verifier,       403, 403,       false, false, false, false",
            "ent-hongdu,          200, 403,       false, false, false, false",
            "ent-jixiang,         403, 200,       false, false, false, false",
            // measure 1 is reviewed by gxj and swj (recorded on the case before verification); not by jrb
            "gxj-reviewer,        200, 200,       false, false, false, false",
            "swj-reviewer,        200, 200,       false, false, false, false",
            "jrb-reviewer,        403, 403,       false, false, false, false",
            // finance sees a case only from disbursement on
            "czj-finance,         403, 403,       false, false, false, false",
            "policy-staff,        200, 200,       false, false, false, false",
            // auditors read everything and change nothing
            "audit-staff,         200, 200,       true, true, false, false",
            // administrators see everything but hold no step's role: a task is claimed only by whom its contract names
            "admin,               200, 200,       true, true, false, false"})
    void atLocalityVerification(String user, int readHongdu, int readJixiang, boolean seesHongduTask,
                                boolean seesJixiangTask, boolean claimsHongdu, boolean claimsJixiang) {
        BearerApi api = BearerApi.as(port, user);
        String hongduTask = engineTask(hongduCase, "Task_LocalityVerification");
        String jixiangTask = engineTask(jixiangCase, "Task_LocalityVerification");

        assertThat(api.get("/api/cases/" + hongduCase).statusCode()).as("read " + hongduCase).isEqualTo(readHongdu);
        assertThat(api.get("/api/cases/" + jixiangCase).statusCode()).as("read " + jixiangCase).isEqualTo(readJixiang);
        assertThat(caseNumbers(api.getJson("/api/cases").get("items"))).as("list")
                .containsAll(readHongdu == 200 ? List.of(hongduCase) : List.of())
                .containsAll(readJixiang == 200 ? List.of(jixiangCase) : List.of());
        if (readHongdu != 200) {
            assertThat(caseNumbers(api.getJson("/api/cases").get("items"))).doesNotContain(hongduCase);
        }
        assertThat(visibleTaskIds(api, hongduCase)).as("tasks of " + hongduCase)
                .isEqualTo(seesHongduTask ? List.of(hongduTask) : List.of());
        assertThat(visibleTaskIds(api, jixiangCase)).as("tasks of " + jixiangCase)
                .isEqualTo(seesJixiangTask ? List.of(jixiangTask) : List.of());
        assertClaim(api, user, hongduTask, claimsHongdu);
        assertClaim(api, user, jixiangTask, claimsJixiang);
    }

    @Order(3)
    @Test
    void onlyTheCandidateLocalityCompletesItsVerification() {
        String task = engineTask(hongduCase, "Task_LocalityVerification");
        for (String user : List.of("qingshanhu-verifier", "ent-hongdu", "gxj-reviewer", "czj-finance", "policy-staff", "audit-staff")) {
            assertThat(BearerApi.as(port, user).post("/engine-rest/task/" + task + "/complete", approveTheOrder()).statusCode())
                    .as(user).isIn(403, 404);
            assertThat(taskService.createTaskQuery().taskId(task).count()).as(user).isEqualTo(1);
        }

        // the candidate locality approves with a result for the case's order (approving without one is refused)
        // the engine logs the refusal with a stack trace: not wanted in the test output
        ch.qos.logback.classic.Logger engineCommands = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.camunda.bpm.engine.context");
        ch.qos.logback.classic.Level level = engineCommands.getLevel();
        engineCommands.setLevel(ch.qos.logback.classic.Level.OFF);
        HttpResponse<String> withoutResult;
        try {
            withoutResult = BearerApi.as(port, "donghu-verifier").post("/engine-rest/task/" + task + "/complete", approve());
        } finally {
            engineCommands.setLevel(level);
        }
        assertThat(withoutResult.statusCode()).as(withoutResult.body()).isEqualTo(400);
        assertThat(withoutResult.body()).contains("orderVerification");
        BearerApi.expect(204, BearerApi.as(port, "donghu-verifier").post("/engine-rest/task/" + task + "/complete", approveTheOrder()));
        assertThat(status("ent-hongdu", hongduCase)).isEqualTo("CITY_REVIEW");
    }

    @Order(4)
    @Test
    void atCityReviewEachBureauWorksItsOwnTaskOnly() {
        Task verification = taskService.createTaskQuery().processInstanceBusinessKey(hongduCase)
                .taskDefinitionKey("Task_LocalityVerification").singleResult();
        if (verification != null) { // run on its own: the case is still at locality verification
            BearerApi.expect(204, BearerApi.as(port, "donghu-verifier").post("/engine-rest/task/" + verification.getId() + "/complete",
                    approveTheOrder()));
        }
        assertThat(status("ent-hongdu", hongduCase)).isEqualTo("CITY_REVIEW");

        String gxjTask = visibleTaskIds(BearerApi.as(port, "gxj-reviewer"), hongduCase).get(0);
        String swjTask = visibleTaskIds(BearerApi.as(port, "swj-reviewer"), hongduCase).get(0);
        assertThat(gxjTask).isNotEqualTo(swjTask);
        assertThat(visibleTaskIds(BearerApi.as(port, "gxj-reviewer"), hongduCase)).containsExactly(gxjTask);
        for (String user : List.of("jrb-reviewer", "donghu-verifier", "ent-hongdu", "czj-finance")) {
            assertThat(visibleTaskIds(BearerApi.as(port, user), hongduCase)).as(user).isEmpty();
        }
        assertThat(visibleTaskIds(BearerApi.as(port, "audit-staff"), hongduCase)).containsExactlyInAnyOrder(gxjTask, swjTask);
        // one bureau cannot decide for the other, nor an auditor for either
        assertThat(BearerApi.as(port, "gxj-reviewer").post("/engine-rest/task/" + swjTask + "/complete", approve()).statusCode()).isIn(403, 404);
        assertClaim(BearerApi.as(port, "gxj-reviewer"), "gxj-reviewer", swjTask, false);
        assertThat(BearerApi.as(port, "audit-staff").post("/engine-rest/task/" + gxjTask + "/complete", approve()).statusCode()).isIn(403, 404);

        // finance works on disbursement only: no review task is its to read, claim or complete
        assertThat(visibleTaskIds(BearerApi.as(port, "czj-finance"), hongduCase)).isEmpty();
        assertClaim(BearerApi.as(port, "czj-finance"), "czj-finance", gxjTask, false);
        assertThat(BearerApi.as(port, "czj-finance").post("/engine-rest/task/" + gxjTask + "/complete", approve()).statusCode()).isIn(403, 404);

        BearerApi.expect(204, BearerApi.as(port, "gxj-reviewer").post("/engine-rest/task/" + gxjTask + "/claim", "{\"userId\":\"gxj-reviewer\"}"));
        // claimed by gxj-reviewer: swj's reviewer cannot take it over
        assertThat(BearerApi.as(port, "swj-reviewer").post("/engine-rest/task/" + gxjTask + "/complete", approve()).statusCode()).isIn(403, 404);
        BearerApi.expect(204, BearerApi.as(port, "gxj-reviewer").post("/engine-rest/task/" + gxjTask + "/complete", approve()));
        BearerApi.expect(204, BearerApi.as(port, "swj-reviewer").post("/engine-rest/task/" + swjTask + "/complete", approve()));
        assertThat(status("ent-hongdu", hongduCase)).isNotEqualTo("CITY_REVIEW");

        assertThat(BearerApi.as(port, "ent-jixiang").get("/api/cases/" + hongduCase).statusCode()).isEqualTo(403);
        assertThat(BearerApi.as(port, "jrb-reviewer").get("/api/cases/" + hongduCase).statusCode()).isEqualTo(403);
        List<String> actors = new ArrayList<>();
        BearerApi.as(port, "audit-staff").getJson("/api/cases/" + hongduCase).get("timeline")
                .forEach(entry -> actors.add(entry.get("actor").asText()));
        assertThat(actors).contains("ent-hongdu", "donghu-verifier", "gxj-reviewer", "swj-reviewer");
    }

    @Order(2)
    @Test
    void historyIsForAuditorsAndOperatorsNotForEnterprisesOrUnits() {
        assertThat(BearerApi.as(port, "audit-staff").getJson("/engine-rest/history/process-instance?processInstanceBusinessKey=" + hongduCase))
                .isNotEmpty();
        assertThat(BearerApi.as(port, "audit-staff").getJson("/engine-rest/process-instance?businessKey=" + hongduCase)).isNotEmpty();
        for (String user : List.of("ent-hongdu", "donghu-verifier", "gxj-reviewer")) {
            assertThat(BearerApi.as(port, user).getJson("/engine-rest/history/process-instance?processInstanceBusinessKey=" + hongduCase))
                    .as(user).isEmpty();
            assertThat(BearerApi.as(port, user).getJson("/engine-rest/process-instance?businessKey=" + hongduCase)).as(user).isEmpty();
        }
        // auditors change nothing: no deleting instances, no variables
        String instance = BearerApi.as(port, "admin").getJson("/engine-rest/process-instance?businessKey=" + hongduCase).get(0).get("id").asText();
        assertThat(BearerApi.as(port, "audit-staff").post("/engine-rest/process-instance/" + instance + "/variables",
                "{\"modifications\":{\"x\":{\"value\":1,\"type\":\"Integer\"}}}").statusCode()).isEqualTo(403);
    }

    /** The enterprise's measure 1 case: applied for with the user's token the first time. */
    private String measureOneCaseOf(String user) {
        for (JsonNode c : BearerApi.as(port, user).getJson("/api/cases").get("items")) {
            if ("M1".equals(c.get("measure").asText())) {
                return c.get("caseNumber").asText();
            }
        }
        return apply(user);
    }

    private String apply(String user) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("counterparty", "上海某贸易有限公司");
        order.put("contractNumber", "KC-" + UUID.randomUUID());
        order.put("signingDate", "2023-08-18");
        order.put("orderAmount", "60000000.00");
        order.put("executionEvidence", "出库单 CK-2023-0818");
        Map<String, Object> application = Map.of("orders", java.util.List.of(order));
        HttpResponse<String> response = BearerApi.as(port, user).post("/api/m1/applications", json(application),
                "Idempotency-Key", UUID.randomUUID().toString());
        return BearerApi.expect(201, response).get("caseNumber").asText();
    }

    private String status(String user, String caseNumber) {
        return BearerApi.as(port, user).getJson("/api/cases/" + caseNumber).get("status").asText();
    }

    private String engineTask(String caseNumber, String activityId) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(activityId).singleResult();
        assertThat(task).as(activityId + " of " + caseNumber).isNotNull();
        return task.getId();
    }

    private static List<String> visibleTaskIds(BearerApi api, String caseNumber) {
        List<String> ids = new ArrayList<>();
        api.getJson("/engine-rest/task?processInstanceBusinessKey=" + caseNumber).forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }

    private void assertClaim(BearerApi api, String user, String taskId, boolean allowed) {
        HttpResponse<String> claim = api.post("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + user + "\"}");
        if (allowed) {
            assertThat(claim.statusCode()).as(user + " claims " + taskId).isEqualTo(204);
            assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(user);
            taskService.setAssignee(taskId, null);
        } else {
            assertThat(claim.statusCode()).as(user + " claims " + taskId + ": " + claim.body()).isIn(403, 404);
            assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
        }
    }

    private static List<String> caseNumbers(JsonNode cases) {
        List<String> numbers = new ArrayList<>();
        cases.forEach(c -> numbers.add(c.get("caseNumber").asText()));
        return numbers;
    }

    private static String approve() {
        return variables(Map.of("decision", "approve"));
    }

    /** The locality's approval of a one-order case: a result for the order (orderVerification, as Tasklist sends it). */
    private static String approveTheOrder() {
        return json(Map.of("variables", Map.of("decision", Map.of("value", "approve", "type", "String"),
                "orderVerification", Map.of("value", "[{\"line\":1,\"result\":\"accept\"}]", "type", "Json"))));
    }

    private static String variables(Map<String, String> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value, "type", "String")));
        return json(Map.of("variables", variables));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
