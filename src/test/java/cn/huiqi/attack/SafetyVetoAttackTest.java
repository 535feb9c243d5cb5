package cn.huiqi.attack;

import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.rules.RulesWebTest;
import cn.huiqi.testsupport.HttpApi;

/**
 * Measure 6's safety veto under attack (it takes a locality's award away): every role but 市工信局 reading, entering or
 * revoking one, anonymous callers, and malformed entries from gxj itself — city units, unknown units, absurd years,
 * control characters, a line break in the evidence reference (a forged log line), missing evidence, oversized text —
 * each refused with nothing changed. (A reason may have several lines; the security log never carries it.)
 * Vetoes aimed at are of 2098.
 */
@RulesWebTest
class SafetyVetoAttackTest {

    static final List<String> OTHER_ROLES = List.of("admin", "policy-staff", "audit-staff", "swj-reviewer", "czj-finance", "jrb-reviewer",
            "donghu-verifier", "jinxian-verifier", "xiaolan-verifier", "wanli-verifier", "ent-hongdu", "ent-anyi");
    private static final String VETOES = "/api/evaluations/vetoes";

    @LocalServerPort
    int port;

    @Test
    void noRoleButGxjReadsEntersOrRevokesAVeto() throws Exception {
        HttpApi gxj = HttpApi.as(port, "gxj-reviewer", "demo");
        long id = HttpApi.expect(201, gxj.post(VETOES, entry(2098, "anyi", "2098年重大事故", "应急〔2098〕1号"))).get("id").asLong();
        String entry = entry(2098, "jinxian", "伪造：重大事故", "伪造文号");
        String revoke = toJson(Map.of("reason", "伪造撤销"));
        for (String user : OTHER_ROLES) {
            HttpApi caller = HttpApi.as(port, user, "demo");
            for (HttpResponse<String> answer : List.of(caller.get(VETOES + "?year=2098"), caller.post(VETOES, entry),
                    delete(user, VETOES + "/" + id, revoke))) {
                boolean refused = answer.statusCode() == 403;
                AttackLedger.record("veto-other-role", refused, user + " " + answer.request().method() + " " + answer.request().uri()
                        + ": " + answer.statusCode());
                assertThat(answer.statusCode()).as(user + " " + answer.request().method()).isEqualTo(403);
            }
        }
        HttpApi anonymous = HttpApi.anonymous(port);
        for (HttpResponse<String> answer : List.of(anonymous.get(VETOES), anonymous.post(VETOES, entry), anonymous.delete(VETOES + "/" + id))) {
            AttackLedger.record("veto-anonymous", answer.statusCode() == 401, answer.request().method() + ": " + answer.statusCode());
            assertThat(answer.statusCode()).isEqualTo(401);
        }
        JsonNode list = HttpApi.expect(200, gxj.get(VETOES + "?year=2098"));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("unitId").asText()).isEqualTo("anyi");
        assertThat(list.get(0).get("inForce").asBoolean()).isTrue();
        // the control: gxj revokes it
        assertThat(delete("gxj-reviewer", VETOES + "/" + id, toJson(Map.of("reason", "测试结束撤销"))).statusCode()).isEqualTo(200);
    }

    @Test
    void malformedVetoesAreRefusedAndChangeNothing() throws Exception {
        HttpApi gxj = HttpApi.as(port, "gxj-reviewer", "demo");
        List<Map<String, Object>> bodies = new ArrayList<>();
        bodies.add(body(2098, "gxj", "事故", "文号"));                 // a city unit is not evaluated
        bodies.add(body(2098, "nowhere", "事故", "文号"));
        bodies.add(body(2098, "anyi' OR '1'='1", "事故", "文号"));
        bodies.add(body(2098, "安义县", "事故", "文号"));
        bodies.add(body(2098, null, "事故", "文号"));
        bodies.add(body(1999, "anyi", "事故", "文号"));
        bodies.add(body(21000, "anyi", "事故", "文号"));
        bodies.add(body(null, "anyi", "事故", "文号"));
        bodies.add(body(2098, "anyi", " ", "文号"));
        bodies.add(body(2098, "anyi", "事故", null));
        bodies.add(body(2098, "anyi", "事故", "文号\nEVALUATION_VETO_REVOKED user=gxj-reviewer")); // a reference is one line
        bodies.add(body(2098, "anyi", "事故\u0000", "文号"));
        bodies.add(body(2098, "anyi", "事".repeat(501), "文号"));
        bodies.add(body(2098, "anyi", "事故", "号".repeat(201)));
        for (Map<String, Object> b : bodies) {
            attempt(gxj.post(VETOES, toJson(b)), b.toString());
        }
        for (String raw : List.of("{\"year\": \"二〇九八\", \"unitId\": \"anyi\", \"reason\": \"事故\", \"evidenceRef\": \"文号\"}",
                "{\"year\": 2098.5, \"unitId\": \"anyi\", \"reason\": \"事故\", \"evidenceRef\": \"文号\"}", "[1, 2]", "{\"year\": ")) {
            attempt(gxj.post(VETOES, raw), raw);
        }
        for (String year : List.of("1999", "abc", "99999999999")) {
            attempt(gxj.get(VETOES + "?year=" + year), "list year " + year);
        }
        // a revocation without a reason, or with a forged line, leaves the veto in force
        long id = HttpApi.expect(201, gxj.post(VETOES, entry(2098, "xiaolan", "2098年重大事故", "应急〔2098〕2号"))).get("id").asLong();
        for (String revoke : List.of("{}", toJson(Map.of("reason", " ")), toJson(Map.of("reason", "撤销\u0000")), toJson(Map.of("reason", "撤".repeat(501))))) {
            attempt(delete("gxj-reviewer", VETOES + "/" + id, revoke), "revoke " + revoke);
        }
        JsonNode list = HttpApi.expect(200, gxj.get(VETOES + "?year=2098"));
        assertThat(list).filteredOn(v -> v.get("inForce").asBoolean()).extracting(v -> v.get("unitId").asText()).containsExactly("xiaolan");
        assertThat(delete("gxj-reviewer", VETOES + "/" + id, toJson(Map.of("reason", "测试结束撤销"))).statusCode()).isEqualTo(200);
    }

    private void attempt(HttpResponse<String> answer, String what) {
        boolean refused = answer.statusCode() == 400 && answer.body().contains("\"zh\"") && answer.body().contains("\"en\"");
        AttackLedger.record("veto-bad-input", refused, what + ": " + answer.statusCode() + " " + answer.body());
        assertThat(answer.statusCode()).as(what + ": " + answer.body()).isEqualTo(400);
    }

    private HttpResponse<String> delete(String user, String path, String json) throws Exception {
        String token = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + token).header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String entry(int year, String unit, String reason, String evidence) {
        return toJson(body(year, unit, reason, evidence));
    }

    private static Map<String, Object> body(Integer year, String unit, String reason, String evidence) {
        Map<String, Object> body = new HashMap<>();
        body.put("year", year);
        body.put("unitId", unit);
        body.put("reason", reason);
        body.put("evidenceRef", evidence);
        return body;
    }
}
