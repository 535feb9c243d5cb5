package cn.huiqi.orderreward;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.huiqi.process.V0_1__Camunda_engine_schema;
import cn.huiqi.testsupport.MariaDbTestDatabase;

/**
 * V13 on a database filled the way the previous version filled it (contract-based M1 cases, rows written
 * with the columns and JSON the previous code wrote): one enterprise holding two M1 cases keeps both,
 * flagged to gxj with a timeline line; every case gets its order without loss; H2 and MariaDB.
 */
class OrderMigrationTest {

    @Test
    void migratesContractCasesOnH2() {
        migrateAndCheck(new DriverManagerDataSource("jdbc:h2:mem:m1migration;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE", "sa", ""), "");
    }

    @Test
    void migratesContractCasesOnMariaDb() {
        String database = "huiqi_m1_migration";
        MariaDbTestDatabase.recreateOnce(database);
        migrateAndCheck(new DriverManagerDataSource(MariaDbTestDatabase.url(database), MariaDbTestDatabase.user(),
                MariaDbTestDatabase.password()), " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci");
    }

    private void migrateAndCheck(DataSource dataSource, String tableOptions) {
        flyway(dataSource, tableOptions).target(lastVersionBefore13()).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("INSERT INTO enterprise (uscc, name, locality_unit_id, contact_name, contact_phone, created_at) "
                + "VALUES ('91360102MA35HQ1D2F', '南昌𠮷祥精密制造有限公司', 'donghu', '𠮷经理', '0791-1', CURRENT_TIMESTAMP)");
        jdbc.update("INSERT INTO enterprise (uscc, name, locality_unit_id, contact_name, contact_phone, created_at) "
                + "VALUES ('91360111MA38GK7X58', '江西另一家企业有限公司', 'qingshanhu', '王经理', '0791-2', CURRENT_TIMESTAMP)");
        long twice = jdbc.queryForObject("SELECT id FROM enterprise WHERE uscc = '91360102MA35HQ1D2F'", Long.class);
        long once = jdbc.queryForObject("SELECT id FROM enterprise WHERE uscc = '91360111MA38GK7X58'", Long.class);
        long a = oldCase(jdbc, twice, "donghu", "HT-A-1", "60000000.00", "2023-08-01", "CITY_REVIEW", 0);
        long b = oldCase(jdbc, twice, "donghu", "HT-A-2", "250000000.00", "2023-09-01", "LOCALITY_VERIFICATION", 1);
        long c = oldCase(jdbc, once, "qingshanhu", "ht-a-1 ", "70000000.00", "2023-08-02", "LOCALITY_VERIFICATION", 2);
        jdbc.update("INSERT INTO case_event (case_id, occurred_at, actor, action, detail) VALUES (?, ?, 'v-donghu', "
                + "'TASK_LOCALITYVERIFICATION_APPROVE', '属地核实：通过 / approved')", a, Timestamp.from(Instant.parse("2023-10-10T02:00:00Z")));

        // V13 alone: V14 (claim.CaseCoreMigrationTest) renames reward_case afterwards
        flyway(dataSource, tableOptions).target("13").load().migrate();

        List<Map<String, Object>> orders = jdbc.queryForList("SELECT * FROM m1_order ORDER BY case_id");
        assertThat(orders).hasSize(3);
        Map<String, Object> first = orders.get(0);
        assertThat(first.get("CONTRACT_NUMBER") == null ? first.get("contract_number") : first.get("CONTRACT_NUMBER")).isEqualTo("HT-A-1");
        assertThat(jdbc.queryForMap("SELECT verification, verified_by, execution_evidence, amount, signing_date FROM m1_order WHERE case_id = ?", a))
                .containsValues("ACCEPTED", "v-donghu", "出库单 CK-2023-0818；发票 No.00112233");
        assertThat(jdbc.queryForObject("SELECT verification FROM m1_order WHERE case_id = ?", String.class, b)).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("SELECT amount FROM m1_order WHERE case_id = ?", java.math.BigDecimal.class, b))
                .isEqualByComparingTo("250000000.00");
        assertThat(jdbc.queryForObject("SELECT application_json FROM reward_case WHERE id = ?", String.class, a))
                .startsWith("{\"orders\":[{\"line\":1,").contains("HT-A-1").contains("𠮷野家");

