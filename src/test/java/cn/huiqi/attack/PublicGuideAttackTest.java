package cn.huiqi.attack;

import static cn.huiqi.testsupport.HttpApi.expect;
import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.enterprise.Enterprise;
import cn.huiqi.enterprise.EnterpriseRepository;
import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.TestEnterprises;
import cn.huiqi.testsupport.TestUsers;

/**
 * Issue 19: the guides and the policy calculator are public (no login) and must expose nothing private — no case,
 * no enterprise, no draft a policy officer is trying out — and must store nothing; the signed-in pre-fill gives an
 * enterprise's figures to that enterprise (and its agents) only. Each attempt goes to the ledger.
 */
class PublicGuideAttackTest extends OnMariaDbWithWebapps {

    private static final String PASSWORD = "Public-Guide-2023";
    private static final String FAMILY_DISCLOSE = "M9 public guide/calculator disclosure";
    private static final String FAMILY_STORE = "M9 calculator stores nothing";
    private static final String FAMILY_PREFILL = "M9 calculator prefill";
    private static final String FAMILY_REACH = "M9 public paths reach further";

    @Autowired
    IdentityService identityService;
    @Autowired
    ApplicationContext context;
    @Autowired
    EnterpriseRepository enterprises;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void thePublicGuidesAndCalculatorShowNoCaseNoEnterpriseAndNoDraft() {
        // private things exist: an enterprise's case and a policy officer's draft with its what-if
        String applicant = TestEnterprises.freshUser(context, "donghu", PASSWORD);
        Map<String, Object> growth = new LinkedHashMap<>();
        growth.put("taxableRevenue", "612345678.91");
        growth.put("priorYearRevenue", "500000000.00");
        growth.put("revenueEvidence", "增值税申报表");
        String caseNumber = expect(201, HttpApi.as(port, applicant, PASSWORD).post("/api/measures/M2/applications", toJson(growth),
                "Idempotency-Key", UUID.randomUUID().toString())).get("caseNumber").asText();
        Enterprise enterprise = enterprises.findById(jdbc.queryForObject("SELECT enterprise_id FROM enterprise_user WHERE user_id = ?", Long.class, applicant))
                .orElseThrow();
        TestUsers.person(identityService, "guide-atk-policy", "policy-admin", PASSWORD);
        HttpApi staff = HttpApi.as(port, "guide-atk-policy", PASSWORD);
        String xml = expect(200, staff.get("/api/rules/order-reward")).get("xml").asText();
        String draft = withCell(xml, "rule-tier-50m-reward", "54321");
        expect(200, staff.post("/api/rules/order-reward/what-if", toJson(Map.of("xml", draft))));

        HttpApi anonymous = HttpApi.anonymous(port);
        List<String> answers = new ArrayList<>();
        answers.add(expect(200, anonymous.get("/api/public/guides")).toString());
        for (String measure : List.of("M1", "M2", "M3", "M4", "M5", "M6", "M7", "M8", "M9")) {
            answers.add(expect(200, anonymous.get("/api/public/guides/" + measure)).toString());
        }
        answers.add(expect(200, anonymous.post("/api/public/calculator", toJson(Map.of("orders", List.of(Map.of("amount", "60000000.00",
                "signedOn", "2023-08-01")), "taxableRevenue", "612345678.91", "priorYearRevenue", "500000000.00")))).toString());
        List<String> secrets = List.of(caseNumber, enterprise.getName(), enterprise.getUscc(), enterprise.getBankAccount(),
                enterprise.getContactPhone(), applicant, "54321", "5.4321万元", "guide-atk-policy", "application_json", "whatIfToken");
        for (String answer : answers) {
            for (String secret : secrets) {
                boolean hidden = !answer.contains(secret);
                AttackLedger.record(FAMILY_DISCLOSE, hidden, "public answer shows " + secret);
                assertThat(answer).as("a public answer").doesNotContain(secret);
            }
        }
        // the draft was never published: guide and calculator still say 5万元
        assertThat(answers.get(1)).contains("奖励5万元");
    }

