package cn.huiqi.guide;

import static cn.huiqi.testsupport.HttpApi.expect;
import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.TestEnterprises;
import cn.huiqi.testsupport.TestUsers;

/**
 * Issue 19 items 1 and 2 on the real MariaDB, over HTTP without a login: the guide reads the rule version of the open
 * round, the round's dates, the limits, units and labelled defaults; the calculator answers every measure from the same
 * tables. A version published through the rules API for the next round shows as 下一批次 and changes nothing yet; one
 * published for this round changes guide and calculator at once.
 */
class GuideAndCalculatorOnMariaDbTest extends OnGuideDatabase {

    static final String PASSWORD = "Guide-Calc-2023";

    @Autowired
    IdentityService identityService;
    @Autowired
    ApplicationContext context;

    @BeforeEach
    void people() {
        TestUsers.person(identityService, "guide-policy", "policy-admin", PASSWORD);
        TestUsers.person(identityService, "guide-gxj", "gxj", PASSWORD);
    }

    HttpApi anonymous() {
        return HttpApi.anonymous(port);
    }

    @Test
    void theGuidesAreGeneratedFromTheRulesInForceAndNeedNoLogin() {
        JsonNode list = expect(200, anonymous().get("/api/public/guides"));
        assertThat(list).hasSize(9);
        assertThat(list.get(0).get("measure").asText()).isEqualTo("M1");
        assertThat(list.get(0).get("round")).isNotNull();

        JsonNode m1 = expect(200, anonymous().get("/api/public/guides/M1"));
        assertThat(m1.get("clause").asText()).isEqualTo("第1条");
        assertThat(m1.get("policyNumber").asText()).contains("洪府办发〔2023〕81号");
        assertThat(m1.get("round").get("closesOn").asText()).isEqualTo("2099-12-31");
        JsonNode current = m1.get("rules").get(0).get("current");
        assertThat(current.get("key").asText()).isEqualTo("order-reward");
        assertThat(texts(current.get("lines"))).anySatisfy(t -> assertThat(t).contains("最大单笔订单金额5000万元以上（含）、1亿元以下（不含）").endsWith("奖励5万元"));
        assertThat(m1.get("steps")).extracting(s -> s.get("name").asText() + "=" + s.get("workingDays").asInt() + "/" + s.get("labelledDefault").asBoolean())
                .contains("属地核实=5/true");
        assertThat(m1.get("units").get("lead").get("id").asText()).isEqualTo("gxj");
        assertThat(texts(m1.get("prepare").get("fields"), "zh")).anySatisfy(t -> assertThat(t).contains("合同编号"));
        assertThat(m1.get("prepare").get("documents")).isNotEmpty();
        assertThat(texts(m1.get("defaults"), "zh")).anySatisfy(t -> assertThat(t).contains("办理时限为系统默认值"))
                .anySatisfy(t -> assertThat(t).contains("材料清单为系统默认"));
        assertThat(m1.get("applyPage").asText()).isEqualTo("/apply.html?measure=M1");

        // measure 2's rates are not the policy's: every tier line says so, and so do the defaults
        JsonNode m2 = expect(200, anonymous().get("/api/public/guides/M2"));
        JsonNode m2Lines = m2.get("rules").get(0).get("current").get("lines");
        assertThat(m2Lines).filteredOn(l -> l.get("text").asText().contains("奖励（四舍五入到分）"))
                .isNotEmpty().allSatisfy(l -> {
                    assertThat(l.get("labelledDefault").asBoolean()).isTrue();
                    assertThat(l.get("text").asText()).contains("系统默认值，待确认");
                });
        assertThat(texts(m2.get("defaults"), "zh")).anySatisfy(t -> assertThat(t).contains("奖励比例为系统默认值"));

        // measures without reward tables: what their nature allows, no figures invented
        for (String measure : List.of("M4", "M8")) {
            JsonNode guide = expect(200, anonymous().get("/api/public/guides/" + measure));
            assertThat(guide.get("rules")).as(measure).isEmpty();
            assertThat(texts(guide.get("whatHappens"), "zh")).as(measure).anySatisfy(t -> assertThat(t).contains("不向企业发放资金"));
            assertThat(guide.toString()).as(measure).doesNotContain("万元");
        }
        JsonNode m5 = expect(200, anonymous().get("/api/public/guides/M5"));
        assertThat(m5.get("applicant").get("zh").asText()).contains("企业无需申请");
        assertThat(texts(m5.get("rules").get(0).get("current").get("lines"))).isNotEmpty().allSatisfy(t -> assertThat(t).contains("措施5"));
        JsonNode m7 = expect(200, anonymous().get("/api/public/guides/M7"));
        assertThat(m7.get("rules").get(0).get("current").get("key").asText()).isEqualTo("demand-routing");
        assertThat(m7.get("applyPage").asText()).isEqualTo("/demands.html");

        JsonNode unknown = expect(404, anonymous().get("/api/public/guides/M99"));
        assertThat(unknown.toString()).contains("没有编号为 M99 的措施").contains("There is no measure M99");
    }

