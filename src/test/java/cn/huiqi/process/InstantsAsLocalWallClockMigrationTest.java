package cn.huiqi.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.huiqi.claim.V14__Case_core_and_reward_claims;
import cn.huiqi.orderreward.V13__M1_orders_per_enterprise;
import cn.huiqi.testsupport.MariaDbTestDatabase;

/**
 * V55 on a database of the previous schema (Flyway target 54) holding rows as Hibernate wrote them: on MariaDB the UTC
 * wall clock of each instant becomes the JVM's (Asia/Shanghai in the tests) wall clock of the same instant, read back
 * the JDBC way; V13's timeline line (already the JVM's time) is left; V4's and V11's CURRENT_TIMESTAMP stamps are taken
 * in the database session's zone, so they move where the database runs in UTC and stay where it runs in UTC+8. On H2
 * Hibernate wrote the JVM's wall clock already: nothing changes.
 */
class InstantsAsLocalWallClockMigrationTest {

    static final Instant A = Instant.parse("2024-03-01T02:00:00Z");
    static final Instant B = Instant.parse("2024-12-31T20:30:15.123456Z");
    static final Instant FLAGGED = Instant.parse("2023-11-02T03:04:05Z");

    @Test
    void onMariaDbInUtc() {
        migrateAndCheck(MariaDbTestDatabase.inSessionZone("huiqi_v55_utc", "+00:00"), " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci", true);
    }

    @Test
    void onMariaDbInUtcPlus8() {
        migrateAndCheck(MariaDbTestDatabase.inSessionZone("huiqi_v55_cst", "+08:00"), " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci", true);
    }

    @Test
    void onH2NothingChanges() {
        migrateAndCheck(new DriverManagerDataSource("jdbc:h2:mem:v55;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE", "sa", ""), "", false);
    }

