package cn.huiqi.round;

import static cn.huiqi.testsupport.HttpApi.expect;
import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.rules.RulesWebTest;
import cn.huiqi.testsupport.HttpApi;

/**
 * /api/rounds with the quick start's demo accounts: who may read and manage rounds (default deny), bad input as
 * bilingual 4xx, a performance window beyond the policy's validity refused, an extension audited with its reason.
 * The rounds made here are for measure 2 in the year 2100, after the demo round: nothing today changes for the
 * other tests of this context.
 */
@RulesWebTest
class RoundsApiTest {

    @LocalServerPort
    int port;

    @Test
    void policyStaffAndTheLeadBureauManageOperatorsAndAuditorsReadEveryoneElseIsRefused() {
        for (String reader : List.of("policy-staff", "gxj-reviewer", "admin", "audit-staff")) {
            JsonNode listing = expect(200, as(reader).get("/api/rounds"));
            assertThat(listing.get("canManage").asBoolean()).as(reader).isEqualTo(reader.equals("policy-staff") || reader.equals("gxj-reviewer"));
            List<String> measures = new ArrayList<>();
            listing.get("measures").forEach(m -> measures.add(m.get("measure").asText()));
            assertThat(measures).contains("M1", "M2", "M3").doesNotContain("M4", "M7", "M8", "M9");
        }
        for (String outsider : List.of("ent-hongdu", "donghu-verifier", "swj-reviewer", "czj-finance")) {
            assertThat(as(outsider).get("/api/rounds").statusCode()).as(outsider).isEqualTo(403);
        }
        assertThat(HttpApi.anonymous(port).get("/api/rounds").statusCode()).isEqualTo(401);

        Map<String, Object> round = round("2100年第一批（测试）", "2100-01-10", "2100-01-31");
        for (String refused : List.of("admin", "audit-staff", "ent-hongdu", "donghu-verifier", "swj-reviewer")) {
            assertThat(as(refused).post("/api/rounds", toJson(round)).statusCode()).as(refused).isEqualTo(403);
        }
        assertThat(HttpApi.anonymous(port).post("/api/rounds", toJson(round)).statusCode()).isEqualTo(401);
        JsonNode opened = expect(201, as("policy-staff").post("/api/rounds", toJson(round)));
        assertThat(opened.get("status").asText()).isEqualTo("PLANNED");
        assertThat(opened.get("ruleVersions")).anySatisfy(p -> assertThat(p.get("decisionKey").asText()).isEqualTo("growth-reward"));
        assertThat(opened.get("events")).anySatisfy(e -> assertThat(e.get("kind").asText()).isEqualTo("PINNED"));
        long id = opened.get("id").asLong();
        for (String refused : List.of("admin", "audit-staff", "ent-hongdu", "donghu-verifier")) {
            assertThat(as(refused).post("/api/rounds/" + id + "/extension", toJson(Map.of("closesOn", "2100-02-10", "reason", "x")))
                    .statusCode()).as(refused).isEqualTo(403);
            assertThat(as(refused).post("/api/rounds/" + id + "/closure", toJson(Map.of("reason", "x"))).statusCode()).as(refused)
                    .isEqualTo(403);
        }
        JsonNode byLeadBureau = expect(201, as("gxj-reviewer").post("/api/rounds", toJson(round("2100年第二批（测试）", "2100-03-01", "2100-03-31"))));
        JsonNode closed = expect(200, as("gxj-reviewer").post("/api/rounds/" + byLeadBureau.get("id").asLong() + "/closure",
                toJson(Map.of("reason", "测试：不再开设"))));
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("events").get(0).get("kind").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("events").get(0).get("actor").asText()).isEqualTo("gxj-reviewer");
        expect(409, as("gxj-reviewer").post("/api/rounds/" + byLeadBureau.get("id").asLong() + "/closure", toJson(Map.of("reason", "again"))));
        expect(404, as("policy-staff").post("/api/rounds/999999/closure", toJson(Map.of("reason", "x"))));
    }

    @Test
    void aPerformanceWindowBeyondThePolicysValidityAndOtherBadInputAreBilingual4xx() {
        Map<String, Object> beyond = round("超出有效期（测试）", "2100-05-01", "2100-05-31");
        beyond.put("performanceTo", "2024-01-31");
        JsonNode refused = expect(400, as("policy-staff").post("/api/rounds", toJson(beyond)));
        assertThat(refused.get("errors").get(0).get("field").asText()).isEqualTo("performanceTo");
        assertThat(refused.get("errors").get(0).get("zh").asText()).contains("政策有效期").contains("2023年12月31日");
        assertThat(refused.get("errors").get(0).get("en").asText()).contains("2023-12-31");

        Map<String, Object> backwards = round("倒序（测试）", "2100-05-31", "2100-05-01");
        assertThat(field(expect(400, as("policy-staff").post("/api/rounds", toJson(backwards))))).isEqualTo("closesOn");
        Map<String, Object> continuous = round("常态化（测试）", "2100-05-01", "2100-05-31");
        continuous.put("measure", "M7");
        JsonNode m7 = expect(400, as("policy-staff").post("/api/rounds", toJson(continuous)));
        assertThat(m7.get("errors").get(0).get("zh").asText()).contains("常态化受理");
        Map<String, Object> unknown = round("未知（测试）", "2100-05-01", "2100-05-31");
        unknown.put("measure", "M99");
        assertThat(field(expect(400, as("policy-staff").post("/api/rounds", toJson(unknown))))).isEqualTo("measure");
        Map<String, Object> badDate = round("日期（测试）", "2100-5-1", "2100-05-31");
        assertThat(field(expect(400, as("policy-staff").post("/api/rounds", toJson(badDate))))).isEqualTo("opensOn");
        Map<String, Object> noName = round(" ", "2100-05-01", "2100-05-31");
        assertThat(field(expect(400, as("policy-staff").post("/api/rounds", toJson(noName))))).isEqualTo("name");
        Map<String, Object> past = round("已结束（测试）", "2023-10-01", "2023-10-05");
        assertThat(field(expect(400, as("policy-staff").post("/api/rounds", toJson(past))))).isEqualTo("closesOn");
        // one open round per measure at a time: the demo round of measure 2 runs to 2099-12-31
        JsonNode overlap = expect(409, as("policy-staff").post("/api/rounds", toJson(round("重叠（测试）", "2099-12-01", "2100-01-05"))));
        assertThat(overlap.get("errors").get(0).get("zh").asText()).contains("重叠").contains("演示批次");
    }

    @Test
    void anExtensionNeedsAReasonAndIsAudited() {
        JsonNode opened = expect(201, as("policy-staff").post("/api/rounds", toJson(round("2100年第三批（测试）", "2100-06-01", "2100-06-30"))));
        String path = "/api/rounds/" + opened.get("id").asLong() + "/extension";
        assertThat(field(expect(400, as("policy-staff").post(path, toJson(Map.of("closesOn", "2100-07-15", "reason", " ")))))).isEqualTo("reason");
        assertThat(field(expect(400, as("policy-staff").post(path, toJson(Map.of("closesOn", "2100-06-15", "reason", "提前")))))).isEqualTo("closesOn");

        JsonNode extended = expect(200, as("policy-staff").post(path, toJson(Map.of("closesOn", "2100-07-15", "reason", "企业反映材料准备时间不足"))));
        assertThat(extended.get("closesOn").asText()).isEqualTo("2100-07-15");
        assertThat(extended.get("updatedBy").asText()).isEqualTo("policy-staff");
        JsonNode event = extended.get("events").get(0);
        assertThat(event.get("kind").asText()).isEqualTo("EXTENDED");
        assertThat(event.get("reason").asText()).isEqualTo("企业反映材料准备时间不足");
        assertThat(event.get("actor").asText()).isEqualTo("policy-staff");
        assertThat(event.get("detail").asText()).contains("2100-06-30 → 2100-07-15");
        // the listing shows the same history
        JsonNode listed = null;
        for (JsonNode m : expect(200, as("audit-staff").get("/api/rounds")).get("measures")) {
            for (JsonNode r : m.get("rounds")) {
                if (r.get("id").asLong() == opened.get("id").asLong()) {
                    listed = r;
                }
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("events").get(0).get("reason").asText()).isEqualTo("企业反映材料准备时间不足");
    }

    private static String field(JsonNode errors) {
        return errors.get("errors").get(0).get("field").asText();
    }

    private static Map<String, Object> round(String name, String opensOn, String closesOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("measure", "M2");
        body.put("name", name);
        body.put("performanceFrom", "2023-07-01");
        body.put("performanceTo", "2023-09-30");
        body.put("opensOn", opensOn);
        body.put("closesOn", closesOn);
        return body;
    }

    private HttpApi as(String user) {
        return HttpApi.as(port, user, "demo");
    }
}
