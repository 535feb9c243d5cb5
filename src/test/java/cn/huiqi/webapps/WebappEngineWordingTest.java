package cn.huiqi.webapps;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiqi.enterprise.Enterprise;
import cn.huiqi.enterprise.EnterpriseRegister;
import cn.huiqi.testsupport.QuickStartTest;
import cn.huiqi.testsupport.TestUsers;

/**
 * Issue 15 item 3: what the engine API of the webapps (Tasklist's {@code /camunda/api/engine}) answers when one of
 * our refusals stops a start form or a task form is the bilingual sentence alone: no task, definition or instance
 * id, no "Cannot submit task form" / "Cannot instantiate process definition" prefix, no field path; the status
 * of the refusal, and Camunda's {@code type}, which Tasklist reads.
 */
@QuickStartTest
class WebappEngineWordingTest {

    private static final String PASSWORD = "Wording-Test-2023";
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern DEFINITION_ID = Pattern.compile("[\\w-]+:\\d+:");
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    EnterpriseRegister register;

    @Test
    void aRefusedStartFormIsTheBilingualSentenceAlone() throws Exception {
        enterprise("tlw-ent-start", "91360111MA38TL16XD", "南昌措辞测试一有限公司");
        Tasklist enterprise = Tasklist.signIn(port, "tlw-ent-start");

        HttpResponse<String> start = enterprise.post("/process-definition/key/m1-order-reward/submit-form",
                "{\"variables\":{\"orders\":{\"value\":\"{}\",\"type\":\"Json\"}}}");

        assertBilingualAlone(start, 400, "orders");
    }

    @Test
    void aSecondApplicationRefusedAsAConflictIsTheBilingualSentenceAlone() throws Exception {
        enterprise("tlw-ent-twice", "91360111MA38TL17XE", "南昌措辞测试二有限公司");
        Tasklist enterprise = Tasklist.signIn(port, "tlw-ent-twice");
        String form = "{\"variables\":{\"orders\":{\"value\":" + JSON.writeValueAsString(JSON.writeValueAsString(List.of(order())))
                + ",\"type\":\"Json\"}}}";
        assertThat(enterprise.post("/process-definition/key/m1-order-reward/submit-form", form).statusCode()).isEqualTo(200);

        HttpResponse<String> again = enterprise.post("/process-definition/key/m1-order-reward/submit-form", form);

        assertBilingualAlone(again, 409, "orders");
    }

    @Test
    void aRefusedTaskFormIsTheBilingualSentenceAlone() throws Exception {
        enterprise("tlw-ent-task", "91360111MA38TL18XF", "南昌措辞测试三有限公司");
        TestUsers.person(identityService, "tlw-verifier", "qingshanhu", PASSWORD);
        Map<String, Object> order = order();
        order.put("contractNumber", "HT-TLW-002"); // a contract is claimed once
        String caseNumber = TestUsers.as(identityService, "tlw-ent-task", () -> runtimeService
                .startProcessInstanceByKey("m1-order-reward", Map.of("orders", List.of(order))).getBusinessKey());
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("Task_LocalityVerification").singleResult().getId();
        Tasklist verifier = Tasklist.signIn(port, "tlw-verifier");
        assertThat(verifier.post("/task/" + taskId + "/claim", "{\"userId\":\"tlw-verifier\"}").statusCode()).isEqualTo(204);

        // approve without a result for the order
        HttpResponse<String> submit = verifier.post("/task/" + taskId + "/submit-form",
                "{\"variables\":{\"decision\":{\"value\":\"approve\"}}}");

        assertBilingualAlone(submit, 400, "orderVerification");
        assertThat(submit.body()).contains("核实通过前");
    }

    private static void assertBilingualAlone(HttpResponse<String> response, int status, String field) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        String message = body.get("message").asText();
        assertThat(body.get("type").asText()).as("Camunda's type, which Tasklist reads").endsWith("Exception");
        assertThat(message).as("one sentence in Chinese, then English").contains(" / ").matches("^[^A-Za-z]*[\\u4e00-\\u9fff].*");
        assertThat(UUID.matcher(message).find()).as("no id in: " + message).isFalse();
        assertThat(DEFINITION_ID.matcher(message).find()).as("no process definition id in: " + message).isFalse();
        assertThat(message).as("no engine prefix, no field path")
                .doesNotContain("Cannot").doesNotContain("process definition").doesNotContain("task form")
                .doesNotContain(field + ":").doesNotContain(field + "[");
    }

    private void enterprise(String user, String uscc, String name) {
        TestUsers.person(identityService, user, "enterprise", PASSWORD);
        Enterprise enterprise = register.register(new EnterpriseRegister.Registration(uscc, name, "qingshanhu", "孙八",
                "0791-80000016", null, null, null));
        register.bind(enterprise, user);
    }

    private static Map<String, Object> order() {
        Map<String, Object> order = new HashMap<>();
        order.put("counterparty", "上海某某贸易有限公司");
        order.put("contractNumber", "HT-TLW-001");
        order.put("signingDate", "2023-08-01");
        order.put("orderAmount", "250000000.00");
        order.put("executionEvidence", "发货单 FH-2023-016");
        return order;
    }

    /** A signed-in Tasklist session against the webapps' engine API, with their CSRF token. */
    private record Tasklist(int port, HttpClient http, CookieManager cookies) {

        static Tasklist signIn(int port, String user) throws IOException, InterruptedException {
            CookieManager cookies = new CookieManager();
            Tasklist tasklist = new Tasklist(port, HttpClient.newBuilder().cookieHandler(cookies)
                    .followRedirects(HttpClient.Redirect.NORMAL).build(), cookies);
            tasklist.send(HttpRequest.newBuilder(tasklist.url("/camunda/app/tasklist/default/")).GET());
            HttpResponse<String> login = tasklist.send(tasklist.withToken(HttpRequest.newBuilder(
                            tasklist.url("/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                            + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)))));
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            // the session changed at login: its XSRF token comes with the next response
            tasklist.send(tasklist.withToken(HttpRequest.newBuilder(tasklist.url("/camunda/api/engine/engine/default/task?maxResults=1"))
                    .header("Accept", "application/json").GET()));
            return tasklist;
        }

        HttpResponse<String> post(String enginePath, String json) throws IOException, InterruptedException {
            return send(withToken(HttpRequest.newBuilder(url("/camunda/api/engine/engine/default" + enginePath))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))));
        }

        private HttpRequest.Builder withToken(HttpRequest.Builder request) {
            cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
            return request;
        }

        private URI url(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }
}
