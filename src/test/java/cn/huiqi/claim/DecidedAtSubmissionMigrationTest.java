package cn.huiqi.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.huiqi.orderreward.V13__M1_orders_per_enterprise;
import cn.huiqi.process.V0_1__Camunda_engine_schema;
import cn.huiqi.process.V40__Task_candidate_group_unique;
import cn.huiqi.process.V55__Instants_as_local_wall_clock;
import cn.huiqi.testsupport.MariaDbTestDatabase;

/**
 * V57 on claims of the previous schema (Flyway target 55): a claim whose timeline has the rule task's line and no
 * other rule or round line but a confirmation holds the decision at submission; a re-decided, re-evaluated or round
 * re-decided one (kept and flagged too) does not, nor one never decided. H2 and MariaDB.
 */
class DecidedAtSubmissionMigrationTest {

    @Test
    void onH2() {
        migrateAndCheck(new DriverManagerDataSource("jdbc:h2:mem:v57;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE", "sa", ""), "");
    }

    @Test
    void onMariaDb() {
        String database = "huiqi_v57_decided_at_submission";
        MariaDbTestDatabase.recreateOnce(database);
        migrateAndCheck(new DriverManagerDataSource(MariaDbTestDatabase.url(database), MariaDbTestDatabase.user(),
                MariaDbTestDatabase.password()), " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci");
    }

    private static void migrateAndCheck(DataSource dataSource, String tableOptions) {
        flyway(dataSource, tableOptions).target("55").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("INSERT INTO enterprise (uscc, name, locality_unit_id, contact_name, contact_phone, created_at) "
                + "VALUES ('91360102MA35TZ0057', '认定迁移测试企业有限公司', 'donghu', '张三', '13800000000', CURRENT_TIMESTAMP)");
        long enterprise = jdbc.queryForObject("SELECT id FROM enterprise", Long.class);
        Map<String, Boolean> expected = new LinkedHashMap<>();
        Map<String, Long> claims = new LinkedHashMap<>();
        expect(expected, claims, jdbc, enterprise, "rule task only", true, "SUBMITTED", "RULE_ELIGIBLE");
        expect(expected, claims, jdbc, enterprise, "not eligible at submission", true, "RULE_NOT_ELIGIBLE");
        expect(expected, claims, jdbc, enterprise, "confirmed by the locality", true, "RULE_ELIGIBLE", "ORDER_VERIFIED",
                "RULE_CONFIRMED_ELIGIBLE", "TASK_CITYREVIEW_APPROVE");
        expect(expected, claims, jdbc, enterprise, "re-decided on verified orders", false, "RULE_ELIGIBLE", "RULE_REDECIDED_ELIGIBLE");
        expect(expected, claims, jdbc, enterprise, "re-evaluated", false, "RULE_ELIGIBLE", "RULE_REEVALUATED");
        expect(expected, claims, jdbc, enterprise, "round re-decided", false, "RULE_ELIGIBLE", "ROUND_REDECIDED");
        expect(expected, claims, jdbc, enterprise, "round re-decision kept, flagged", false, "RULE_ELIGIBLE", "ROUND_REDECISION_FLAGGED");
        expect(expected, claims, jdbc, enterprise, "no line of the rule task", false, "SUBMITTED");
        long undecided = newClaim(jdbc, enterprise, "never decided", false);
        jdbc.update("INSERT INTO case_event (case_id, occurred_at, actor, action, detail) VALUES (?, CURRENT_TIMESTAMP, 'u', "
                + "'RULE_ELIGIBLE', 'x')", undecided);

        flyway(dataSource, tableOptions).target("57").load().migrate();

        claims.forEach((what, caseId) -> assertThat(jdbc.queryForObject("SELECT decided_at_submission FROM reward_claim WHERE case_id = ?",
                Boolean.class, caseId)).as(what).isEqualTo(expected.get(what)));
        assertThat(jdbc.queryForObject("SELECT decided_at_submission FROM reward_claim WHERE case_id = ?", Boolean.class, undecided))
                .as("never decided").isFalse();
        long added = newClaim(jdbc, enterprise, "a new claim", false);
        assertThat(jdbc.queryForObject("SELECT decided_at_submission FROM reward_claim WHERE case_id = ?", Boolean.class, added))
                .as("a new claim: not until its rule task decides").isFalse();
    }

    private static void expect(Map<String, Boolean> expected, Map<String, Long> claims, JdbcTemplate jdbc, long enterprise, String what,
                               boolean decidedAtSubmission, String... actions) {
        long caseId = newClaim(jdbc, enterprise, what, true);
        for (String action : List.of(actions)) {
            jdbc.update("INSERT INTO case_event (case_id, occurred_at, actor, action, detail) VALUES (?, CURRENT_TIMESTAMP, 'u', ?, 'x')",
                    caseId, action);
        }
        expected.put(what, decidedAtSubmission);
        claims.put(what, caseId);
    }

    private static long newClaim(JdbcTemplate jdbc, long enterprise, String subject, boolean decided) {
        jdbc.update("INSERT INTO case_record (measure, applicant_kind, enterprise_id, applicant_key, locality_unit_id, subject_key, status, "
                + "application_json, submitted_by, submitted_at, updated_at, row_version) VALUES ('M1', 'ENTERPRISE', ?, ?, 'donghu', ?, "
                + "'CITY_REVIEW', '{}', 'u', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)", enterprise, "E:" + enterprise, subject);
        long caseId = jdbc.queryForObject("SELECT MAX(id) FROM case_record", Long.class);
        jdbc.update("INSERT INTO reward_claim (case_id, claimed_amount, eligible, reward_amount, reward_tier, decision_key, decision_version, "
                + "payee_kind, payee_enterprise_id, updated_at, row_version) VALUES (?, 60000000.00, ?, ?, ?, ?, ?, 'ENTERPRISE', ?, "
                + "CURRENT_TIMESTAMP, 0)", caseId, decided ? Boolean.TRUE : null, decided ? new java.math.BigDecimal("50000.00") : null,
                decided ? "TIER_50M" : null, decided ? "order-reward" : null, decided ? 1 : null, enterprise);
        return caseId;
    }

    private static FluentConfiguration flyway(DataSource dataSource, String tableOptions) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .javaMigrations(new V0_1__Camunda_engine_schema(), new V13__M1_orders_per_enterprise(),
                        new V14__Case_core_and_reward_claims(), new V40__Task_candidate_group_unique(),
                        new V55__Instants_as_local_wall_clock())
                .placeholders(Map.of("tableOptions", tableOptions));
    }
}
