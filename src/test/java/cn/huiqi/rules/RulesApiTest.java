package cn.huiqi.rules;

import static cn.huiqi.testsupport.HttpApi.expect;
import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.context.ApplicationContext;

import cn.huiqi.process.ModelDeployment;
import cn.huiqi.testsupport.TestEnterprises;
import cn.huiqi.testsupport.HttpApi;

/** The rules API with the quick-start demo accounts: publish, what-if first, rollback, access, audit, re-evaluation. */
@RulesWebTest
class RulesApiTest {

    private static final String KEY = "order-reward";

    @LocalServerPort
    int port;
    @Autowired
    ModelDeployment modelDeployment;
    @Autowired
    ApplicationContext context;
    private String lastApplicant;

    @Test
    void aPublishedTableDecidesTheNextCaseAndARollbackRestoresTheOldOne() {
        JsonNode current = Drafts.detail(staff(), KEY);
        int inForce = current.get("decision").get("current").get("version").asInt();
        String xml = current.get("xml").asText();
        assertThat(Drafts.withCell(xml, "rule-tier-100m-reward", "100000")).isEqualTo(xml);

        JsonNode published = Drafts.publish(staff(), KEY, Drafts.withCell(xml, "rule-tier-100m-reward", "120000"),
                "亿元档奖励调整为12万元（测试）");

        assertThat(published.get("version").asInt()).isEqualTo(inForce + 1);
        assertThat(published.get("kind").asText()).isEqualTo("PUBLISH");
        assertThat(published.get("publishedBy").asText()).isEqualTo("policy-staff");
        assertThat(published.get("diff")).hasSize(1);
        JsonNode line = published.get("diff").get(0);
        assertThat(line.get("ruleId").asText()).isEqualTo("rule-tier-100m");
        assertThat(line.get("column").asText()).isEqualTo("output-reward-amount");
        assertThat(line.get("oldValue").asText()).isEqualTo("100000");
        assertThat(line.get("newValue").asText()).isEqualTo("120000");
        assertThat(published.get("diffSummary").asText()).contains("rule-tier-100m").contains("100000 → 120000");

        JsonNode decided = apply("150000000.00");
        assertThat(decided.get("rewardAmount").decimalValue()).isEqualByComparingTo("120000.00");
        assertThat(decided.get("decision").get("version").asInt()).isEqualTo(inForce + 1);

        // rollback: the what-if runs on the earlier version, then that version is published again as the newest,
        // from the next round on (the open round and its cases keep version inForce + 1) ...
        JsonNode whatIf = expect(200, staff().post("/api/rules/" + KEY + "/what-if", toJson(Map.of("version", inForce))));
        assertThat(whatIf.get("restoresVersion").asInt()).isEqualTo(inForce);
        JsonNode rolledBack = expect(201, staff().post("/api/rules/" + KEY + "/rollback", toJson(Map.of(
                "version", inForce, "note", "恢复原奖励标准", "whatIfToken", whatIf.get("token").asText(), "scope", "NEXT_ROUND"))));
        assertThat(rolledBack.get("version").asInt()).isEqualTo(inForce + 2);
        assertThat(rolledBack.get("kind").asText()).isEqualTo("ROLLBACK");
        assertThat(rolledBack.get("restoredVersion").asInt()).isEqualTo(inForce);
        assertThat(rolledBack.get("diff").get(0).get("oldValue").asText()).isEqualTo("120000");

        // ... so the next case, in a round opened now, is decided by it
        startANewRoundOfMeasure1();
        assertThat(apply("150000000.00").get("rewardAmount").decimalValue()).isEqualByComparingTo("100000.00");
        // the earlier case keeps its amount: nobody re-evaluated it
        assertThat(staff().getJson("/api/cases/" + decided.get("caseNumber").asText()).get("rewardAmount").decimalValue())
                .isEqualByComparingTo("120000.00");

        JsonNode audit = staff().getJson("/api/rules/" + KEY + "/publications");
        assertThat(audit.get(0).get("version").asInt()).isEqualTo(inForce + 2);
        assertThat(audit.get(0).get("note").asText()).isEqualTo("恢复原奖励标准");
        assertThat(audit.get(1).get("note").asText()).isEqualTo("亿元档奖励调整为12万元（测试）");
        JsonNode listed = staff().getJson("/api/rules");
        JsonNode orderReward = find(listed.get("decisions"), KEY);
        assertThat(orderReward.get("current").get("version").asInt()).isEqualTo(inForce + 2);
        assertThat(orderReward.get("current").get("via").asText()).isEqualTo("RULES_PAGE");
        assertThat(orderReward.get("current").get("publishedBy").asText()).isEqualTo("policy-staff");
    }

