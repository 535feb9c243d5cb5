package cn.huiqi.attack;

import static cn.huiqi.testsupport.HttpApi.expect;
import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;


/**
 * The exact reproductions of issue 9, items 2 and 3, and the assignment family: routing variables sent by
 * the applicant or a verifier, variable writes by reviewers, handing a task to the applicant by assignee,
 * identity link, delegation or a claim for someone else, starts with routing variables, messages; and the
 * proof that routing comes from the case record even when a variable says otherwise.
 */
class RoutingAndAssignmentAttackTest extends CaseAttackBase {

    @Test
    void theApplicantCannotRouteItsCaseThroughTheSupplement() {
        String caseNumber = atLocalitySupplement();
        String applicant = applicantOf(caseNumber);
        Task supplement = task(caseNumber, "Task_LocalitySupplement");
        Map<String, Object> before = snapshot(supplement.getId(), caseNumber, instancesOf(caseNumber));

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("supplementNote", string("已补充"));
        body.put("localityUnit", string("enterprise"));
        body.put("reviewUnits", list("enterprise"));
        HttpResponse<String> response = api(applicant).post("/engine-rest/task/" + supplement.getId() + "/complete", variables(body));

        AttackLedger.record("routing-variables", response.statusCode() == 400, "supplement with localityUnit/reviewUnits → " + response.statusCode());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("localityUnit").contains("reviewUnits");
        assertThat(snapshot(supplement.getId(), caseNumber, instancesOf(caseNumber))).isEqualTo(before);

        // the declared fields alone: the case goes back to its own locality, and the enterprise sees no review task
        expect(204, api(applicant).post("/engine-rest/task/" + supplement.getId() + "/complete",
                variables(Map.of("supplementNote", string("已补充")))));
        Task verification = task(caseNumber, "Task_LocalityVerification");
        assertThat(candidateGroups(taskService.getIdentityLinksForTask(verification.getId()))).containsExactly("donghu");
        assertThat(api(applicant).getJson("/engine-rest/task?processInstanceBusinessKey=" + caseNumber)).isEmpty();
        HttpResponse<String> selfApproval = api(applicant).post("/engine-rest/task/" + verification.getId() + "/complete",
                variables(approveTheOrderOverRest()));
        AttackLedger.record("routing-variables", selfApproval.statusCode() == 403, "applicant approves its verification → " + selfApproval.statusCode());
        assertThat(selfApproval.statusCode()).isEqualTo(403);
    }