    @Test
    void theCalculatorStoresNothing() {
        List<String> counted = List.of("case_record", "rule_what_if", "rule_publication", "ACT_HI_DECINST", "ACT_RE_DECISION_DEF",
                "ACT_HI_OP_LOG", "inbox_message");
        Map<String, Integer> before = counts(counted);
        HttpApi anonymous = HttpApi.anonymous(port);
        for (int i = 0; i < 5; i++) {
            expect(200, anonymous.post("/api/public/calculator", toJson(Map.of("orders", List.of(Map.of("amount", (50000000 + i) + ".00",
                    "signedOn", "2023-08-01")), "projectType", "new", "equipmentInvestment", "25000000.00", "measure", "M1",
                    "caseNumber", "M1-2023-000001", "eligible", true))));
        }
        Map<String, Integer> after = counts(counted);
        for (String table : counted) {
            boolean unchanged = before.get(table).equals(after.get(table));
            AttackLedger.record(FAMILY_STORE, unchanged, "a calculation wrote to " + table);
            assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
        }
    }

    @Test
    void onlyTheEnterpriseAndItsAgentsGetItsFiguresPrefilled() {
        String victim = TestEnterprises.freshUser(context, "donghu", PASSWORD);
        long victimId = expect(200, HttpApi.as(port, victim, PASSWORD).get("/api/calculator/prefill")).get("enterpriseId").asLong();
        String other = TestEnterprises.freshUser(context, "xihu", PASSWORD);
        TestUsers.person(identityService, "guide-atk-donghu", "donghu", PASSWORD);
        TestUsers.person(identityService, "guide-atk-gxj", "gxj", PASSWORD);
        TestUsers.person(identityService, "guide-atk-admin", "camunda-admin", PASSWORD);
        List<HttpResponse<String>> attempts = List.of(
                HttpApi.anonymous(port).get("/api/calculator/prefill?enterpriseId=" + victimId),
                HttpApi.as(port, other, PASSWORD).get("/api/calculator/prefill?enterpriseId=" + victimId),
                HttpApi.as(port, "guide-atk-donghu", PASSWORD).get("/api/calculator/prefill?enterpriseId=" + victimId),
                HttpApi.as(port, "guide-atk-gxj", PASSWORD).get("/api/calculator/prefill?enterpriseId=" + victimId),
                HttpApi.as(port, "guide-atk-admin", PASSWORD).get("/api/calculator/prefill?enterpriseId=" + victimId),
                HttpApi.as(port, other, PASSWORD).get("/api/calculator/prefill?enterpriseId=abc"));
        for (HttpResponse<String> attempt : attempts) {
            boolean refused = attempt.statusCode() >= 400 && attempt.statusCode() < 500 && !attempt.body().contains("\"enterpriseName\"");
            AttackLedger.record(FAMILY_PREFILL, refused, attempt.request().uri() + " answered " + attempt.statusCode());
            assertThat(attempt.statusCode()).as(attempt.request().uri().toString()).isBetween(400, 499);
        }
    }

    @Test
    void thePublicPathsOpenNothingElse() {
        HttpApi anonymous = HttpApi.anonymous(port);
        List<HttpResponse<String>> attempts = List.of(
                anonymous.get("/api/rules/order-reward"),
                anonymous.get("/api/public/guides/M1/../../rules/order-reward"),
                anonymous.get("/api/public/guides/..%2F..%2Frules%2Forder-reward"),
                anonymous.get("/api/public/calculator"),
                anonymous.put("/api/public/calculator", "{}"),
                anonymous.delete("/api/public/guides/M1"),
                anonymous.post("/api/public/guides/M1", "{}"),
                anonymous.get("/api/public/other"),
                anonymous.get("/api/calculator/prefill"));
        for (HttpResponse<String> attempt : attempts) {
            boolean refused = attempt.statusCode() >= 400 && attempt.statusCode() < 500;
            AttackLedger.record(FAMILY_REACH, refused, attempt.request().method() + " " + attempt.request().uri() + " answered " + attempt.statusCode());
            assertThat(attempt.statusCode()).as(attempt.request().method() + " " + attempt.request().uri()).isBetween(400, 499);
        }
    }

    private Map<String, Integer> counts(List<String> tables) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        tables.forEach(t -> counts.put(t, jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Integer.class)));
        return counts;
    }

    private static String withCell(String xml, String entryId, String newText) {
        int at = xml.indexOf("id=\"" + entryId + "\"");
        int open = xml.indexOf("<text>", at) + "<text>".length();
        int close = xml.indexOf("</text>", open);
        return xml.substring(0, open) + newText + xml.substring(close);
    }
}