    @Test
    void theCalculatorAnswersEveryMeasureRuleByRuleAndBadInputIsABilingual400() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("orders", List.of(Map.of("amount", "49999999.99", "signedOn", "2023-08-01")));
        figures.put("taxableRevenue", "600000000.00");
        figures.put("priorYearRevenue", "550000000.00");
        JsonNode answer = expect(200, anonymous().post("/api/public/calculator", toJson(figures)));
        assertThat(answer.get("measures")).hasSize(9);
        JsonNode m1 = measure(answer, "M1");
        assertThat(m1.get("status").asText()).isEqualTo("NOT_QUALIFIED");
        assertThat(m1.get("summary").get("zh").asText()).contains("订单金额未达到5000万元");
        JsonNode tier50 = rule(m1, "rule-tier-50m");
        assertThat(tier50.get("matched").asBoolean()).isFalse();
        assertThat(tier50.get("unmet")).extracting(JsonNode::asText).containsExactly("最大单笔订单金额5000万元以上（含）、1亿元以下（不含）");
        assertThat(rule(m1, "rule-below-50m").get("matched").asBoolean()).isTrue();

        JsonNode m2 = measure(answer, "M2");
        assertThat(m2.get("status").asText()).isEqualTo("QUALIFIES");
        assertThat(m2.get("amount").decimalValue()).isEqualByComparingTo("900000.00"); // 6亿 × 0.15%
        assertThat(m2.get("labelledDefault").asBoolean()).isTrue();
        assertThat(m2.get("summary").get("zh").asText()).contains("可获奖励90万元").contains("系统默认值");
        assertThat(measure(answer, "M3").get("status").asText()).isEqualTo("MISSING_FIGURES");
        assertThat(measure(answer, "M3").get("summary").get("zh").asText()).contains("项目类型").contains("生产设备投资");
        assertThat(measure(answer, "M4").get("status").asText()).isEqualTo("NO_MONEY");
        assertThat(measure(answer, "M5").get("status").asText()).isEqualTo("NOT_FOR_ENTERPRISES");
        assertThat(measure(answer, "M7").get("summary").get("zh").asText()).isEqualTo("本措施不向企业发放资金");

        figures.put("orders", List.of(Map.of("amount", "50000000.00", "signedOn", "2023-08-01")));
        JsonNode at = measure(expect(200, anonymous().post("/api/public/calculator", toJson(figures))), "M1");
        assertThat(at.get("status").asText()).isEqualTo("QUALIFIES");
        assertThat(at.get("amount").decimalValue()).isEqualByComparingTo("50000.00");
        assertThat(rule(at, "rule-tier-50m").get("matched").asBoolean()).isTrue();
        assertThat(rule(at, "rule-tier-100m").get("unmet")).extracting(JsonNode::asText).containsExactly("最大单笔订单金额1亿元以上（含）、2亿元以下（不含）");