    @Test
    void onlyPolicyAdminPublishes() {
        String xml = Drafts.detail(staff(), KEY).get("xml").asText();
        String draft = Drafts.withCell(xml, "rule-tier-50m-reward", "50001");
        String token = expect(200, staff().post("/api/rules/" + KEY + "/what-if", toJson(Map.of("xml", draft)))).get("token").asText();
        Map<String, Object> body = Map.of("xml", draft, "note", "越权发布", "whatIfToken", token);

        for (String user : List.of("gxj-reviewer", "donghu-verifier", "ent-hongdu", "admin")) {
            HttpResponse<String> refused = as(user).post("/api/rules/" + KEY + "/publish", toJson(body));
            assertThat(refused.statusCode()).as(user).isEqualTo(403);
            assertThat(HttpApi.json(refused).get("errors").get(0).get("zh").asText()).isEqualTo("无权执行此操作");
            assertThat(as(user).post("/api/rules/" + KEY + "/what-if", toJson(Map.of("xml", draft))).statusCode()).as(user).isEqualTo(403);
            assertThat(as(user).post("/api/rules/" + KEY + "/rollback", toJson(Map.of("version", 1, "note", "x", "whatIfToken", token)))
                    .statusCode()).as(user).isEqualTo(403);
        }
        assertThat(HttpApi.anonymous(port).post("/api/rules/" + KEY + "/publish", toJson(body)).statusCode()).isEqualTo(401);
        assertThat(as("gxj-reviewer").get("/api/rules").statusCode()).isEqualTo(403);
        assertThat(as("admin").getJson("/api/rules").get("canPublish").asBoolean()).isFalse();
        assertThat(staff().getJson("/api/rules").get("canPublish").asBoolean()).isTrue();
    }

    @Test
    void publishingNeedsANoteAndAWhatIfOfExactlyThatDraft() {
        String xml = Drafts.detail(staff(), KEY).get("xml").asText();
        String draft = Drafts.withCell(xml, "rule-tier-50m-reward", "51000");
        String other = Drafts.withCell(xml, "rule-tier-50m-reward", "52000");
        String token = expect(200, staff().post("/api/rules/" + KEY + "/what-if", toJson(Map.of("xml", draft)))).get("token").asText();

        JsonNode noNote = expect(400, staff().post("/api/rules/" + KEY + "/publish", toJson(Map.of("xml", draft, "note", "  ",
                "whatIfToken", token))));
        assertThat(noNote.get("errors").get(0).get("field").asText()).isEqualTo("note");
        JsonNode noWhatIf = expect(400, staff().post("/api/rules/" + KEY + "/publish", toJson(Map.of("xml", draft, "note", "n"))));
        assertThat(noWhatIf.get("errors").get(0).get("field").asText()).isEqualTo("whatIfToken");
        expect(409, staff().post("/api/rules/" + KEY + "/publish", toJson(Map.of("xml", draft, "note", "n",
                "whatIfToken", UUID.randomUUID().toString()))));
        JsonNode changedAfterWhatIf = expect(409, staff().post("/api/rules/" + KEY + "/publish", toJson(Map.of("xml", other,
                "note", "n", "whatIfToken", token))));
        assertThat(changedAfterWhatIf.get("errors").get(0).get("zh").asText()).contains("重新试算");

        // someone else publishes in between: the what-if no longer describes the version it would replace
        Drafts.publish(staff(), KEY, Drafts.withCell(xml, "rule-tier-50m-reward", "53000"), "中间发布");
        JsonNode stale = expect(409, staff().post("/api/rules/" + KEY + "/publish", toJson(Map.of("xml", draft, "note", "n",
                "whatIfToken", token))));
        assertThat(stale.get("errors").get(0).get("en").asText()).contains("was published after this what-if");
        // back to the policy figure for the other tests of this context
        String now = Drafts.detail(staff(), KEY).get("xml").asText();
        Drafts.publish(staff(), KEY, Drafts.withCell(now, "rule-tier-50m-reward", "50000"), "恢复5万元");
    }