    @Test
    void aVerifierCannotChooseOrSkipTheCityReview() {
        String caseNumber = newCase();
        Task verification = task(caseNumber, "Task_LocalityVerification");
        Map<String, Object> before = snapshot(verification.getId(), caseNumber, instancesOf(caseNumber));
        for (Map<String, Object> reviewUnits : List.of(list("donghu"), list())) {
            Map<String, Object> body = approveTheOrderOverRest();
            body.put("reviewUnits", reviewUnits);
            HttpResponse<String> response = api(LOCALITY).post("/engine-rest/task/" + verification.getId() + "/complete", variables(body));
            AttackLedger.record("routing-variables", response.statusCode() == 400, "verifier sets reviewUnits " + reviewUnits + " → " + response.statusCode());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.body()).contains("reviewUnits");
            assertThat(snapshot(verification.getId(), caseNumber, instancesOf(caseNumber))).isEqualTo(before);
        }
        for (String user : List.of(LOCALITY, CITY.get("gxj"), applicantOf(caseNumber))) {
            HttpResponse<String> put = api(user).put("/engine-rest/task/" + verification.getId() + "/variables/localityUnit",
                    toJson(string("enterprise")));
            AttackLedger.record("task-variable-write", put.statusCode() == 403 || put.statusCode() == 404, user + " PUT localityUnit → " + put.statusCode());
            assertThat(put.statusCode()).isIn(403, 404);
        }
        assertThat(snapshot(verification.getId(), caseNumber, instancesOf(caseNumber))).isEqualTo(before);
    }

    @Test
    void routingFollowsTheCaseRecordEvenWhenTheVariablesSayOtherwise() {
        String caseNumber = newCase();
        // what an attacker wanted the variables to say, written here past every guard (as the system)
        for (String instance : instancesOf(caseNumber)) {
            runtimeService.setVariable(instance, "localityUnit", "xihu");
            runtimeService.setVariable(instance, "reviewUnits", List.of("donghu"));
            runtimeService.setVariable(instance, "applicant", OTHER_ENTERPRISE);
        }
        complete(LOCALITY, task(caseNumber, "Task_LocalityVerification"), Map.of("decision", "sendBack", "comment", "补充"));
        assertThat(task(caseNumber, "Task_LocalitySupplement").getAssignee()).isEqualTo(applicantOf(caseNumber));
        complete(applicantOf(caseNumber), task(caseNumber, "Task_LocalitySupplement"), Map.of("supplementNote", "已补充"));
        assertThat(candidateGroups(taskService.getIdentityLinksForTask(task(caseNumber, "Task_LocalityVerification").getId())))
                .containsExactly("donghu");
        for (String instance : instancesOf(caseNumber)) {
            runtimeService.setVariable(instance, "reviewUnits", List.of());
        }
        complete(LOCALITY, task(caseNumber, "Task_LocalityVerification"), approveTheOrder());
        List<String> reviewers = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("Task_CityReview")
                .list().stream().flatMap(t -> candidateGroups(taskService.getIdentityLinksForTask(t.getId())).stream()).toList();
        assertThat(reviewers).containsExactlyInAnyOrder("gxj", "swj");
        assertThat(jdbc.queryForObject("SELECT status FROM case_record WHERE case_number = ?", String.class, caseNumber))
                .isEqualTo("CITY_REVIEW");
        assertThat(jdbc.queryForMap("SELECT lead_unit, finance_unit FROM case_record WHERE case_number = ?", caseNumber))
                .containsEntry("lead_unit", "gxj").containsEntry("finance_unit", "czj");
    }

    /**
     * A diagram's bean call names a bean: JUEL would first look the name up among the variables, so a variable called
     * caseRouting or caseStatus would answer instead of the bean (process.BeanCallExpression).
     */
    @Test
    void aVariableNamedLikeABeanCannotStandInForIt() {
        String caseNumber = newCase();
        // written past every guard (as the system): objects whose methods would route the case elsewhere
        for (String instance : instancesOf(caseNumber)) {
            for (String bean : List.of("caseRouting", "caseStatus", "reviewStepCompleted")) {
                runtimeService.setVariable(instance, bean, org.camunda.bpm.engine.variable.Variables.objectValue(new Impostor())
                        .serializationDataFormat("application/json").create());
            }
        }
        complete(LOCALITY, task(caseNumber, "Task_LocalityVerification"), Map.of("decision", "sendBack", "comment", "补充"));
        String assignee = task(caseNumber, "Task_LocalitySupplement").getAssignee();
        AttackLedger.record("bean-shadowing", applicantOf(caseNumber).equals(assignee), "caseRouting variable names the supplement's assignee → " + assignee);
        assertThat(assignee).isEqualTo(applicantOf(caseNumber));
        complete(applicantOf(caseNumber), task(caseNumber, "Task_LocalitySupplement"), Map.of("supplementNote", "已补充"));
        List<String> locality = candidateGroups(taskService.getIdentityLinksForTask(task(caseNumber, "Task_LocalityVerification").getId()));
        AttackLedger.record("bean-shadowing", locality.equals(List.of("donghu")), "caseRouting variable names the verifying unit → " + locality);
        assertThat(locality).containsExactly("donghu");
        complete(LOCALITY, task(caseNumber, "Task_LocalityVerification"), approveTheOrder());
        List<String> reviewers = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("Task_CityReview")
                .list().stream().flatMap(t -> candidateGroups(taskService.getIdentityLinksForTask(t.getId())).stream()).toList();
        AttackLedger.record("bean-shadowing", reviewers.size() == 2 && reviewers.containsAll(List.of("gxj", "swj")),
                "caseRouting variable names the city reviewers → " + reviewers);
        assertThat(reviewers).containsExactlyInAnyOrder("gxj", "swj");
        String status = jdbc.queryForObject("SELECT status FROM case_record WHERE case_number = ?", String.class, caseNumber);
        AttackLedger.record("bean-shadowing", "CITY_REVIEW".equals(status), "caseStatus variable keeps the case's status → " + status);
        assertThat(status).isEqualTo("CITY_REVIEW");
        assertThat(Impostor.CALLS.get()).as("an impostor's method was called").isZero();
    }

    /** Stands in for caseRouting, caseStatus and a listener bean: every answer routes the case to someone else. */
    public static class Impostor implements java.io.Serializable {

        static final java.util.concurrent.atomic.AtomicInteger CALLS = new java.util.concurrent.atomic.AtomicInteger();

        public String getUnit() {
            return "xihu";
        }

        public void setUnit(String unit) {
        }

        public String localityOf(Object execution) {
            CALLS.incrementAndGet();
            return "xihu";
        }

        public List<String> reviewUnitsOf(Object execution) {
            CALLS.incrementAndGet();
            return List.of("donghu");
        }

        public String reviewUnitOf(Object execution) {
            CALLS.incrementAndGet();
            return "donghu";
        }

        public String applicantOf(Object execution) {
            CALLS.incrementAndGet();
            return OTHER_ENTERPRISE;
        }

        public void enter(Object execution, String status) {
            CALLS.incrementAndGet();
        }
    }

    @Test
    void aReviewerCannotHandItsTaskToTheApplicant() {
        String caseNumber = atCityReview();
        Task gxjTask = cityTask(caseNumber, "gxj");
        String id = gxjTask.getId();
        String gxj = CITY.get("gxj");
        Map<String, Object> before = snapshot(id, caseNumber, instancesOf(caseNumber));
        String applicant = applicantOf(caseNumber);
        String toApplicant = "{\"userId\":\"" + applicant + "\"}";

        assertRefused("assignment", gxj + " assigns to the applicant", api(gxj).post("/engine-rest/task/" + id + "/assignee", toApplicant), id, caseNumber, before);
        assertRefused("assignment", "admin assigns to the applicant", api(ADMIN).post("/engine-rest/task/" + id + "/assignee", toApplicant), id, caseNumber, before);
        assertRefused("assignment", gxj + " claims for the applicant", api(gxj).post("/engine-rest/task/" + id + "/claim", toApplicant), id, caseNumber, before);
        assertRefused("assignment", gxj + " claims for a colleague unit", api(gxj).post("/engine-rest/task/" + id + "/claim",
                "{\"userId\":\"" + CITY.get("swj") + "\"}"), id, caseNumber, before);
        assertRefused("assignment", gxj + " adds candidate group enterprise", api(gxj).post("/engine-rest/task/" + id + "/identity-links",
                "{\"groupId\":\"enterprise\",\"type\":\"candidate\"}"), id, caseNumber, before);
        assertRefused("assignment", "admin adds candidate group enterprise", api(ADMIN).post("/engine-rest/task/" + id + "/identity-links",
                "{\"groupId\":\"enterprise\",\"type\":\"candidate\"}"), id, caseNumber, before);
        assertRefused("assignment", "admin adds the task's own candidate group gxj a second time", api(ADMIN).post("/engine-rest/task/" + id
                + "/identity-links", "{\"groupId\":\"gxj\",\"type\":\"candidate\"}"), id, caseNumber, before);
        assertRefused("assignment", gxj + " adds the applicant as candidate", api(gxj).post("/engine-rest/task/" + id + "/identity-links",
                "{\"userId\":\"" + applicant + "\",\"type\":\"candidate\"}"), id, caseNumber, before);
        assertRefused("assignment", gxj + " makes the applicant assignee by identity link", api(gxj).post("/engine-rest/task/" + id
                + "/identity-links", "{\"userId\":\"" + applicant + "\",\"type\":\"assignee\"}"), id, caseNumber, before);
        assertRefused("assignment", gxj + " removes its own unit's candidacy", api(gxj).post("/engine-rest/task/" + id + "/identity-links/delete",
                "{\"groupId\":\"gxj\",\"type\":\"candidate\"}"), id, caseNumber, before);
        assertRefused("assignment", gxj + " delegates to the applicant", api(gxj).post("/engine-rest/task/" + id + "/delegate", toApplicant), id, caseNumber, before);
        assertRefused("assignment", "admin delegates to the applicant", api(ADMIN).post("/engine-rest/task/" + id + "/delegate", toApplicant), id, caseNumber, before);
        assertRefused("assignment", gxj + " makes the applicant owner", api(gxj).post("/engine-rest/task/" + id + "/identity-links",
                "{\"userId\":\"" + applicant + "\",\"type\":\"owner\"}"), id, caseNumber, before);
        assertRefused("assignment", gxj + " PUT task with the applicant as assignee", api(gxj).put("/engine-rest/task/" + id,
                "{\"name\":\"市级审核 / City review\",\"assignee\":\"" + applicant + "\"}"), id, caseNumber, before);
        assertRefused("assignment", "admin PUT task with the applicant as owner", api(ADMIN).put("/engine-rest/task/" + id,
                "{\"name\":\"市级审核 / City review\",\"owner\":\"" + applicant + "\"}"), id, caseNumber, before);
        assertRefused("assignment", "applicant resolves the review", api(applicant).post("/engine-rest/task/" + id + "/resolve",
                variables(Map.of("decision", string("approve")))), id, caseNumber, before);
        assertRefused("assignment", "applicant completes the review", api(applicant).post("/engine-rest/task/" + id + "/complete",
                variables(Map.of("decision", string("approve")))), id, caseNumber, before);
        assertRefused("task-bpmn-error", gxj + " throws CASE_REJECTED", api(gxj).post("/engine-rest/task/" + id + "/bpmnError",
                "{\"errorCode\":\"CASE_REJECTED\"}"), id, caseNumber, before);
        assertRefused("task-bpmn-error", gxj + " escalates", api(gxj).post("/engine-rest/task/" + id + "/bpmnEscalation",
                "{\"escalationCode\":\"X\"}"), id, caseNumber, before);

        // the verifier claims the verification for the applicant (the keycloak finding of item 3)
        String other = newCase();
        Task verification = task(other, "Task_LocalityVerification");
        Map<String, Object> atVerification = snapshot(verification.getId(), other, instancesOf(other));
        assertRefused("assignment", "verifier claims for the applicant", api(LOCALITY).post("/engine-rest/task/" + verification.getId() + "/claim",
                "{\"userId\":\"" + applicantOf(other) + "\"}"), verification.getId(), other, atVerification);

        assertRefused("task-properties", gxj + " renames its task", api(gxj).put("/engine-rest/task/" + id,
                "{\"name\":\"已核实，请直接通过\"}"), id, caseNumber, before);
        assertRefused("task-properties", gxj + " moves its due date", api(gxj).put("/engine-rest/task/" + id,
                "{\"name\":\"" + gxjTask.getName() + "\",\"due\":\"2099-01-01T00:00:00.000+0800\"}"), id, caseNumber, before);
        assertThat(gxjTask.getDueDate()).as("city review's time limit").isNotNull();
        assertRefused("task-properties", "admin removes its due date (it would sit first in the unit's queue)", api(ADMIN).put(
                "/engine-rest/task/" + id, "{\"name\":\"" + gxjTask.getName() + "\",\"priority\":" + gxjTask.getPriority()
                        + ",\"due\":null}"), id, caseNumber, before);
        assertThat(taskService.createTaskQuery().taskId(id).singleResult().getDueDate()).isEqualTo(gxjTask.getDueDate());

        // what a reviewer may do: claim for itself, unclaim (both ways Tasklist does), a follow-up date, complete its own task
        expect(204, api(gxj).post("/engine-rest/task/" + id + "/claim", "{\"userId\":\"" + gxj + "\"}"));
        expect(204, api(gxj).post("/engine-rest/task/" + id + "/claim", "{\"userId\":null}"));
        assertThat(taskService.createTaskQuery().taskId(id).singleResult().getAssignee()).isNull();
        expect(204, api(gxj).post("/engine-rest/task/" + id + "/claim", "{\"userId\":\"" + gxj + "\"}"));
        expect(204, api(gxj).post("/engine-rest/task/" + id + "/unclaim", ""));
        assertThat(taskService.createTaskQuery().taskId(id).singleResult().getAssignee()).isNull();
        // Tasklist sends the whole task back with the follow-up date: its due date (set by the time limit) unchanged
        String due = gxjTask.getDueDate() == null ? "null"
                : "\"" + new java.text.SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(gxjTask.getDueDate()) + "\"";
        expect(204, api(gxj).put("/engine-rest/task/" + id, "{\"name\":\"" + gxjTask.getName()
                + "\",\"priority\":" + gxjTask.getPriority() + ",\"due\":" + due + ",\"followUp\":\"2023-10-09T09:00:00.000+0800\"}"));
        expect(204, api(gxj).post("/engine-rest/task/" + id + "/complete", variables(Map.of("decision", string("approve")))));
    }

    @Test
    void startsAndMessagesCarryNoRoutingVariables() {
        long casesBefore = jdbc.queryForObject("SELECT COUNT(*) FROM case_record", Long.class);
        String applicant = newApplicant(); // an enterprise that has not applied yet
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("orders", json(toJson(List.of(order("出库单")))));
        form.put("localityUnit", string("enterprise"));
        form.put("reviewUnits", list("enterprise"));
        for (String path : List.of("submit-form", "start")) {
            HttpResponse<String> response = api(applicant).post("/engine-rest/process-definition/key/m1-order-reward/" + path, variables(form));
            AttackLedger.record("start-variables", response.statusCode() == 403, "start (" + path + ") with routing variables → " + response.statusCode());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
            assertThat(response.body()).contains("localityUnit");
        }
        HttpResponse<String> atActivity = api(applicant).post("/engine-rest/process-definition/key/m1-order-reward/start", toJson(Map.of(
                "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "CallActivity_Review")))));
        AttackLedger.record("start-variables", atActivity.statusCode() == 403, "start at the review → " + atActivity.statusCode());
        assertThat(atActivity.statusCode()).isEqualTo(403);
        for (String user : List.of(applicant, LOCALITY, CITY.get("gxj"), POLICY)) {
            HttpResponse<String> review = api(user).post("/engine-rest/process-definition/key/review-chain/start", "{}");
            AttackLedger.record("start-variables", review.statusCode() == 403 || review.statusCode() == 404,
                    user + " starts review-chain → " + review.statusCode());
            assertThat(review.statusCode()).isIn(403, 404);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_record", Long.class)).isEqualTo(casesBefore);

        String caseNumber = awaitingSettlement();
        String status = jdbc.queryForObject("SELECT status FROM case_record WHERE case_number = ?", String.class, caseNumber);
        for (String user : List.of(applicantOf(caseNumber), CITY.get("gxj"), CITY.get("czj"))) {
            HttpResponse<String> message = api(user).post("/engine-rest/message", toJson(Map.of("messageName", "settlement-decided",
                    "businessKey", caseNumber, "processVariables", Map.of("funded", Map.of("value", true, "type", "Boolean")))));
            AttackLedger.record("message-variables", message.statusCode() == 403, user + " correlates settlement-decided → " + message.statusCode());
            assertThat(message.statusCode()).isEqualTo(403);
        }
        assertThat(jdbc.queryForObject("SELECT status FROM case_record WHERE case_number = ?", String.class, caseNumber)).isEqualTo(status);
    }

    @Test
    void tasklistRefusesTheSameAndCompletesTheDeclaredFields() throws Exception {
        String caseNumber = atLocalitySupplement();
        Task supplement = task(caseNumber, "Task_LocalitySupplement");
        Tasklist tasklist = new Tasklist(port);
        tasklist.login(applicantOf(caseNumber), PASSWORD);

        HttpResponse<String> withRouting = tasklist.post("/camunda/api/engine/engine/default/task/" + supplement.getId() + "/submit-form",
                variables(Map.of("supplementNote", string("已补充"), "localityUnit", string("enterprise"))));
        AttackLedger.record("task-extra-variables", withRouting.statusCode() == 400, "Tasklist submit with localityUnit → " + withRouting.statusCode());
        assertThat(withRouting.statusCode()).as(withRouting.body()).isEqualTo(400);
        assertThat(withRouting.body()).contains("localityUnit");

        HttpResponse<String> declared = tasklist.post("/camunda/api/engine/engine/default/task/" + supplement.getId() + "/submit-form",
                variables(Map.of("supplementNote", string("已补充"), "supplementEvidence", string("发票 No.1"))));
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(204);
        assertThat(candidateGroups(taskService.getIdentityLinksForTask(task(caseNumber, "Task_LocalityVerification").getId())))
                .containsExactly("donghu");
    }

    @Test
    void anAdministratorCannotDeployABpmnWhoseUserTaskHasNoContract() {
        String bpmn = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"x\"><bpmn:process id=\"no-contract\" isExecutable=\"true\""
                + " camunda:historyTimeToLive=\"P1D\"><bpmn:startEvent id=\"s\"/><bpmn:sequenceFlow id=\"f1\" sourceRef=\"s\" targetRef=\"approve\"/>"
                + "<bpmn:userTask id=\"approve\" camunda:candidateGroups=\"enterprise\"/><bpmn:sequenceFlow id=\"f2\" sourceRef=\"approve\" targetRef=\"e\"/>"
                + "<bpmn:endEvent id=\"e\"/></bpmn:process></bpmn:definitions>";
        // the engine logs the refused deployment's parse error with its stack (ENGINE-16004): expected here, kept out of the log
        java.util.concurrent.atomic.AtomicReference<HttpResponse<String>> answer = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            cn.huiqi.testsupport.QuietLoggers.during(() -> answer.set(deploy(bpmn)), cn.huiqi.testsupport.QuietLoggers.ENGINE_COMMANDS).call();
        } catch (Throwable unexpected) {
            throw new AssertionError(unexpected);
        }
        HttpResponse<String> response = answer.get();
        AttackLedger.record("bpmn-without-contract", response.statusCode() == 400, "admin deploys a user task without contract → " + response.statusCode());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("approve").contains("TaskContract");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("no-contract").count()).isZero();
    }

    private HttpResponse<String> deploy(String bpmn) {
        String boundary = "----huiqi" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nno-contract\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"no-contract.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
        String auth = java.util.Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
                    .header("Authorization", "Basic " + auth).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private void assertRefused(String family, String what, HttpResponse<String> response, String taskId, String caseNumber,
                               Map<String, Object> before) {
        boolean refused = response.statusCode() == 403 || response.statusCode() == 404 || response.statusCode() == 400;
        boolean unchanged = snapshot(taskId, caseNumber, instancesOf(caseNumber)).equals(before);
        AttackLedger.record(family, refused && unchanged, what + " → " + response.statusCode() + " " + response.body());
        assertThat(response.statusCode()).as(what + ": " + response.body()).isIn(400, 403, 404);
        assertThat(snapshot(taskId, caseNumber, instancesOf(caseNumber))).as(what + " changed nothing").isEqualTo(before);
    }

    /** A browser session of Tasklist: Camunda's own login, session cookie and XSRF token. */
    static final class Tasklist {
        private final int port;
        private final CookieManager cookies = new CookieManager();
        private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();

        Tasklist(int port) {
            this.port = port;
        }

        void login(String user, String password) throws IOException, InterruptedException {
            send(HttpRequest.newBuilder(url("/camunda/app/tasklist/default/")).GET());
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
            HttpResponse<String> login = send(withXsrf(HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))));
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            // the session changed at login: its XSRF token comes with the next response
            send(withXsrf(HttpRequest.newBuilder(url("/camunda/api/engine/engine/default/task?maxResults=1")).GET()));
        }

        HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
            return send(withXsrf(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))));
        }

        private HttpRequest.Builder withXsrf(HttpRequest.Builder request) {
            cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue)
                    .findFirst().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
            return request.header("Accept", "application/json");
        }

        private URI url(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return browser.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }
}
