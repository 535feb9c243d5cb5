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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.TestInstitutions;

/**
 * Measure 8 (issue 18) on MariaDB over HTTP: what enterprises send, who reads a financing demand, what institutions see
 * (consented fields only, never another institution's take-up, offer or rate, nothing once consent is revoked — also
 * after taking it up), how many may take it up at once (also when they race), and every institution read in the log
 * the enterprise reads. Each attempt goes to the ledger.
 */
class FinancingAttackTest extends CaseAttackBase {

    private static final String INTAKE = "M8 intake input";
    private static final String READ = "M8 demand read";
    private static final String WRITE = "M8 enterprise write";
    private static final String INSTITUTION = "M8 institution access";
    private static final String SLOTS = "M8 take-up slots";
    private static final String START = "M8 process start";

    @Autowired
    ApplicationContext context;

    String enterprise;
    TestInstitutions.Created bank1;
    TestInstitutions.Created bank2;

    @BeforeEach
    void parties() {
        enterprise = newApplicant();
        bank1 = TestInstitutions.freshBank(context, PASSWORD);
        bank2 = TestInstitutions.freshBank(context, PASSWORD);
    }

    @Test
    void badInputIsABilingual400AndChangesNothing() {
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM financing_demand", Integer.class);
        String otherEnterprisesOrderCase = newCase();
        List<Map<String, Object>> bodies = List.of(
                without(demandBody(), "consent"),
                with(demandBody(), "consent", Map.of("audience", "ALL", "fields", List.of("PURPOSE"))),
                with(demandBody(), "consent", Map.of("audience", "CHOSEN", "fields", List.of("AMOUNT", "TERM", "GUARANTEE_KIND"), "institutions", List.of("gxj"))),
                with(demandBody(), "amount", "-5"),
                with(demandBody(), "amount", "12.345"),
                with(demandBody(), "termMonths", 0),
                with(demandBody(), "guaranteeKind", "FRIENDSHIP"),
                with(demandBody(), "rate", "1.0"),
                with(with(demandBody(), "guaranteeKind", "ORDER_FINANCING"), "orderCaseNumber", otherEnterprisesOrderCase),
                with(demandBody(), "guaranteeKind", "ORDER_FINANCING"),
                with(demandBody(), "orderCaseNumber", otherEnterprisesOrderCase));
        for (Map<String, Object> body : bodies) {
            HttpResponse<String> response = api(enterprise).post("/api/financing/demands", toJson(body), "Idempotency-Key", UUID.randomUUID().toString());
            boolean refused = response.statusCode() == 400 && response.body().contains("\"zh\"") && response.body().contains("\"en\"") && response.body().matches("(?s).*[\\u4e00-\\u9fff].*");
            AttackLedger.record(INTAKE, refused, body + " → " + response.statusCode() + " " + response.body());
            assertThat(response.statusCode()).as(body.toString()).isEqualTo(400);
        }
        for (String user : List.of(LOCALITY, CITY.get("jrb"), bank1.userId())) {
            HttpResponse<String> response = api(user).post("/api/financing/demands", toJson(demandBody()), "Idempotency-Key", UUID.randomUUID().toString());
            AttackLedger.record(INTAKE, response.statusCode() >= 400 && response.statusCode() < 500, user + " files a demand → " + response.statusCode());
            assertThat(response.statusCode()).as(user).isBetween(400, 499);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM financing_demand", Integer.class)).isEqualTo(before);

        String key = UUID.randomUUID().toString();
        String first = expect(201, api(enterprise).post("/api/financing/demands", toJson(demandBody()), "Idempotency-Key", key)).get("caseNumber").asText();
        assertThat(expect(200, api(enterprise).post("/api/financing/demands", toJson(demandBody()), "Idempotency-Key", key)).get("caseNumber").asText())
                .as("a retry answers the same demand").isEqualTo(first);
        for (String user : List.of(ADMIN, enterprise, CITY.get("jrb"))) {
            HttpResponse<String> start = api(user).post("/engine-rest/process-definition/key/m8-financing-demand/start",
                    toJson(Map.of("businessKey", first)));
            AttackLedger.record(START, start.statusCode() == 403 || start.statusCode() == 404, user + " starts m8-financing-demand → " + start.statusCode());
            assertThat(start.statusCode()).as(user).isIn(403, 404);
        }
    }

    @Test
    void readersAreTheEnterpriseItsLocalityJrbGxjZxqyjAndAuditorsOnly() {
        String n = file(enterprise, consentAll());
        for (String user : List.of(enterprise, LOCALITY, CITY.get("jrb"), CITY.get("gxj"), CITY.get("zxqyj"), AUDITOR)) {
            assertThat(api(user).get("/api/financing/demands/" + n).statusCode()).as(user).isEqualTo(200);
        }
        for (String user : List.of(OTHER_ENTERPRISE, OTHER_LOCALITY, CITY.get("swj"), CITY.get("czj"), CITY.get("ctjt"), bank1.userId())) {
            for (String path : List.of("/api/financing/demands/" + n, "/api/cases/" + n, "/api/financing/demands/" + n + "/read-log")) {
                HttpResponse<String> response = api(user).get(path);
                AttackLedger.record(READ, response.statusCode() == 403, user + " GET " + path + " → " + response.statusCode());
                assertThat(response.statusCode()).as(user + " " + path).isEqualTo(403);
            }
            JsonNode list = expect(200, api(user).get("/api/financing/demands"));
            boolean hidden = !list.toString().contains(n);
            AttackLedger.record(READ, hidden, user + " lists " + n);
            assertThat(hidden).as(user + " list").isTrue();
        }
        for (String path : List.of("/consent", "/accept", "/withdraw")) {
            HttpResponse<String> response = path.equals("/consent")
                    ? api(OTHER_ENTERPRISE).put("/api/financing/demands/" + n + path, toJson(consentAll()))
                    : api(OTHER_ENTERPRISE).post("/api/financing/demands/" + n + path, toJson(Map.of("takeUpId", 1, "reason", "x")));
            AttackLedger.record(WRITE, response.statusCode() == 403, "another enterprise " + path + " → " + response.statusCode());
            assertThat(response.statusCode()).as(path).isEqualTo(403);
        }
        HttpResponse<String> revoke = api(OTHER_ENTERPRISE).delete("/api/financing/demands/" + n + "/consent");
        AttackLedger.record(WRITE, revoke.statusCode() == 403, "another enterprise revokes → " + revoke.statusCode());
        assertThat(revoke.statusCode()).isEqualTo(403);
    }

    @Test
    void institutionsSeeOnlyConsentedFieldsOfPublishedDemandsSharedWithThemAndNeverEachOthersOffers() {
        String n = file(enterprise, consentAll());
        institutionRefused(bank1, "GET", "/api/financing/market/" + n, "before publication");
        publish(n);

        JsonNode seen = expect(200, api(bank1.userId()).get("/api/financing/market/" + n));
        assertThat(seen.get("fields").has("amount")).isTrue();
        assertThat(seen.get("fields").has("enterpriseName")).as("not consented").isFalse();
        assertThat(seen.get("fields").has("purpose")).as("not consented").isFalse();
        assertThat(seen.toString()).doesNotContain("采购原材料");

        long offer1 = expect(201, api(bank1.userId()).post("/api/financing/market/" + n + "/take-up", "{}")).get("id").asLong();
        expect(200, api(bank1.userId()).post("/api/financing/take-ups/" + offer1 + "/decision",
                toJson(Map.of("decision", "OFFER", "approvedAmount", "2800000", "rate", "3.8765", "termMonths", 12))));
        long take2 = expect(201, api(bank2.userId()).post("/api/financing/market/" + n + "/take-up", "{}")).get("id").asLong();

        JsonNode bank2Sees = expect(200, api(bank2.userId()).get("/api/financing/market/" + n));
        boolean noForeignOffer = !bank2Sees.toString().contains("3.8765") && !bank2Sees.toString().contains("2800000")
                && !bank2Sees.toString().contains(bank1.unitId());
        AttackLedger.record(INSTITUTION, noForeignOffer, "bank2 reads bank1's offer: " + bank2Sees);
        assertThat(noForeignOffer).isTrue();
        JsonNode bank2List = expect(200, api(bank2.userId()).get("/api/financing/take-ups"));
        assertThat(bank2List.toString()).doesNotContain("3.8765").contains(String.valueOf(take2));
        institutionRefused(bank2, "PUT", "/api/financing/take-ups/" + offer1 + "/notes", "bank2 writes bank1's notes");
        institutionRefused(bank2, "POST", "/api/financing/take-ups/" + offer1 + "/decision", "bank2 decides bank1's take-up");
        institutionRefused(bank2, "POST", "/api/financing/take-ups/" + offer1 + "/grant", "bank2 grants on bank1's offer");
        for (String path : List.of("/api/financing/demands/" + n, "/api/cases/" + n, "/engine-rest/process-instance?businessKey=" + n)) {
            HttpResponse<String> response = api(bank2.userId()).get(path);
            boolean refused = response.statusCode() == 403 || response.statusCode() == 401
                    || response.statusCode() == 200 && !response.body().contains(n);
            AttackLedger.record(INSTITUTION, refused, "bank2 GET " + path + " → " + response.statusCode());
            assertThat(refused).as(path + " " + response.statusCode() + " " + response.body()).isTrue();
        }

        JsonNode enterpriseSees = expect(200, api(enterprise).get("/api/financing/demands/" + n));
        assertThat(enterpriseSees.get("takeUps")).hasSize(2);
        assertThat(enterpriseSees.toString()).contains("3.8765");
        JsonNode log = expect(200, api(enterprise).get("/api/financing/demands/" + n + "/read-log"));
        assertThat(log.findValuesAsText("institution")).contains(bank1.unitId(), bank2.unitId());
    }

    @Test
    void aChosenAudienceHidesTheDemandFromEveryOtherInstitution() {
        String n = file(enterprise, Map.of("audience", "CHOSEN", "fields", List.of("AMOUNT", "TERM", "GUARANTEE_KIND"), "institutions", List.of(bank1.unitId())));
        publish(n);
        expect(200, api(bank1.userId()).get("/api/financing/market/" + n));
        institutionRefused(bank2, "GET", "/api/financing/market/" + n, "not chosen");
        institutionRefused(bank2, "POST", "/api/financing/market/" + n + "/take-up", "not chosen takes up");
        assertThat(expect(200, api(bank2.userId()).get("/api/financing/market")).toString()).doesNotContain(n);
    }

    @Test
    void revokingConsentHidesTheDemandAtOnceAlsoFromTheInstitutionThatTookItUp() {
        String n = file(enterprise, consentAll());
        publish(n);
        long takeUp = expect(201, api(bank1.userId()).post("/api/financing/market/" + n + "/take-up", "{}")).get("id").asLong();
        expect(200, api(bank1.userId()).put("/api/financing/take-ups/" + takeUp + "/notes", toJson(Map.of("contactNotes", "已电话联系"))));
        String readsOfThisDemand = "SELECT COUNT(*) FROM financing_read_log r JOIN case_record c ON c.id = r.case_id WHERE r.institution = ? AND c.case_number = ?";
        int readsBefore = jdbc.queryForObject(readsOfThisDemand, Integer.class, bank1.unitId(), n);

        expect(204, api(enterprise).delete("/api/financing/demands/" + n + "/consent"));

        institutionRefused(bank1, "GET", "/api/financing/market/" + n, "after revocation");
        institutionRefused(bank1, "PUT", "/api/financing/take-ups/" + takeUp + "/notes", "notes after revocation");
        institutionRefused(bank1, "POST", "/api/financing/take-ups/" + takeUp + "/decision", "decides after revocation");
        boolean gone = !expect(200, api(bank1.userId()).get("/api/financing/market")).toString().contains(n)
                && !expect(200, api(bank1.userId()).get("/api/financing/take-ups")).toString().contains("已电话联系");
        AttackLedger.record(INSTITUTION, gone, "bank1 lists the revoked demand");
        assertThat(gone).isTrue();
        assertThat(jdbc.queryForObject(readsOfThisDemand, Integer.class, bank1.unitId(), n)).as("refused reads read nothing").isEqualTo(readsBefore);
        JsonNode consent = expect(200, api(enterprise).get("/api/financing/demands/" + n)).get("consent");
        assertThat(consent.get("revoked").asBoolean()).isTrue();
        assertThat(consent.get("log").findValuesAsText("action")).containsExactly("GIVE", "REVOKE");
    }

    @Test
    void aFourthTakeUpIsRefusedAlsoWhenTwoRaceForTheLastSlot() throws Exception {
        String n = file(enterprise, consentAll());
        publish(n);
        TestInstitutions.Created bank3 = TestInstitutions.freshBank(context, PASSWORD);
        TestInstitutions.Created bank4 = TestInstitutions.freshBank(context, PASSWORD);
        expect(201, api(bank1.userId()).post("/api/financing/market/" + n + "/take-up", "{}"));
        expect(201, api(bank2.userId()).post("/api/financing/market/" + n + "/take-up", "{}"));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<HttpResponse<String>>> race = new ArrayList<>();
        for (TestInstitutions.Created bank : List.of(bank3, bank4)) {
            Callable<HttpResponse<String>> takeUp = () -> api(bank.userId()).post("/api/financing/market/" + n + "/take-up", "{}");
            race.add(pool.submit(takeUp));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<HttpResponse<String>> f : race) {
            statuses.add(f.get().statusCode());
        }
        pool.shutdown();
        assertThat(statuses).as("one of the two racing take-ups").containsExactlyInAnyOrder(201, 409);
        AttackLedger.record(SLOTS, statuses.contains(409), "two race for the third slot → " + statuses);
        TestInstitutions.Created bank5 = TestInstitutions.freshBank(context, PASSWORD);
        HttpResponse<String> fourth = api(bank5.userId()).post("/api/financing/market/" + n + "/take-up", "{}");
        AttackLedger.record(SLOTS, fourth.statusCode() == 409, "a fourth take-up → " + fourth.statusCode());
        assertThat(fourth.statusCode()).isEqualTo(409);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM financing_take_up t JOIN case_record c ON c.id = t.case_id"
                + " WHERE c.case_number = ? AND t.status = 'ACTIVE'", Integer.class, n)).isEqualTo(3);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private void institutionRefused(TestInstitutions.Created bank, String method, String path, String what) {
        String body = toJson(Map.of("decision", "OFFER", "approvedAmount", "1000", "rate", "4", "termMonths", 6, "contactNotes", "x",
                "amount", "1000", "grantedOn", "2023-09-01"));
        HttpResponse<String> response = switch (method) {
            case "GET" -> api(bank.userId()).get(path);
            case "PUT" -> api(bank.userId()).put(path, toJson(Map.of("contactNotes", "偷看")));
            default -> api(bank.userId()).post(path, path.endsWith("/decision") ? toJson(Map.of("decision", "DECLINE", "reason", "x"))
                    : path.endsWith("/grant") ? toJson(Map.of("amount", "1000", "grantedOn", "2023-09-01")) : body);
        };
        boolean refused = response.statusCode() == 404 || response.statusCode() == 403;
        AttackLedger.record(INSTITUTION, refused, bank.unitId() + " " + what + ": " + method + " " + path + " → " + response.statusCode() + " " + response.body());
        assertThat(response.statusCode()).as(what + ": " + response.body()).isIn(403, 404);
    }

    private String file(String user, Map<String, Object> consent) {
        return expect(201, api(user).post("/api/financing/demands", toJson(with(demandBody(), "consent", consent)),
                "Idempotency-Key", UUID.randomUUID().toString())).get("caseNumber").asText();
    }

    private void publish(String n) {
        complete(LOCALITY, task(n, "Task_Screen"), Map.of("decision", "publish"));
    }

    private static Map<String, Object> consentAll() {
        return Map.of("audience", "ALL", "fields", List.of("AMOUNT", "TERM", "GUARANTEE_KIND"));
    }

    private static Map<String, Object> demandBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", "3000000.00");
        body.put("termMonths", 12);
        body.put("purpose", "采购原材料");
        body.put("guaranteeKind", "CREDIT");
        body.put("consent", consentAll());
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.remove(field);
        return copy;
    }
}
