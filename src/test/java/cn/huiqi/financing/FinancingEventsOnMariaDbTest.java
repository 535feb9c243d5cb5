package cn.huiqi.financing;

import static cn.huiqi.testsupport.HttpApi.expect;
import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.enterprise.EnterpriseRegister;
import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.MariaDbTestDatabase;
import cn.huiqi.testsupport.TestEnterprises;
import cn.huiqi.testsupport.TestInstitutions;
import cn.huiqi.testsupport.TestUsers;

/**
 * Measure 8's register of institutions, matchmaking events and guide funds on MariaDB, over HTTP: jrb adds, renames and
 * retires an institution (audited in unit_change, bilingual 400s, 409 on a taken id) which never shows among the units;
 * jrb creates an event with gxj co-organising, invites institutions, enterprises register their own open demands (not
 * another's, not a closed one), jrb registers a demand it put on the next event, the event is held and outcomes are
 * recorded per demand and institution; an institution sees the event it was invited to, the count of demands and its
 * own outcomes only. An enterprise requests equity financing and ctjt screens it step by step, each step logged.
 */
@ActiveProfiles("mysql")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "camunda.bpm.job-execution.enabled=false")
class FinancingEventsOnMariaDbTest {

    static final String PASSWORD = "Financing-Events-2023";

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        MariaDbTestDatabase.register(registry, "huiqi_financing_events");
    }

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    EnterpriseRegister register;

    @BeforeEach
    void people() {
        TestUsers.person(identityService, "ev-jrb", "jrb", PASSWORD);
        TestUsers.person(identityService, "ev-gxj", "gxj", PASSWORD);
        TestUsers.person(identityService, "ev-zxqyj", "zxqyj", PASSWORD);
        TestUsers.person(identityService, "ev-ctjt", "ctjt", PASSWORD);
        TestUsers.person(identityService, "ev-donghu", "donghu", PASSWORD);
        TestUsers.person(identityService, "ev-xihu", "xihu", PASSWORD);
        TestUsers.person(identityService, "ev-swj", "swj", PASSWORD);
        TestUsers.person(identityService, "ev-admin", "camunda-admin", PASSWORD);
    }

    HttpApi as(String user) {
        return HttpApi.as(port, user, PASSWORD);
    }

    @Test
    void jrbKeepsTheRegisterOfInstitutionsWhichNeverShowAmongTheUnits() {
        JsonNode added = expect(201, as("ev-jrb").post("/api/financing/institutions", toJson(Map.of("id", "fi-hongcheng",
                "nameZh", "洪城银行南昌分行", "nameEn", "Hongcheng Bank Nanchang", "kind", "BANK", "contactName", "赵经理",
                "contactPhone", "0791-86000000"))));
        assertThat(added.get("kindZh").asText()).isEqualTo("银行");
        assertThat(added.get("active").asBoolean()).isTrue();
        assertThat(added.get("demo").asBoolean()).isFalse();
        assertThat(identityService.createGroupQuery().groupId("fi-hongcheng").count()).isEqualTo(1);

        JsonNode bad = expect(400, as("ev-jrb").post("/api/financing/institutions", toJson(Map.of("id", "Bad Id", "nameZh", "",
                "kind", "BROKER", "contactPhone", "abc"))));
        assertThat(bad.toString()).contains("kind").contains("contactName").contains("contactPhone").contains("BANK");
        expect(409, as("ev-jrb").post("/api/financing/institutions", toJson(Map.of("id", "fi-hongcheng", "nameZh", "再来",
                "nameEn", "Again", "kind", "BANK", "contactName", "钱", "contactPhone", "0791-1234567"))));
        expect(409, as("ev-jrb").post("/api/financing/institutions", toJson(Map.of("id", "donghu", "nameZh", "东湖银行",
                "nameEn", "Donghu", "kind", "BANK", "contactName", "钱", "contactPhone", "0791-1234567"))));

        JsonNode changed = expect(200, as("ev-jrb").put("/api/financing/institutions/fi-hongcheng",
                toJson(Map.of("nameZh", "洪城银行", "kind", "GUARANTEE", "contactPhone", "0791-86000001"))));
        assertThat(changed.get("nameZh").asText()).isEqualTo("洪城银行");
        assertThat(changed.get("kind").asText()).isEqualTo("GUARANTEE");
        expect(404, as("ev-jrb").put("/api/financing/institutions/gxj", toJson(Map.of("contactName", "某人"))));
        expect(404, as("ev-jrb").put("/api/financing/institutions/nobody", toJson(Map.of("contactName", "某人"))));
        expect(400, as("ev-jrb").put("/api/financing/institutions/fi-hongcheng", "{}"));
        // the units' administration does not maintain an institution
        expect(409, HttpApi.as(port, "ev-admin", PASSWORD).put("/api/units/fi-hongcheng", toJson(Map.of("nameZh", "改名"))));

        List<String> units = as("ev-gxj").getJson("/api/units").findValuesAsText("id");
        assertThat(units).contains("donghu", "gxj", "rsj").doesNotContain("fi-hongcheng");
        assertThat(as("ev-gxj").getJson("/api/units?handling=true").findValuesAsText("id")).doesNotContain("fi-hongcheng");
        assertThat(as("ev-gxj").getJson("/api/units?handling=false").findValuesAsText("id")).doesNotContain("fi-hongcheng");

        JsonNode retired = expect(200, as("ev-jrb").put("/api/financing/institutions/fi-hongcheng", toJson(Map.of("active", false))));
        assertThat(retired.get("active").asBoolean()).isFalse();
        List<Map<String, Object>> audit = jdbc.queryForList("SELECT change_kind, old_value, new_value, changed_by FROM unit_change"
                + " WHERE unit_id = 'fi-hongcheng' ORDER BY id");
        assertThat(audit).extracting(r -> r.get("change_kind")).containsExactly("ADDED", "INSTITUTION", "CHANGED", "INSTITUTION",
                "CHANGED", "INSTITUTION");
        assertThat(audit).allSatisfy(r -> assertThat(r.get("changed_by")).isEqualTo("ev-jrb"));
        assertThat(audit.get(3).get("new_value").toString()).contains("担保机构").contains("0791-86000001");

        // enterprises see active institutions without contacts; others of no concern are refused
        String enterprise = TestEnterprises.freshUser(context, "donghu", PASSWORD);
        JsonNode seen = as(enterprise).getJson("/api/financing/institutions");
        assertThat(seen.findValuesAsText("unitId")).doesNotContain("fi-hongcheng");
        assertThat(seen.toString()).doesNotContain("0791-86000001");
        expect(403, as("ev-donghu").get("/api/financing/institutions"));
        expect(403, as("ev-gxj").post("/api/financing/institutions", toJson(Map.of("id", "fi-x", "nameZh", "某", "nameEn", "X",
                "kind", "BANK", "contactName", "某", "contactPhone", "0791-1234567"))));
    }

    @Test
    void anEventFromCreationToOutcomes() {
        TestInstitutions.Created bank1 = TestInstitutions.freshBank(context, PASSWORD);
        TestInstitutions.Created bank2 = TestInstitutions.freshBank(context, PASSWORD);
        TestInstitutions.Created uninvited = TestInstitutions.freshBank(context, PASSWORD);
        String ent1 = TestEnterprises.freshUser(context, "donghu", PASSWORD);
        String ent2 = TestEnterprises.freshUser(context, "xihu", PASSWORD);
        long e1 = register.ownEnterpriseOf(ent1).orElseThrow();
        long e2 = register.ownEnterpriseOf(ent2).orElseThrow();
        long open1 = demand(e1, "donghu", "PUBLISHED", null);
        long closed1 = demand(e1, "donghu", "CLOSED", null);
        long open2 = demand(e2, "xihu", "TAKEN_UP", null);
        long nextEvent = demand(e2, "xihu", "COORDINATING", "NEXT_EVENT");
        // open1 shared with all institutions (amount and term only); open2 with nobody: consent is m8flow's, set here as rows
        jdbc.update("INSERT INTO financing_consent (case_id, audience, fields, given_by, given_at) VALUES (?, 'ALL', 'AMOUNT,TERM', ?, ?)",
                open1, ent1, Timestamp.from(Instant.now()));
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

        expect(403, as("ev-gxj").post("/api/financing/events", toJson(Map.of("title", "某", "heldOn", today, "place", "某", "theme", "某"))));
        JsonNode bad = expect(400, as("ev-jrb").post("/api/financing/events", toJson(Map.of("title", "", "heldOn", "2020-01-01",
                "place", "南昌", "theme", "汽车", "coOrganisers", List.of("swj")))));
        assertThat(bad.toString()).contains("title").contains("heldOn").contains("coOrganisers");
        JsonNode event = expect(201, as("ev-jrb").post("/api/financing/events", toJson(Map.of("title", "汽车产业链产融对接会",
                "heldOn", today, "place", "南昌市民中心", "theme", "汽车及零部件产业链", "coOrganisers", List.of("gxj")))));
        long id = event.get("id").asLong();
        assertThat(event.get("status").asText()).isEqualTo("PLANNED");
        String base = "/api/financing/events/" + id;

        expect(200, as("ev-gxj").post(base + "/institutions", toJson(Map.of("institution", bank1.unitId()))));
        expect(200, as("ev-jrb").post(base + "/institutions", toJson(Map.of("institution", bank2.unitId()))));
        expect(409, as("ev-jrb").post(base + "/institutions", toJson(Map.of("institution", bank2.unitId()))));
        expect(404, as("ev-jrb").post(base + "/institutions", toJson(Map.of("institution", "donghu"))));
        expect(403, as("ev-zxqyj").post(base + "/institutions", toJson(Map.of("institution", uninvited.unitId()))));
        expect(403, as("ev-gxj").put(base, toJson(Map.of("coOrganisers", List.of("gxj", "zxqyj")))));

        assertThat(as(ent1).getJson("/api/financing/events/registrable-demands").findValuesAsText("caseId"))
                .containsExactly(String.valueOf(open1));
        expect(200, as(ent1).post(base + "/registrations", toJson(Map.of("caseId", open1))));
        expect(409, as(ent1).post(base + "/registrations", toJson(Map.of("caseId", open1))));
        expect(404, as(ent1).post(base + "/registrations", toJson(Map.of("caseId", closed1))));
        expect(404, as(ent1).post(base + "/registrations", toJson(Map.of("caseId", open2)))); // another enterprise's
        expect(400, as(ent1).post(base + "/registrations", toJson(Map.of("caseId", "x"))));
        expect(200, as(ent2).post(base + "/registrations", toJson(Map.of("caseId", open2))));
        assertThat(as("ev-jrb").getJson("/api/financing/events/registrable-demands").findValuesAsText("caseId"))
                .containsExactly(String.valueOf(nextEvent));
        expect(404, as("ev-jrb").post(base + "/registrations", toJson(Map.of("caseId", open1 + 100000))));
        expect(200, as("ev-jrb").post(base + "/registrations", toJson(Map.of("caseId", nextEvent))));
        expect(403, as("ev-gxj").post(base + "/registrations", toJson(Map.of("caseId", nextEvent))));

        // each sees what is theirs
        JsonNode own = as(ent1).getJson(base);
        assertThat(own.get("registrations").findValuesAsText("caseId")).containsExactly(String.valueOf(open1));
        assertThat(own.get("registeredCount").asInt()).isEqualTo(3);
        JsonNode bankView = as(bank1.userId()).getJson(base);
        assertThat(bankView.path("registrations").isNull() || bankView.path("registrations").isMissingNode()).isTrue();
        assertThat(bankView.get("registeredCount").asInt()).isEqualTo(3);
        assertThat(bankView.get("invited").findValuesAsText("institution")).containsExactly(bank1.unitId());
        assertThat(bankView.toString()).doesNotContain("测试企业").doesNotContain("流动资金");
        // the registered demands shared with it, through the demands' consent filter: open1's amount and term, nothing of open2
        JsonNode shared = bankView.get("sharedDemands");
        assertThat(shared).hasSize(1);
        assertThat(shared.get(0).get("caseNumber").asText()).isEqualTo(caseNumber(open1));
        assertThat(shared.get(0).get("sharedFields").toString()).contains("AMOUNT").contains("TERM").doesNotContain("PURPOSE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM financing_read_log WHERE case_id = ? AND institution = ?", Integer.class,
                open1, bank1.unitId())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM financing_read_log WHERE case_id = ?", Integer.class, open2)).isZero();
        jdbc.update("UPDATE financing_consent SET revoked_by = ?, revoked_at = ? WHERE case_id = ?", ent1, Timestamp.from(Instant.now()), open1);
        assertThat(as(bank1.userId()).getJson(base).get("sharedDemands")).isEmpty();
        assertThat(as(bank1.userId()).getJson(base).get("registeredCount").asInt()).isEqualTo(3);
        expect(404, as(uninvited.userId()).get(base));
        assertThat(as(uninvited.userId()).getJson("/api/financing/events").findValuesAsText("id")).doesNotContain(String.valueOf(id));
        expect(403, as("ev-donghu").get(base));
        expect(403, as("ev-swj").get("/api/financing/events"));

        // outcomes only after the event is held
        Map<String, Object> outcome = Map.of("caseId", open1, "institution", bank1.unitId(), "intentionSigned", true,
                "intendedAmount", "3000000.00", "note", "签约意向书");
        expect(409, as("ev-jrb").post(base + "/outcomes", toJson(outcome)));
        expect(200, as("ev-gxj").put(base, toJson(Map.of("status", "HELD"))));
        expect(409, as(ent2).post(base + "/registrations", toJson(Map.of("caseId", nextEvent))));
        JsonNode badOutcome = expect(400, as("ev-jrb").post(base + "/outcomes", toJson(Map.of("caseId", open1,
                "institution", bank1.unitId(), "intentionSigned", true, "intendedAmount", "-1"))));
        assertThat(badOutcome.toString()).contains("intendedAmount");
        expect(400, as("ev-jrb").post(base + "/outcomes", toJson(Map.of("caseId", open1, "institution", bank1.unitId(),
                "intentionSigned", false, "intendedAmount", "5"))));
        expect(200, as("ev-jrb").post(base + "/outcomes", toJson(outcome)));
        expect(409, as("ev-jrb").post(base + "/outcomes", toJson(outcome)));
        expect(404, as("ev-jrb").post(base + "/outcomes", toJson(Map.of("caseId", closed1, "institution", bank1.unitId(),
                "intentionSigned", false))));
        expect(404, as("ev-jrb").post(base + "/outcomes", toJson(Map.of("caseId", open2, "institution", uninvited.unitId(),
                "intentionSigned", false))));
        expect(200, as("ev-gxj").post(base + "/outcomes", toJson(Map.of("caseId", open2, "institution", bank2.unitId(),
                "intentionSigned", false, "note", "未达成"))));
        expect(403, as("ev-zxqyj").post(base + "/outcomes", toJson(Map.of("caseId", nextEvent, "institution", bank2.unitId(),
                "intentionSigned", false))));
        expect(403, as(bank1.userId()).post(base + "/outcomes", toJson(Map.of("caseId", nextEvent, "institution", bank1.unitId(),
                "intentionSigned", true, "intendedAmount", "1"))));

        assertThat(jdbc.queryForObject("SELECT intended_amount FROM financing_event_outcome WHERE case_id = ?", java.math.BigDecimal.class,
                open1)).isEqualByComparingTo("3000000.00");
        assertThat(as("ev-jrb").getJson(base).get("outcomes")).hasSize(2);
        assertThat(as(ent1).getJson(base).get("outcomes").findValuesAsText("caseId")).containsExactly(String.valueOf(open1));
        JsonNode bank2Outcomes = as(bank2.userId()).getJson(base).get("outcomes");
        assertThat(bank2Outcomes.findValuesAsText("institution")).containsExactly(bank2.unitId());
        assertThat(bank2Outcomes.get(0).path("caseNumber").asText(null)).isNull();
        expect(409, as("ev-jrb").put(base, toJson(Map.of("title", "改名"))));
    }

    @Test
    void anEquityRequestIsScreenedByCtjtStepByStep() {
        JsonNode funds = as("ev-swj").getJson("/api/financing/guide-funds");
        assertThat(funds.findValuesAsText("nameZh")).containsExactly("南昌市现代产业引导基金", "南昌市VR产业母基金", "江西映山红股权投资基金");
        assertThat(funds.get(0).get("managerLabelled").asBoolean()).isTrue();
        assertThat(funds.get(0).get("labelText").asText()).isEqualTo("系统默认值，待确认");

        String ent = TestEnterprises.freshUser(context, "donghu", PASSWORD);
        String other = TestEnterprises.freshUser(context, "xihu", PASSWORD);
        JsonNode bad = expect(400, as(ent).post("/api/financing/equity-requests", toJson(Map.of("amount", "1.005", "fundId", "nope"))));
        assertThat(bad.toString()).contains("amount").contains("fundId").contains("purpose");
        expect(403, as("ev-ctjt").post("/api/financing/equity-requests", toJson(Map.of("amount", "1", "purpose", "某"))));
        JsonNode request = expect(201, as(ent).post("/api/financing/equity-requests", toJson(Map.of("amount", "20000000.00",
                "fundId", "nc-vr", "purpose", "VR头显产线扩产，寻求股权融资"))));
        long id = request.get("id").asLong();
        assertThat(request.get("amount").decimalValue()).isEqualByComparingTo("20000000.00");
        assertThat(request.get("status").asText()).isEqualTo("SUBMITTED");
        String path = "/api/financing/equity-requests/" + id;

        expect(404, as(other).get(path));
        expect(404, as("ev-xihu").get(path));
        assertThat(as("ev-donghu").getJson(path).get("id").asLong()).isEqualTo(id);
        assertThat(as("ev-jrb").getJson("/api/financing/equity-requests").findValuesAsText("id")).contains(String.valueOf(id));
        assertThat(as(other).getJson("/api/financing/equity-requests").findValuesAsText("id")).doesNotContain(String.valueOf(id));
        expect(403, as("ev-swj").get("/api/financing/equity-requests"));

        expect(403, as("ev-jrb").post(path + "/steps", toJson(Map.of("status", "REFERRED", "fundId", "nc-vr"))));
        expect(409, as("ev-ctjt").post(path + "/steps", toJson(Map.of("status", "INVESTED", "investedAmount", "1"))));
        expect(400, as("ev-ctjt").post(path + "/steps", toJson(Map.of("status", "REFERRED"))));
        expect(400, as("ev-ctjt").post(path + "/steps", toJson(Map.of("status", "DECLINED"))));
        expect(200, as("ev-ctjt").post(path + "/steps", toJson(Map.of("status", "REFERRED", "fundId", "nc-vr"))));
        expect(200, as("ev-ctjt").post(path + "/steps", toJson(Map.of("status", "DUE_DILIGENCE"))));
        JsonNode invested = expect(200, as("ev-ctjt").post(path + "/steps", toJson(Map.of("status", "INVESTED",
                "investedAmount", "15000000"))));
        assertThat(invested.get("investedAmount").decimalValue()).isEqualByComparingTo("15000000.00");
        assertThat(invested.get("log").findValuesAsText("toStatus")).containsExactly("SUBMITTED", "REFERRED", "DUE_DILIGENCE", "INVESTED");
        assertThat(invested.get("log").findValuesAsText("actedBy")).containsExactly(ent, "ev-ctjt", "ev-ctjt", "ev-ctjt");
        expect(409, as("ev-ctjt").post(path + "/steps", toJson(Map.of("status", "DECLINED", "reason", "晚了"))));
        assertThat(as(ent).getJson(path).get("statusZh").asText()).isEqualTo("已投资");
    }

    String caseNumber(long caseId) {
        return jdbc.queryForObject("SELECT case_number FROM case_record WHERE id = ?", String.class, caseId);
    }

    /** An M8 case and its demand row in this status (the demands' intake is m8flow's; events need only open rows). */
    long demand(long enterpriseId, String locality, String status, String coordination) {
        long id = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) + 1 + FLOOR(RAND() * 1000) FROM case_record", Long.class);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO case_record (id, case_number, measure, applicant_kind, enterprise_id, applicant_key, locality_unit_id,"
                + " subject_key, status, application_json, review_units, lead_unit, finance_unit, submitted_by, submitted_at, updated_at,"
                + " row_version) VALUES (?, ?, 'M8', 'ENTERPRISE', ?, ?, ?, ?, ?, '{}', '', 'jrb', 'czj', 'test', ?, ?, 0)",
                id, "M8-2026-" + String.format("%06d", id), enterpriseId, "E:" + enterpriseId, locality,
                "FIN-" + ThreadLocalRandom.current().nextLong(1L << 40), status, now, now);
        jdbc.update("INSERT INTO financing_demand (case_id, enterprise_id, locality, screening_unit, amount, term_months, purpose,"
                + " guarantee_kind, status, submitted_at, coordination_outcome) VALUES (?, ?, ?, ?, 5000000.00, 12, '流动资金', 'CREDIT', ?, ?, ?)",
                id, enterpriseId, locality, locality, status, now, coordination);
        return id;
    }
}