    @Test
    void validationReadsEveryCellAsFeelAndKeepsTheDecisionIds() {
        String xml = Drafts.detail(staff(), KEY).get("xml").asText();

        JsonNode badCell = expect(200, staff().post("/api/rules/" + KEY + "/validate",
                toJson(Map.of("xml", Drafts.withCell(xml, "rule-tier-50m-largest", "[50000000..>")))));
        assertThat(badCell.get("valid").asBoolean()).isFalse();
        assertThat(badCell.get("problems").get(0).get("field").asText()).isEqualTo("rules.rule-tier-50m.input-largest-order-amount");
        assertThat(badCell.get("problems").get(0).get("zh").asText()).contains("不是有效的 FEEL");

        JsonNode badOutput = expect(400, staff().post("/api/rules/" + KEY + "/what-if",
                toJson(Map.of("xml", Drafts.withCell(xml, "rule-tier-50m-reward", "min(50000,")))));
        assertThat(badOutput.get("errors").get(0).get("field").asText()).isEqualTo("rules.rule-tier-50m.output-reward-amount");

        JsonNode renamed = expect(200, staff().post("/api/rules/" + KEY + "/validate",
                toJson(Map.of("xml", xml.replace("<decision id=\"order-reward\"", "<decision id=\"order-reward-2\"")))));
        assertThat(renamed.get("problems").get(0).get("field").asText()).isEqualTo("decisionIds");

        JsonNode notXml = expect(200, staff().post("/api/rules/" + KEY + "/validate", toJson(Map.of("xml", "<definitions"))));
        assertThat(notXml.get("problems").get(0).get("field").asText()).isEqualTo("xml");

        JsonNode droppedOutput = expect(200, staff().post("/api/rules/" + KEY + "/validate",
                toJson(Map.of("xml", xml.replace("name=\"rewardAmount\"", "name=\"amount\"")))));
        assertThat(droppedOutput.get("problems").get(0).get("en").asText()).contains("rewardAmount");

        assertThat(expect(200, staff().post("/api/rules/" + KEY + "/validate", toJson(Map.of("xml", xml)))).get("valid").asBoolean())
                .isTrue();
    }

    @Test
    void reviewersReadTheVersionThatDecidedTheirCaseAndNothingElse() {
        JsonNode decided = apply("60000000.00");
        int version = decided.get("decision").get("version").asInt();
        String path = "/api/rules/" + KEY + "/versions/" + version;

        JsonNode seen = as("donghu-verifier").getJson(path);
        assertThat(seen.get("version").get("version").asInt()).isEqualTo(version);
        assertThat(seen.get("table").get("rules")).isNotEmpty();
        assertThat(as("gxj-reviewer").getJson(path).get("key").asText()).isEqualTo(KEY);
        assertThat(as(lastApplicant).getJson(path).get("xml").asText()).contains("order-reward");
        assertThat(as("xihu-verifier").get(path).statusCode()).isEqualTo(403);
        assertThat(as("donghu-verifier").get("/api/rules/" + KEY).statusCode()).isEqualTo(403);
        assertThat(as("donghu-verifier").get("/api/rules/responsible-units/versions/1").statusCode()).isEqualTo(403);
        assertThat(staff().get("/api/rules/" + KEY + "/versions/999").statusCode()).isEqualTo(404);
        assertThat(staff().get("/api/rules/no-such-table").statusCode()).isEqualTo(404);
    }

