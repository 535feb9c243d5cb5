package cn.huiqi.rules;

import static cn.huiqi.testsupport.HttpApi.expect;
import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.testsupport.HttpApi;

/**
 * What-if numbers against a known set of measure 2 cases (growth-reward is this class's alone in the shared
 * context). The M2 pool cap is 3,100,000.00 in {@link RulesWebTest}.
 *
 * <pre>
 * enterprise    revenue        prior          recorded (v in force)         status
 * ent-hongdu    150,000,000    100,000,000    150,000.00  (0.10%)           locality verification
 * ent-jixiang   600,000,000    500,000,000    900,000.00  (0.15%)           locality verification
 * ent-ganjiang  1,500,000,000  1,000,000,000  2,000,000.00 (0.20%, capped)  locality verification
 * ent-xiaolan   300,000,000    200,000,000    300,000.00  (0.10%)           REJECTED: not in the totals
 * ent-anyi      200,000,000    250,000,000    not eligible (no growth)      not eligible
 * </pre>
 */
@RulesWebTest
class WhatIfNumbersTest {

    private static final String KEY = "growth-reward";
    private static boolean casesMade;

    @LocalServerPort
    int port;

    @BeforeEach
    void knownCases() {
        if (casesMade) {
            return;
        }
        apply("ent-hongdu", "150000000.00", "100000000.00");
        apply("ent-jixiang", "600000000.00", "500000000.00");
        apply("ent-ganjiang", "1500000000.00", "1000000000.00");
        String rejected = apply("ent-xiaolan", "300000000.00", "200000000.00").get("caseNumber").asText();
        apply("ent-anyi", "200000000.00", "250000000.00");
        HttpApi verifier = HttpApi.as(port, "xiaolan-verifier", "demo");
        JsonNode tasks = verifier.getJson("/engine-rest/task?processInstanceBusinessKey=" + rejected
                + "&taskDefinitionKey=Task_LocalityVerification");
        assertThat(tasks).hasSize(1);
        Map<String, Object> variables = new HashMap<>();
        variables.put("decision", Map.of("value", "reject", "type", "String"));
        variables.put("comment", Map.of("value", "收入证明与税务数据不符", "type", "String"));
        expect(204, verifier.post("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
                toJson(Map.of("variables", variables))));
        assertThat(staff().getJson("/api/cases/" + rejected).get("status").asText()).isEqualTo("REJECTED");
        casesMade = true;
    }

    @Test
    void aHigherRateChangesTwoOutcomesAndPassesThePoolCap() {
        String xml = Drafts.detail(staff(), KEY).get("xml").asText();
        String draft = Drafts.withCell(Drafts.withCell(xml, "rule-100m-rate", "0.002"),
                "rule-100m-reward", "min(round half up(taxableRevenue * 0.002, 2), 2000000)");

        JsonNode report = expect(200, staff().post("/api/rules/" + KEY + "/what-if", toJson(Map.of("xml", draft))));

        assertThat(report.get("measure").asText()).isEqualTo("M2");
        assertThat(report.get("casesEvaluated").asInt()).isEqualTo(5);
        assertThat(report.get("outcomesChanged").asInt()).isEqualTo(2); // hongdu, and the rejected xiaolan
        assertThat(report.get("errors").asInt()).isZero();
        assertThat(report.get("totalBefore").decimalValue()).isEqualByComparingTo("3050000.00");
        assertThat(report.get("totalAfter").decimalValue()).isEqualByComparingTo("3200000.00");
        assertThat(report.get("difference").decimalValue()).isEqualByComparingTo("150000.00");
        assertThat(report.get("poolCap").decimalValue()).isEqualByComparingTo("3100000.00");
        assertThat(report.get("exceedsCapBefore").asBoolean()).isFalse();
        assertThat(report.get("exceedsCapAfter").asBoolean()).isTrue();
        assertThat(report.get("publishable").asBoolean()).isTrue();
        assertThat(report.get("diff")).hasSize(2);

        Map<String, JsonNode> byStatus = new LinkedHashMap<>();
        report.get("cases").forEach(c -> byStatus.put(c.get("after").path("amount").asText() + "/" + c.get("status").asText(), c));
        assertThat(byStatus).containsKeys("300000.0/LOCALITY_VERIFICATION", "600000.0/REJECTED", "900000.0/LOCALITY_VERIFICATION",
                "2000000.0/LOCALITY_VERIFICATION", "0.0/NOT_ELIGIBLE");
        assertThat(byStatus.get("600000.0/REJECTED").get("countsTowardsTotal").asBoolean()).isFalse();
    }

    @Test
    void theVersionInForceChangesNothingAndADraftThatCannotDecideIsNotPublishable() {
        String xml = Drafts.detail(staff(), KEY).get("xml").asText();
        JsonNode unchanged = expect(200, staff().post("/api/rules/" + KEY + "/what-if", toJson(Map.of("xml", xml))));
        assertThat(unchanged.get("outcomesChanged").asInt()).isZero();
        assertThat(unchanged.get("totalAfter").decimalValue()).isEqualByComparingTo(unchanged.get("totalBefore").decimalValue());

        String notInFen = Drafts.withCell(xml, "rule-100m-reward", "taxableRevenue / 7");
        JsonNode broken = expect(200, staff().post("/api/rules/" + KEY + "/what-if", toJson(Map.of("xml", notInFen))));
        assertThat(broken.get("errors").asInt()).isEqualTo(2);
        assertThat(broken.get("publishable").asBoolean()).isFalse();
        JsonNode refused = expect(409, staff().post("/api/rules/" + KEY + "/publish", toJson(Map.of("xml", notInFen,
                "note", "不应发布", "whatIfToken", broken.get("token").asText()))));
        assertThat(refused.get("errors").get(0).get("zh").asText()).contains("无法判定");
    }

    private HttpApi staff() {
        return HttpApi.as(port, "policy-staff", "demo");
    }

    private JsonNode apply(String user, String revenue, String prior) {
        Map<String, Object> body = Map.of("taxableRevenue", revenue, "priorYearRevenue", prior, "revenueEvidence", "增值税申报表");
        return expect(201, HttpApi.as(port, user, "demo").post("/api/m2/applications", toJson(body), "Idempotency-Key",
                "whatif-" + user));
    }
}
