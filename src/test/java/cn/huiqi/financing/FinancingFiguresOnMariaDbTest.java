package cn.huiqi.financing;

import static cn.huiqi.testsupport.HttpApi.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import cn.huiqi.enterprise.EnterpriseRegister;
import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.MariaDbTestDatabase;
import cn.huiqi.testsupport.TestEnterprises;
import cn.huiqi.testsupport.TestInstitutions;
import cn.huiqi.testsupport.TestUsers;

/**
 * Measure 8's figures on MariaDB over HTTP against a known set: four demands in two localities, two banks taking them up,
 * offers, a decline, a grant, two events; exact counts, amounts to the fen and average working days (March 2026, no
 * public holiday) for every grouping, what a locality sees, the xlsx with Chinese headers, and a bilingual 400 for a bad
 * grouping.
 */
@ActiveProfiles("mysql")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "camunda.bpm.job-execution.enabled=false")
class FinancingFiguresOnMariaDbTest {

    static final String PASSWORD = "Financing-Figures-2023";

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        MariaDbTestDatabase.register(registry, "huiqi_financing_figures");
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

    HttpApi as(String user) {
        return HttpApi.as(port, user, PASSWORD);
    }

    @Test
    void theFiguresOfAKnownSet() throws Exception {
        TestUsers.person(identityService, "fig-jrb", "jrb", PASSWORD);
        TestUsers.person(identityService, "fig-donghu", "donghu", PASSWORD);
        TestInstitutions.Created a = TestInstitutions.freshBank(context, PASSWORD);
        TestInstitutions.Created b = TestInstitutions.freshBank(context, PASSWORD);
        long e1 = register.ownEnterpriseOf(TestEnterprises.freshUser(context, "donghu", PASSWORD)).orElseThrow();
        long e2 = register.ownEnterpriseOf(TestEnterprises.freshUser(context, "xihu", PASSWORD)).orElseThrow();

        long d1 = demand(e1, "donghu", "CREDIT", "GRANTED", at("2026-03-02T10:00"));
        long d2 = demand(e1, "donghu", "MORTGAGE", "TAKEN_UP", at("2026-03-06T10:00"));
        long d3 = demand(e2, "xihu", "CREDIT", "TAKEN_UP", at("2026-03-06T10:00"));
        long d4 = demand(e2, "xihu", "ORDER_FINANCING", "SUBMITTED", null);
        long d1a = takeUp(d1, a.unitId(), "ACCEPTED", "800000.50", at("2026-03-05T09:00")); // 3 working days
        takeUp(d1, b.unitId(), "DECLINED", null, at("2026-03-04T16:00"));                    // 2 working days: d1's first decision
        takeUp(d2, a.unitId(), "ACTIVE", null, null);
        takeUp(d3, b.unitId(), "OFFERED", "300000.25", at("2026-03-11T11:00"));              // 3 working days (Mon–Wed)
        jdbc.update("UPDATE financing_demand SET accepted_take_up = ?, granted_amount = 800000.50, granted_on = '2026-03-12'"
                + " WHERE case_id = ?", d1a, d1);
        long ev1 = event("汽车产业链产融对接会", d2, d3);
        long ev2 = event("电子信息产业链产融对接会", d4);
        String donghu = jdbc.queryForObject("SELECT name_zh FROM unit WHERE id = 'donghu'", String.class);
        String xihu = jdbc.queryForObject("SELECT name_zh FROM unit WHERE id = 'xihu'", String.class);
        String nameA = jdbc.queryForObject("SELECT name_zh FROM unit WHERE id = ?", String.class, a.unitId());
        String nameB = jdbc.queryForObject("SELECT name_zh FROM unit WHERE id = ?", String.class, b.unitId());

        assertThat(rows("fig-jrb", "locality")).containsExactlyInAnyOrder(
                "donghu|" + donghu + "|2|2|800000.50|800000.50|1|2.0",
                "xihu|" + xihu + "|2|1|300000.25|0.00|1|3.0");
        assertThat(rows("fig-jrb", "guarantee")).containsExactlyInAnyOrder(
                "CREDIT|信用|2|2|1100000.75|800000.50|2|2.5",
                "MORTGAGE|抵押|1|1|0.00|0.00|0|null",
                "ORDER_FINANCING|订单融资|1|0|0.00|0.00|0|null");
        assertThat(rows("fig-jrb", "institution")).containsExactlyInAnyOrder(
                a.unitId() + "|" + nameA + "|2|2|800000.50|800000.50|1|3.0",
                b.unitId() + "|" + nameB + "|2|2|300000.25|0.00|2|2.5");
        assertThat(rows("fig-jrb", "event")).containsExactlyInAnyOrder(
                ev1 + "|汽车产业链产融对接会（2026-03-20）|2|2|300000.25|0.00|1|3.0",
                ev2 + "|电子信息产业链产融对接会（2026-03-20）|1|0|0.00|0.00|0|null");

        // the locality of donghu: its own enterprises' demands only
        assertThat(rows("fig-donghu", "locality")).containsExactly("donghu|" + donghu + "|2|2|800000.50|800000.50|1|2.0");
        assertThat(rows("fig-donghu", "institution")).containsExactlyInAnyOrder(
                a.unitId() + "|" + nameA + "|2|2|800000.50|800000.50|1|3.0",
                b.unitId() + "|" + nameB + "|1|1|0.00|0.00|1|2.0");
        assertThat(rows("fig-donghu", "event")).containsExactly(ev1 + "|汽车产业链产融对接会（2026-03-20）|1|1|0.00|0.00|0|null");

        JsonNode bad = expect(400, as("fig-jrb").get("/api/financing/figures?by=bank"));
        assertThat(bad.toString()).contains("institution").contains("分组方式");

        HttpResponse<byte[]> xlsx = as("fig-jrb").getBytes("/api/financing/figures.xlsx?by=guarantee");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> cells = new ArrayList<>();
            for (Row row : sheet) {
                row.forEach(cell -> cells.add(cell.toString()));
            }
            assertThat(String.join("|", cells)).contains("授信金额（元）").contains("信用").contains("1100000.75").contains("订单融资");
        }
    }

    /** The rows as sent, amounts read as written (two decimals), not through a double. */
    private List<String> rows(String user, String by) throws Exception {
        List<String> rows = new ArrayList<>();
        String body = expect200(as(user).get("/api/financing/figures?by=" + by));
        ObjectMapper exact = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
        for (JsonNode row : exact.readTree(body).get("rows")) {
            rows.add(String.join("|", row.get("key").asText(), row.get("label").asText(), row.get("demands").asText(),
                    row.get("takenUp").asText(), row.get("approvedAmount").decimalValue().toPlainString(),
                    row.get("grantedAmount").decimalValue().toPlainString(), row.get("decided").asText(),
                    row.path("averageWorkingDaysToDecision").isValueNode() ? row.get("averageWorkingDaysToDecision").asText() : "null"));
        }
        return rows;
    }

    private static String expect200(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static Timestamp at(String chinaTime) {
        return Timestamp.from(OffsetDateTime.parse(chinaTime + ":00+08:00").toInstant());
    }

    private long demand(long enterpriseId, String locality, String guarantee, String status, Timestamp publishedAt) {
        long id = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) + 1 + FLOOR(RAND() * 1000) FROM case_record", Long.class);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO case_record (id, case_number, measure, applicant_kind, enterprise_id, applicant_key, locality_unit_id,"
                + " subject_key, status, application_json, review_units, lead_unit, finance_unit, submitted_by, submitted_at, updated_at,"
                + " row_version) VALUES (?, ?, 'M8', 'ENTERPRISE', ?, ?, ?, ?, ?, '{}', '', 'jrb', 'czj', 'test', ?, ?, 0)",
                id, "M8-2026-" + String.format("%06d", id), enterpriseId, "E:" + enterpriseId, locality,
                "FIN-" + ThreadLocalRandom.current().nextLong(1L << 40), status, now, now);
        jdbc.update("INSERT INTO financing_demand (case_id, enterprise_id, locality, screening_unit, amount, term_months, purpose,"
                + " guarantee_kind, status, submitted_at, published_at, publications) VALUES (?, ?, ?, ?, 1000000.00, 12, '流动资金', ?, ?, ?, ?, ?)",
                id, enterpriseId, locality, locality, guarantee, status, now, publishedAt, publishedAt == null ? 0 : 1);
        return id;
    }

    private long takeUp(long caseId, String institution, String status, String approved, Timestamp decidedAt) {
        Timestamp taken = at("2026-03-02T12:00");
        jdbc.update("INSERT INTO financing_take_up (case_id, institution, publication, taken_by, taken_at, due_on, due_at, status,"
                + " approved_amount, decided_by, decided_at) VALUES (?, ?, 1, 'test', ?, '2026-03-20', ?, ?, ?, ?, ?)",
                caseId, institution, taken, taken, status, approved == null ? null : new BigDecimal(approved),
                decidedAt == null ? null : "test", decidedAt);
        return jdbc.queryForObject("SELECT id FROM financing_take_up WHERE case_id = ? AND institution = ?", Long.class, caseId, institution);
    }

    private long event(String title, long... demands) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO financing_event (title, held_on, place, theme, organiser, status, created_by, created_at)"
                + " VALUES (?, '2026-03-20', '南昌市民中心', '产业链', 'jrb', 'HELD', 'test', ?)", title, now);
        long id = jdbc.queryForObject("SELECT MAX(id) FROM financing_event", Long.class);
        for (long demand : demands) {
            jdbc.update("INSERT INTO financing_event_registration (event_id, case_id, registered_by, registered_at) VALUES (?, ?, 'test', ?)",
                    id, demand, now);
        }
        return id;
    }
}