        // the enterprise with two cases keeps both, flagged to gxj with a timeline line; one holds the enterprise key
        assertThat(jdbc.queryForList("SELECT subject_key FROM reward_case WHERE enterprise_id = ? ORDER BY id", String.class, twice))
                .containsExactly("ENTERPRISE", "ENTERPRISE#M1-2023-00000" + b);
        for (long flagged : List.of(a, b)) {
            assertThat(jdbc.queryForObject("SELECT flag FROM reward_case WHERE id = ?", String.class, flagged))
                    .contains("2 件措施1申请").contains("M1-2023-00000" + a).contains("M1-2023-00000" + b).contains("市工信局");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_event WHERE case_id = ? AND action = 'FLAGGED_SEVERAL_M1_CASES'",
                    Integer.class, flagged)).isEqualTo(1);
        }
        // the other enterprise's case claimed the same contract (another spelling): kept, without the key, flagged
        assertThat(jdbc.queryForObject("SELECT subject_key FROM reward_case WHERE id = ?", String.class, c)).isEqualTo("ENTERPRISE");
        assertThat(jdbc.queryForObject("SELECT contract_key FROM m1_order WHERE case_id = ?", String.class, c)).isNull();
        assertThat(jdbc.queryForObject("SELECT flag FROM reward_case WHERE id = ?", String.class, c)).contains("ht-a-1");
        // the database now refuses a second M1 application of an enterprise and a contract claimed twice
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reward_case WHERE measure = 'M1'", Integer.class)).isEqualTo(3);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> oldCaseWithSubject(jdbc, once, "qingshanhu", "ENTERPRISE"))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    /** A measure 1 case as the previous version's CaseRegistration wrote it (subject = contract number). */
    private static long oldCase(JdbcTemplate jdbc, long enterpriseId, String locality, String contract, String amount, String date,
                                String status, int minutes) {
        String json = "{\"counterparty\":\"𠮷野家（上海）贸易有限公司\",\"contractNumber\":\"" + contract + "\",\"signingDate\":\"" + date
                + "\",\"orderAmount\":\"" + amount + "\",\"executionEvidence\":\"出库单 CK-2023-0818；发票 No.00112233\"}";
        Timestamp at = Timestamp.from(Instant.parse("2023-10-01T02:00:00Z").plusSeconds(60L * minutes));
        jdbc.update("INSERT INTO reward_case (measure, enterprise_id, locality_unit_id, subject_key, idempotency_key, status, "
                + "application_json, claimed_amount, eligible, reward_amount, reward_tier, decision_key, decision_version, "
                + "submitted_by, submitted_at, updated_at, row_version) VALUES ('M1', ?, ?, ?, ?, ?, ?, ?, TRUE, 50000.00, 'TIER_50M', "
                + "'order-reward', 1, 'old-user', ?, ?, 1)", enterpriseId, locality, contract, "key-" + contract, status, json,
                new java.math.BigDecimal(amount), at, at);
        long id = jdbc.queryForObject("SELECT MAX(id) FROM reward_case", Long.class);
        jdbc.update("UPDATE reward_case SET case_number = ? WHERE id = ?", String.format("M1-2023-%06d", id), id);
        jdbc.update("INSERT INTO case_event (case_id, occurred_at, actor, action, detail) VALUES (?, ?, 'old-user', 'SUBMITTED', "
                + "'提交申请 / Application submitted')", id, at);
        return id;
    }

    private static void oldCaseWithSubject(JdbcTemplate jdbc, long enterpriseId, String locality, String subject) {
        jdbc.update("INSERT INTO reward_case (measure, enterprise_id, locality_unit_id, subject_key, status, application_json, "
                + "submitted_by, submitted_at, updated_at, row_version) VALUES ('M1', ?, ?, ?, 'SUBMITTED', '{}', 'x', CURRENT_TIMESTAMP, "
                + "CURRENT_TIMESTAMP, 0)", enterpriseId, locality, subject);
    }

    /** The schema the previous version ran on: every SQL migration numbered below 13. */
    private static String lastVersionBefore13() {
        try {
            int last = 0;
            for (var resource : new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                    .getResources("classpath:db/migration/V*__*.sql")) {
                int version = Integer.parseInt(resource.getFilename().substring(1, resource.getFilename().indexOf("__")).split("_")[0]);
                if (version < 13) {
                    last = Math.max(last, version);
                }
            }
            return String.valueOf(last);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource dataSource, String tableOptions) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .javaMigrations(new V0_1__Camunda_engine_schema(), new V13__M1_orders_per_enterprise())
                .placeholders(Map.of("tableOptions", tableOptions));
    }
}