        JsonNode bad = expect(400, anonymous().post("/api/public/calculator",
                toJson(Map.of("orders", List.of(Map.of("amount", "abc", "signedOn", "2023-13-01")), "projectType", "house", "taxableRevenue", "-1"))));
        assertThat(bad.get("errors")).extracting(e -> e.get("field").asText())
                .contains("orders[0].amount", "orders[0].signedOn", "projectType", "taxableRevenue");
        assertThat(bad.get("errors")).allSatisfy(e -> assertThat(e.get("zh").asText()).isNotBlank())
                .allSatisfy(e -> assertThat(e.get("en").asText()).isNotBlank());
        List<Map<String, String>> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(Map.of("amount", "1.00", "signedOn", "2023-08-01"));
        }
        assertThat(expect(400, anonymous().post("/api/public/calculator", toJson(Map.of("orders", eleven)))).toString()).contains("订单最多10笔");
        assertThat(expect(400, anonymous().post("/api/public/calculator", "{\"taxableRevenue\": ")).toString()).contains("errors");
        assertThat(expect(400, anonymous().post("/api/public/calculator", "")).toString()).contains("errors");
        String huge = "{\"taxableRevenue\":\"1" + "0".repeat(9000) + "\"}";
        JsonNode tooLarge = expect(413, anonymous().post("/api/public/calculator", huge));
        assertThat(tooLarge.toString()).contains("8 KB");
    }

    @Test
    void aVersionForTheNextRoundShowsAsTheNextRoundAndOneForThisRoundChangesGuideAndCalculatorAtOnce() {
        HttpApi staff = HttpApi.as(port, "guide-policy", PASSWORD);
        String key = "investment-reward";
        Map<String, Object> figures = Map.of("projectType", "renovation", "equipmentInvestment", "2000000.00");
        JsonNode before = measure(expect(200, anonymous().post("/api/public/calculator", toJson(figures))), "M3");
        assertThat(before.get("amount").decimalValue()).isEqualByComparingTo("60000.00"); // 200万 × 3%
        JsonNode guideBefore = expect(200, anonymous().get("/api/public/guides/M3")).get("rules").get(0);
        int versionBefore = guideBefore.get("current").get("version").asInt();
        assertThat(guideBefore.path("nextRound").isMissingNode() || guideBefore.path("nextRound").isNull()).isTrue();

        // for the next round: the open round keeps its version; the guide shows the new one as 下一批次
        String xml = expect(200, staff.get("/api/rules/" + key)).get("xml").asText();
        String nextRound = withCell(xml, "rule-renovation-2m-reward", "min(round half up(equipmentInvestment * 0.035, 2), 800000)");
        publish(staff, key, nextRound, "下一批次技改比例3.5%", "NEXT_ROUND");
        JsonNode guideNext = expect(200, anonymous().get("/api/public/guides/M3")).get("rules").get(0);
        assertThat(guideNext.get("current").get("version").asInt()).isEqualTo(versionBefore);
        assertThat(texts(guideNext.get("current").get("lines"))).noneSatisfy(t -> assertThat(t).contains("3.5%"));
        assertThat(guideNext.get("nextRound").get("version").asInt()).isGreaterThan(versionBefore);
        assertThat(texts(guideNext.get("nextRound").get("lines"))).anySatisfy(t -> assertThat(t).contains("投资额的3.5%奖励"));
        assertThat(expect(200, anonymous().get("/api/public/guides")).get(2).get("nextRoundRules").asBoolean()).isTrue();
        assertThat(measure(expect(200, anonymous().post("/api/public/calculator", toJson(figures))), "M3").get("amount").decimalValue())
                .isEqualByComparingTo("60000.00");

        // for this round: guide and calculator change at once
        String thisRound = withCell(expect(200, staff.get("/api/rules/" + key)).get("xml").asText(), "rule-renovation-2m-reward",
                "min(round half up(equipmentInvestment * 0.045, 2), 800000)");
        publish(staff, key, thisRound, "本批次技改比例4.5%", "THIS_ROUND");
        JsonNode guideNow = expect(200, anonymous().get("/api/public/guides/M3")).get("rules").get(0);
        assertThat(texts(guideNow.get("current").get("lines"))).anySatisfy(t -> assertThat(t).contains("投资额的4.5%奖励"));
        assertThat(guideNow.path("nextRound").isMissingNode() || guideNow.path("nextRound").isNull()).isTrue();
        JsonNode after = measure(expect(200, anonymous().post("/api/public/calculator", toJson(figures))), "M3");
        assertThat(after.get("amount").decimalValue()).isEqualByComparingTo("90000.00");
        assertThat(after.get("version").asInt()).isEqualTo(guideNow.get("current").get("version").asInt());
        assertThat(rule(after, "rule-renovation-2m").get("sentence").asText()).contains("4.5%");
    }

    @Test
    void theSignedInEnterpriseGetsItsFiguresPrefilledAndNobodyElse() {
        String user = TestEnterprises.freshUser(context, "honggutan", PASSWORD);
        HttpApi enterprise = HttpApi.as(port, user, PASSWORD);
        Map<String, Object> growth = new LinkedHashMap<>();
        growth.put("taxableRevenue", "600000000.00");
        growth.put("priorYearRevenue", "500000000.00");
        growth.put("revenueEvidence", "增值税申报表");
        JsonNode m2 = expect(201, enterprise.post("/api/measures/M2/applications", toJson(growth), "Idempotency-Key", UUID.randomUUID().toString()));

        JsonNode prefill = expect(200, enterprise.get("/api/calculator/prefill"));
        assertThat(prefill.get("enterpriseName").asText()).startsWith("测试企业");
        assertThat(prefill.get("figures").get("taxableRevenue").asText()).isEqualTo("600000000.00");
        assertThat(prefill.get("figures").get("priorYearRevenue").asText()).isEqualTo("500000000.00");
        assertThat(prefill.get("applied")).extracting(a -> a.get("caseNumber").asText()).containsExactly(m2.get("caseNumber").asText());

        assertThat(anonymous().get("/api/calculator/prefill").statusCode()).isEqualTo(401);
        assertThat(HttpApi.as(port, "guide-gxj", PASSWORD).get("/api/calculator/prefill").statusCode()).isEqualTo(403);
        long own = prefill.get("enterpriseId").asLong();
        assertThat(HttpApi.as(port, TestEnterprises.freshUser(context, "honggutan", PASSWORD), PASSWORD)
                .get("/api/calculator/prefill?enterpriseId=" + own).statusCode()).isEqualTo(403);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    static void publish(HttpApi staff, String key, String xml, String note, String scope) {
        JsonNode whatIf = expect(200, staff.post("/api/rules/" + key + "/what-if", toJson(Map.of("xml", xml))));
        expect(201, staff.post("/api/rules/" + key + "/publish", toJson(Map.of("xml", xml, "note", note,
                "whatIfToken", whatIf.get("token").asText(), "scope", scope))));
    }

    static String withCell(String xml, String entryId, String newText) {
        int at = xml.indexOf("id=\"" + entryId + "\"");
        assertThat(at).as("entry %s", entryId).isPositive();
        int open = xml.indexOf("<text>", at) + "<text>".length();
        int close = xml.indexOf("</text>", open);
        return xml.substring(0, open) + newText.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + xml.substring(close);
    }

    static JsonNode measure(JsonNode answer, String id) {
        for (JsonNode m : answer.get("measures")) {
            if (m.get("measure").asText().equals(id)) {
                return m;
            }
        }
        throw new AssertionError("no measure " + id + " in " + answer);
    }

    static JsonNode rule(JsonNode measure, String ruleId) {
        for (JsonNode r : measure.get("rules")) {
            if (r.get("ruleId").asText().equals(ruleId)) {
                return r;
            }
        }
        throw new AssertionError("no rule " + ruleId + " in " + measure);
    }

    static List<String> texts(JsonNode lines) {
        List<String> texts = new ArrayList<>();
        lines.forEach(l -> texts.add(l.get("text").asText()));
        return texts;
    }

    static List<String> texts(JsonNode labels, String lang) {
        List<String> texts = new ArrayList<>();
        labels.forEach(l -> texts.add(l.get(lang).asText()));
        return texts;
    }
}
