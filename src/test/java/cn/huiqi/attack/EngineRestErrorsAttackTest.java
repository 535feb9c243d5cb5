package cn.huiqi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.identity.DemoAccounts;
import cn.huiqi.rules.RulesWebTest;
import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.QuietLoggers;

/**
 * Issue 9 item 6, engine-rest parts: starting a measure through {@code /engine-rest} with invalid fields is a
 * 400 with the bilingual field errors (was 500) and starts nothing; no error body of {@code /engine-rest}
 * names a Java exception class or package.
 */
@RulesWebTest
class EngineRestErrorsAttackTest {

    private static final String START = "/engine-rest/process-definition/key/m1-order-reward/start";
    private static final String SUBMIT = "/engine-rest/process-definition/key/m1-order-reward/submit-form";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    CaseRecordRepository cases;

    private AutoCloseable quiet;

    @BeforeEach
    void quiet() {
        quiet = QuietLoggers.off(QuietLoggers.ENGINE_COMMANDS);
    }

    @AfterEach
    void loud() throws Exception {
        quiet.close();
    }

    @Test
    void startingWithInvalidFieldsIs400WithTheBilingualFieldErrors() {
        HttpApi enterprise = HttpApi.as(port, "ent-hongdu", DemoAccounts.PASSWORD);
        long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey("m1-order-reward").count();
        long caseCount = cases.count();
        // the declared start field with invalid orders: an empty counterparty, an impossible date, a negative amount
        Map<String, Object> invalid = Map.of("orders", Map.of("type", "Json", "value", HttpApi.toJson(List.of(Map.of("counterparty", "",
                "contractNumber", "HT-1", "signingDate", "2023-13-45", "orderAmount", "-5", "executionEvidence", "x")))));

        for (String path : new String[] {START, SUBMIT}) {
            HttpResponse<String> response = enterprise.post(path, HttpApi.toJson(Map.of("variables", invalid)));
            boolean refused = response.statusCode() == 400;
            AttackLedger.record("engine-rest-invalid-start", refused, path + " with invalid fields → " + response.statusCode());
            JsonNode body = HttpApi.expect(400, response);
            assertThat(body.get("type").asText()).isEqualTo("InvalidRequest");
            assertThat(body.get("errors")).extracting(e -> e.get("field").asText())
                    .contains("orders[0].counterparty", "orders[0].signingDate", "orders[0].orderAmount");
            JsonNode signingDate = body.get("errors").findParents("field").stream()
                    .filter(e -> "orders[0].signingDate".equals(e.get("field").asText())).findFirst().orElseThrow();
            assertThat(signingDate.get("zh").asText()).contains("签订日期");
            assertThat(signingDate.get("en").asText()).contains("signing date");
            assertThat(body.get("message").asText()).contains("签订日期").contains("signing date");
            assertNoClassNames(path, response);

            HttpResponse<String> empty = enterprise.post(path, "{}");
            AttackLedger.record("engine-rest-invalid-start", empty.statusCode() == 400, path + " with no fields → " + empty.statusCode());
            assertThat(empty.statusCode()).as(empty.body()).isEqualTo(400);
            assertNoClassNames(path, empty);

            // fields the start form does not declare (measure 1's fields before it listed orders) never reach validation
            HttpResponse<String> undeclared = enterprise.post(path, HttpApi.toJson(Map.of("variables", variables(Map.of("counterparty", "",
                    "contractNumber", "HT-1", "signingDate", "2023-13-45", "orderAmount", "-5", "executionEvidence", "x")))));
            AttackLedger.record("engine-rest-invalid-start", undeclared.statusCode() == 403, path + " with undeclared fields → " + undeclared.statusCode());
            assertThat(undeclared.statusCode()).as(undeclared.body()).isEqualTo(403);
            assertThat(undeclared.body()).contains("counterparty", "signingDate", "orderAmount");
            assertNoClassNames(path, undeclared);
        }
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("m1-order-reward").count()).isEqualTo(instances);
        assertThat(cases.count()).isEqualTo(caseCount);
    }

    @Test
    void noErrorBodyNamesAJavaClass() {
        String json = "application/json";
        assertErrorBody("admin", "GET", "/engine-rest/task/no-such-task", null, null, 404);
        assertErrorBody("admin", "GET", "/engine-rest/process-definition/key/no-such-process", null, null, 404);
        assertErrorBody("admin", "GET", "/engine-rest/no-such-resource", null, null, 404);
        assertErrorBody("admin", "GET", "/engine-rest/process-instance?sortBy=bogus&sortOrder=asc", null, null, 400);
        assertErrorBody("admin", "GET", "/engine-rest/task?maxResults=abc", null, null, 404);
        assertErrorBody("ent-hongdu", "POST", START, json, "{", 400);
        assertErrorBody("ent-hongdu", "POST", START, json, "{\"variables\": 5}", 400);
        assertErrorBody("ent-hongdu", "POST", START, json, "{\"variables\":{\"x\":{\"value\":\"a\",\"type\":\"NoSuchType\"}}}", 400);
        assertErrorBody("ent-hongdu", "POST", START, json, "{\"variables\":{\"orders\":{\"value\":\"1e400\",\"type\":\"Double\"}}}", 400);
        // a declared start field carrying a Java-serialized object (an undeclared name never gets this far: the task guard answers 403)
        assertErrorBody("ent-hongdu", "POST", START, json, "{\"variables\":{\"orders\":{\"value\":\"rO0ABXNyABNqYXZhLnV0aWwuQXJyYXlMaXN0\","
                + "\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.util.ArrayList\","
                + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}}", 400);
        assertErrorBody("ent-hongdu", "POST", START, "text/plain", "hello", 415);
        assertErrorBody("ent-hongdu", "GET", "/engine-rest/deployment/no-such-deployment", null, null, 404);
        assertErrorBody("gxj-reviewer", "POST", START, json, "{}", 403);
        assertErrorBody("gxj-reviewer", "DELETE", "/engine-rest/deployment/no-such-deployment", null, null, 404);
        assertErrorBody("policy-staff", "POST", "/engine-rest/process-definition/key/review-chain/start", json, "{}", 403);
        assertErrorBody("admin", "POST", "/engine-rest/task/no-such-task/complete", json, "{\"variables\":{\"a\":{\"value\":1,\"type\":\"Integer\"}}}", 400);
        assertErrorBody("admin", "POST", "/engine-rest/message", json, "{\"messageName\":\"no-such-message\"}", 400);
        assertErrorBody("admin", "POST", "/engine-rest/process-instance/no-such-instance/variables", json,
                "{\"modifications\":{\"a\":{\"value\":\"x\",\"type\":\"Integer\"}}}", 400);
    }

    private void assertErrorBody(String user, String method, String path, String contentType, String body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + DemoAccounts.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        String what = user + " " + method + " " + path;
        boolean clean = response.statusCode() == expected && !response.body().contains("Exception") && !response.body().contains("java.");
        AttackLedger.record("engine-rest-error-body", clean, what + " → " + response.statusCode() + " " + response.body());
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(expected);
        assertNoClassNames(what, response);
        JsonNode json = HttpApi.json(response);
        assertThat(json.get("type").asText()).as(what).doesNotEndWith("Exception").matches("[A-Za-z]+");
        assertThat(json.get("message").asText()).as(what).isNotBlank();
    }

    private static void assertNoClassNames(String what, HttpResponse<String> response) {
        assertThat(response.body()).as(what).doesNotContain("Exception").doesNotContain("exception").doesNotContain("java.")
                .doesNotContain("org.camunda").doesNotContain("\tat ");
    }

    private static Map<String, Object> variables(Map<String, String> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value, "type", "String")));
        return variables;
    }
}