    @Test
    void aTableDeployedThroughTheEngineRestApiStaysInForceWhenTheSeedRunsAgain() throws Exception {
        String key = RuleKinds.RESPONSIBLE_UNITS;
        String xml = Drafts.detail(staff(), key).get("xml").asText();
        String modeler = Drafts.withCell(xml, "rule-m9-lead", "\"czj\"");
        JsonNode deployment = deployLikeModeler("admin", key + ".dmn", modeler);
        int modelerVersion = Drafts.detail(staff(), key).get("decision").get("current").get("version").asInt();

        modelDeployment.seedDecisions(); // what every start does

        JsonNode after = find(staff().getJson("/api/rules").get("decisions"), key);
        assertThat(after.get("current").get("version").asInt()).isEqualTo(modelerVersion);
        assertThat(after.get("current").get("via").asText()).isEqualTo("ENGINE_API");
        assertThat(after.get("current").get("publishedBy").asText()).isEqualTo("admin");
        assertThat(after.get("current").get("deploymentName").asText()).isEqualTo(deployment.get("name").asText());

        // the what-if of a routing table compares the units of every measure
        JsonNode whatIf = expect(200, staff().post("/api/rules/" + key + "/what-if",
                toJson(Map.of("xml", Drafts.withCell(modeler, "rule-m1-review", "\"gxj\"")))));
        JsonNode m1 = whatIf.get("measures").get(0);
        assertThat(m1.get("measure").asText()).isEqualTo("M1");
        assertThat(m1.get("changed").asBoolean()).isTrue();
        assertThat(m1.get("before").asText()).contains("gxj,swj");
        assertThat(whatIf.get("measures").get(1).get("changed").asBoolean()).isFalse();
    }

    @Test
    void anOfficerReevaluatesAnOpenCaseExplicitlyAndItIsAudited() {
        JsonNode decided = apply("150000000.00");
        String caseNumber = decided.get("caseNumber").asText();
        int oldVersion = decided.get("decision").get("version").asInt();
        String xml = Drafts.detail(staff(), KEY).get("xml").asText();
        JsonNode published = Drafts.publish(staff(), KEY, Drafts.withCell(xml, "rule-tier-100m-reward", "130000"), "重新认定测试",
                "NEXT_ROUND");
        String path = "/api/rules/cases/" + caseNumber + "/re-evaluation";

        // publishing alone (for the next round: the open round keeps its version) changes nothing on a decided case
        assertThat(staff().getJson("/api/cases/" + caseNumber).get("rewardAmount").decimalValue()).isEqualByComparingTo("100000.00");
        assertThat(as("donghu-verifier").post(path, toJson(Map.of("reason", "x"))).statusCode()).isEqualTo(403);
        assertThat(as(lastApplicant).post(path, toJson(Map.of("reason", "x"))).statusCode()).isEqualTo(403);
        assertThat(expect(400, as("gxj-reviewer").post(path, toJson(Map.of("reason", " ")))).get("errors").get(0).get("field")
                .asText()).isEqualTo("reason");

        JsonNode result = expect(200, as("gxj-reviewer").post(path, toJson(Map.of("reason", "新标准发布后按申请人请求重新认定"))));
        assertThat(result.get("oldVersion").asInt()).isEqualTo(oldVersion);
        assertThat(result.get("newVersion").asInt()).isEqualTo(published.get("version").asInt());
        assertThat(result.get("oldAmount").decimalValue()).isEqualByComparingTo("100000.00");
        assertThat(result.get("newAmount").decimalValue()).isEqualByComparingTo("130000.00");
        assertThat(result.get("actor").asText()).isEqualTo("gxj-reviewer");

        JsonNode after = staff().getJson("/api/cases/" + caseNumber);
        assertThat(after.get("rewardAmount").decimalValue()).isEqualByComparingTo("130000.00");
        assertThat(after.get("decision").get("version").asInt()).isEqualTo(published.get("version").asInt());
        List<String> actions = new ArrayList<>();
        after.get("timeline").forEach(e -> actions.add(e.get("action").asText()));
        assertThat(actions).contains("RULE_REEVALUATED");
        assertThat(as(lastApplicant).getJson("/api/rules/cases/" + caseNumber + "/re-evaluations")).hasSize(1);

        String now = Drafts.detail(staff(), KEY).get("xml").asText();
        Drafts.publish(staff(), KEY, Drafts.withCell(now, "rule-tier-100m-reward", "100000"), "恢复10万元");
    }