    private static void migrateAndCheck(DataSource dataSource, String tableOptions, boolean hibernateWroteUtc) {
        flyway(dataSource, tableOptions).target("54").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        ZoneId zone = ZoneId.systemDefault();
        ZoneId hibernate = hibernateWroteUtc ? ZoneOffset.UTC : zone;

        jdbc.update("INSERT INTO enterprise (uscc, name, locality_unit_id, contact_name, contact_phone, created_at) "
                + "VALUES ('91360102MA35TZ0055', '时区测试企业有限公司', 'donghu', '张三', '13800000000', ?)", written(A, hibernate));
        long enterprise = jdbc.queryForObject("SELECT id FROM enterprise", Long.class);
        jdbc.update("INSERT INTO case_record (case_number, measure, applicant_kind, enterprise_id, applicant_key, locality_unit_id, "
                + "subject_key, status, application_json, submitted_by, submitted_at, updated_at, row_version) VALUES ('M2-2024-000001', "
                + "'M2', 'ENTERPRISE', ?, ?, 'donghu', 'ENTERPRISE', 'CITY_REVIEW', '{}', 'u', ?, ?, 0)",
                enterprise, "E:" + enterprise, written(A, hibernate), written(B, hibernate));
        long caseId = jdbc.queryForObject("SELECT id FROM case_record", Long.class);
        jdbc.update("INSERT INTO reward_claim (case_id, payee_kind, payee_enterprise_id, updated_at, row_version) "
                + "VALUES (?, 'ENTERPRISE', ?, ?, 0)", caseId, enterprise, written(B, hibernate));
        jdbc.update("INSERT INTO case_event (case_id, occurred_at, actor, action, detail) VALUES (?, ?, 'u', 'SUBMITTED', 'x')",
                caseId, written(A, hibernate));
        // V13's line, written the JDBC way
        jdbc.update("INSERT INTO case_event (case_id, occurred_at, actor, action, detail) VALUES (?, ?, 'system', "
                + "'FLAGGED_SEVERAL_M1_CASES', 'x')", caseId, Timestamp.from(FLAGGED));
        jdbc.update("INSERT INTO inbox_message (kind, recipient_kind, recipient_id, title_zh, title_en, body_zh, body_en, created_at) "
                + "VALUES ('K', 'USER', 'u', 't', 't', 'b', 'b', ?)", written(A, hibernate));
        long message = jdbc.queryForObject("SELECT id FROM inbox_message", Long.class);
        jdbc.update("INSERT INTO inbox_read (message_id, user_id, read_at) VALUES (?, 'u', ?)", message, written(B, hibernate));
        // a round of a user (closed early), a V11 round changed by a user since, two V11 rounds as V11 left them
        jdbc.update("INSERT INTO application_round (measure, name, performance_from, performance_to, opens_on, closes_on, closed_early_at, "
                + "closed_early_by, created_by, created_at, updated_by, updated_at, row_version) VALUES ('M2', '2024年', DATE '2024-01-01', "
                + "DATE '2024-06-30', DATE '2024-07-01', DATE '2024-07-31', ?, 'p', 'p', ?, 'p', ?, 1)",
                written(B, hibernate), written(A, hibernate), written(B, hibernate));
        jdbc.update("UPDATE application_round SET updated_by = 'p', updated_at = ? WHERE created_by = 'system' AND measure = 'M1'",
                written(B, hibernate));
        // a pool changed since V4; the others keep V4's stamp
        jdbc.update("UPDATE fund_pool SET updated_at = ? WHERE id = 'M1'", written(A, hibernate));
        Map<String, Instant> stamped = new HashMap<>();
        for (String sql : List.of("SELECT CONCAT('pool ', id), %s FROM fund_pool WHERE id <> 'M1'",
                "SELECT CONCAT('round ', measure), %s FROM application_round WHERE created_by = 'system'")) {
            String column = sql.contains("fund_pool") ? "updated_at" : "created_at";
            jdbc.query(sql.formatted(hibernateWroteUtc ? "UNIX_TIMESTAMP(" + column + ")" : column), rs -> {
                stamped.put(rs.getString(1), hibernateWroteUtc ? Instant.ofEpochMilli(Math.round(rs.getDouble(2) * 1000))
                        : rs.getTimestamp(2).toInstant());
            });
        }
        LocalDateTime flaggedBefore = jdbc.queryForObject("SELECT occurred_at FROM case_event WHERE actor = 'system'", LocalDateTime.class);

        flyway(dataSource, tableOptions).target("55").load().migrate();

        assertThat(instant(jdbc, "SELECT created_at FROM enterprise")).isEqualTo(A);
        assertThat(jdbc.queryForObject("SELECT created_at FROM enterprise", LocalDateTime.class)).isEqualTo(wallClock(A, zone));
        assertThat(instant(jdbc, "SELECT submitted_at FROM case_record")).isEqualTo(A);
        assertThat(instant(jdbc, "SELECT updated_at FROM case_record")).isEqualTo(B);
        assertThat(jdbc.queryForObject("SELECT updated_at FROM case_record", LocalDateTime.class)).isEqualTo(wallClock(B, zone));
        assertThat(instant(jdbc, "SELECT updated_at FROM reward_claim")).isEqualTo(B);
        assertThat(instant(jdbc, "SELECT occurred_at FROM case_event WHERE actor = 'u'")).isEqualTo(A);
        assertThat(jdbc.queryForObject("SELECT occurred_at FROM case_event WHERE actor = 'system'", LocalDateTime.class))
                .as("V13's line is left").isEqualTo(flaggedBefore);
        assertThat(instant(jdbc, "SELECT occurred_at FROM case_event WHERE actor = 'system'")).isEqualTo(FLAGGED);
        assertThat(instant(jdbc, "SELECT created_at FROM inbox_message")).isEqualTo(A);
        assertThat(instant(jdbc, "SELECT read_at FROM inbox_read")).isEqualTo(B);
        assertThat(instant(jdbc, "SELECT closed_early_at FROM application_round WHERE created_by = 'p'")).isEqualTo(B);
        assertThat(instant(jdbc, "SELECT created_at FROM application_round WHERE created_by = 'p'")).isEqualTo(A);
        assertThat(instant(jdbc, "SELECT updated_at FROM application_round WHERE created_by = 'p'")).isEqualTo(B);
        assertThat(instant(jdbc, "SELECT updated_at FROM application_round WHERE created_by = 'system' AND measure = 'M1'")).isEqualTo(B);
        assertThat(instant(jdbc, "SELECT updated_at FROM fund_pool WHERE id = 'M1'")).isEqualTo(A);
        assertThat(stamped).hasSize(12);
        stamped.forEach((row, at) -> {
            String[] what = row.split(" ");
            String sql = what[0].equals("pool") ? "SELECT updated_at FROM fund_pool WHERE id = ?"
                    : "SELECT created_at FROM application_round WHERE created_by = 'system' AND measure = ?";
            assertThat(jdbc.queryForObject(sql, Timestamp.class, what[1]).toInstant()).as(row).isEqualTo(at);
        });
        assertThat(instant(jdbc, "SELECT updated_at FROM application_round WHERE created_by = 'system' AND measure = 'M2'"))
                .isEqualTo(stamped.get("round M2"));
    }

    private static LocalDateTime wallClock(Instant at, ZoneId zone) {
        return LocalDateTime.ofInstant(at, zone);
    }

    /**
     * The wall clock Hibernate wrote, bound as text so that the microseconds stay (the tests' URL, as the application's,
     * has the driver send none: sendFractionalSeconds=false).
     */
    private static String written(Instant at, ZoneId zone) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").format(wallClock(at, zone));
    }

    /** Read the way the JDBC code reads. */
    private static Instant instant(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, Timestamp.class).toInstant();
    }

    private static FluentConfiguration flyway(DataSource dataSource, String tableOptions) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .javaMigrations(new V0_1__Camunda_engine_schema(), new V13__M1_orders_per_enterprise(),
                        new V14__Case_core_and_reward_claims(), new V40__Task_candidate_group_unique(),
                        new V55__Instants_as_local_wall_clock())
                .placeholders(Map.of("tableOptions", tableOptions));
    }
}