    /**
     * Issue 10: how orders count is a rule. Policy staff publish the cumulative reading through the rules
     * API (validate, what-if, publish); the locality's verification then decides the case on the total of
     * its verified orders with the version in force, and the case records that version.
     */
    @Test
    void theCumulativeReadingPublishedThroughTheRulesApiChangesTheDecision() {
        JsonNode submitted = apply("60000000.00", "2023-08-01", "45000000.00", "2023-08-15");
        String caseNumber = submitted.get("caseNumber").asText();
        assertThat(submitted.get("rewardAmount").decimalValue()).as("largest single order: 60 million").isEqualByComparingTo("50000.00");
        String shipped = Drafts.detail(staff(), KEY).get("xml").asText();
        String cumulative = Drafts.cumulativeOrderReading(shipped);
        assertThat(expect(200, staff().post("/api/rules/" + KEY + "/validate", toJson(Map.of("xml", cumulative))))
                .get("valid").asBoolean()).isTrue();
        JsonNode whatIf = expect(200, staff().post("/api/rules/" + KEY + "/what-if", toJson(Map.of("xml", cumulative))));
        assertThat(whatIf.toString()).contains(caseNumber);
        JsonNode published = Drafts.publish(staff(), KEY, cumulative, "按订单累计金额认定（政策解读确认）");
        try {
            String task = as("donghu-verifier").getJson("/engine-rest/task?processInstanceBusinessKey=" + caseNumber
                    + "&taskDefinitionKey=Task_LocalityVerification").get(0).get("id").asText();
            Map<String, Object> variables = Map.of(
                    "decision", Map.of("value", "approve", "type", "String"),
                    "orderVerification", Map.of("type", "Json", "value",
                            "[{\"line\":1,\"result\":\"accept\"},{\"line\":2,\"result\":\"accept\"}]"));
            expect(204, as("donghu-verifier").post("/engine-rest/task/" + task + "/complete", toJson(Map.of("variables", variables))));

            JsonNode decided = staff().getJson("/api/cases/" + caseNumber);
            assertThat(decided.get("rewardAmount").decimalValue()).as("total 105 million").isEqualByComparingTo("100000.00");
            assertThat(decided.get("rewardTier").asText()).isEqualTo("TIER_100M");
            assertThat(decided.get("decision").get("version").asInt()).isEqualTo(published.get("version").asInt());
            assertThat(decided.get("application").get("orders")).hasSize(2)
                    .allSatisfy(order -> assertThat(order.get("verification").asText()).isEqualTo("ACCEPTED"));
            List<String> actions = new ArrayList<>();
            decided.get("timeline").forEach(e -> actions.add(e.get("action").asText()));
            assertThat(actions).contains("RULE_REDECIDED_ELIGIBLE");
        } finally {
            Drafts.publish(staff(), KEY, shipped, "恢复按单笔订单认定");
        }
    }

    @Test
    void aSecondApplicationOfAnEnterpriseIsA409NamingTheExistingCase() {
        String first = apply("60000000.00", "2023-08-01").get("caseNumber").asText();
        Map<String, Object> order = Map.of("counterparty", "江西测试贸易有限公司", "contractNumber", "HT-RULES-2ND-" + UUID.randomUUID(),
                "signingDate", "2023-09-01", "orderAmount", "250000000.00", "executionEvidence", "出库单");

        JsonNode refused = expect(409, as(lastApplicant).post("/api/m1/applications", toJson(Map.of("orders", List.of(order))),
                "Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(refused.get("errors").get(0).get("zh").asText()).contains(first);
        assertThat(refused.get("errors").get(0).get("en").asText()).contains(first);
    }

    // ---- helpers ----

    private HttpApi staff() {
        return as("policy-staff");
    }

    private HttpApi as(String user) {
        return HttpApi.as(port, user, "demo");
    }

    /** A new enterprise of donghu applies for measure 1 with these orders (amount, date, ...); answers the decided case. */
    /** Closes the open round of measure 1 and opens the next one, running to the demo round's end (the other tests apply too). */
    private void startANewRoundOfMeasure1() {
        for (JsonNode measure : staff().getJson("/api/rounds").get("measures")) {
            if (measure.get("measure").asText().equals("M1")) {
                for (JsonNode round : measure.get("rounds")) {
                    if (round.get("status").asText().equals("OPEN")) {
                        expect(200, staff().post("/api/rounds/" + round.get("id").asLong() + "/closure",
                                toJson(Map.of("reason", "RulesApiTest：下一批次"))));
                    }
                }
            }
        }
        expect(201, staff().post("/api/rounds", toJson(Map.of("measure", "M1", "name", "RulesApiTest 批次 " + System.nanoTime(),
                "performanceFrom", "2023-07-01", "performanceTo", "2023-09-30",
                "opensOn", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString(), "closesOn", "2099-12-31"))));
    }

    private JsonNode apply(String... amountAndDate) {
        List<Map<String, Object>> orders = new ArrayList<>();
        for (int i = 0; i < amountAndDate.length; i += 2) {
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("counterparty", "江西测试贸易有限公司");
            order.put("contractNumber", "HT-RULES-" + UUID.randomUUID().toString().substring(0, 8));
            order.put("signingDate", i + 1 < amountAndDate.length ? amountAndDate[i + 1] : "2023-08-18");
            order.put("orderAmount", amountAndDate[i]);
            order.put("executionEvidence", "出库单 CK-2023-0818");
            orders.add(order);
        }
        lastApplicant = TestEnterprises.freshUser(context, "donghu", "demo");
        return expect(201, as(lastApplicant).post("/api/m1/applications", toJson(Map.of("orders", orders)), "Idempotency-Key",
                UUID.randomUUID().toString()));
    }

    private static JsonNode find(JsonNode decisions, String key) {
        for (JsonNode d : decisions) {
            if (d.get("key").asText().equals(key)) {
                return d;
            }
        }
        throw new AssertionError("no decision " + key + " in " + decisions);
    }

    /** POST /engine-rest/deployment/create as Camunda Modeler does (multipart, deployment name and source). */
    private JsonNode deployLikeModeler(String user, String fileName, String xml) throws IOException, InterruptedException {
        String boundary = "----huiqi" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> field : Map.of("deployment-name", "modeler-" + fileName, "deployment-source",
                "Camunda Modeler", "enable-duplicate-filtering", "false").entrySet()) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(field.getKey())
                    .append("\"\r\n\r\n").append(field.getValue()).append("\r\n");
        }
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"data\"; filename=\"").append(fileName)
                .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(xml).append("\r\n--").append(boundary).append("--\r\n");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return HttpApi.json(response);
    }
}
