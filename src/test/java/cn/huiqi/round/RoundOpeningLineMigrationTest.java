package cn.huiqi.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.huiqi.process.AppFlyway;
import cn.huiqi.testsupport.MariaDbTestDatabase;

/**
 * V59 on a database V0.1 to V58 made: V11's OPENED line of each round, stamped with the database's CURRENT_TIMESTAMP,
 * becomes the JVM's (Asia/Shanghai in the tests) wall clock of the same instant, as every other round_event line is
 * written: 8 hours later where the database session runs in UTC, unchanged where it runs in UTC+8 and on H2 (the
 * session's zone is the JVM's). The app's lines and the demo rounds' line are left. A new database (the baseline B58,
 * which writes V11's line the same way, then V59) ends with the line in the JVM's clock too.
 */
class RoundOpeningLineMigrationTest {

    private static final String[] SCHEMA = {"classpath:db/migration"};
    private static final String V11_LINES = "SELECT round_id, occurred_at FROM round_event WHERE " + V59__Round_opening_line_in_the_jvm_clock.V11_LINES;
    private static final String OTHERS = "SELECT id, occurred_at FROM round_event WHERE NOT ("
            + V59__Round_opening_line_in_the_jvm_clock.V11_LINES + ")";
    /** An opening by policy staff, the demo rounds' opening and a pin by "system": the JVM's time already. */
    private static final List<String> OTHER_LINES = List.of(
            "'OPENED', '开设批次「2024年」', 'gxj-policy'",
            "'OPENED', '演示数据 V1003 建立 / Created by demo data V1003', 'system'",
            "'PINNED', 'order-reward v1', 'system'");

    @Test
    void onMariaDbInUtcTheLineMovesToTheJvmClock() {
        migrateAndCheck(MariaDbTestDatabase.inSessionZone("huiqi_v59_utc", "+00:00"), AppFlyway.MYSQL_TABLE_OPTIONS, true);
    }

    @Test
    void onMariaDbInUtcPlus8NothingChanges() {
        migrateAndCheck(MariaDbTestDatabase.inSessionZone("huiqi_v59_cst", "+08:00"), AppFlyway.MYSQL_TABLE_OPTIONS, false);
    }

    @Test
    void onH2NothingChanges() {
        migrateAndCheck(new DriverManagerDataSource("jdbc:h2:mem:v59;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE", "sa", ""), "", false);
    }

    @Test
    void aNewDatabaseOnMariaDbInUtcTakesTheBaselineThenV59() {
        DataSource dataSource = MariaDbTestDatabase.inSessionZone("huiqi_v59_new", "+00:00");
        LocalDateTime from = LocalDateTime.now();
        // up to V59, the migration under test: later ones change other tables
        MigrateResult result = AppFlyway.withBaseline(dataSource, AppFlyway.MYSQL_TABLE_OPTIONS, SCHEMA).target("59").load().migrate();
        LocalDateTime to = LocalDateTime.now();

        assertThat(result.migrations).extracting(m -> m.version + " " + m.type).containsExactly("58 JDBC_BASELINE", "59 JDBC");
        Map<Long, LocalDateTime> lines = lines(new JdbcTemplate(dataSource), V11_LINES);
        assertThat(lines).hasSize(3);
        lines.values().forEach(line -> assertInJvmClock(line, from, to));
    }

    private static void migrateAndCheck(DataSource dataSource, String tableOptions, boolean moves) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        LocalDateTime from = LocalDateTime.now();
        AppFlyway.versionedOnly(dataSource, tableOptions, SCHEMA).target("58").load().migrate();
        LocalDateTime to = LocalDateTime.now();
        Timestamp now = Timestamp.from(Instant.now());
        for (String line : OTHER_LINES) {
            jdbc.update("INSERT INTO round_event (round_id, kind, detail, actor, occurred_at) SELECT MIN(id), " + line + ", ? "
                    + "FROM application_round", now);
        }
        Map<Long, LocalDateTime> before = lines(jdbc, V11_LINES);
        assertThat(before).hasSize(3);
        boolean mysql = !tableOptions.isEmpty();
        // on MariaDB, the instant of each line: its UNIX_TIMESTAMP (the session's zone, as CURRENT_TIMESTAMP stamped it)
        Map<Long, Instant> instants = new TreeMap<>();
        if (mysql) {
            jdbc.query(V11_LINES.replace("occurred_at", "UNIX_TIMESTAMP(occurred_at)"), rs -> {
                BigDecimal seconds = rs.getBigDecimal(2);
                instants.put(rs.getLong(1), Instant.ofEpochSecond(seconds.longValue(),
                        seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue()));
            });
        }
        Map<Long, LocalDateTime> others = lines(jdbc, OTHERS);

        MigrateResult result = AppFlyway.versionedOnly(dataSource, tableOptions, SCHEMA).target("59").load().migrate();

        assertThat(result.migrations).extracting(m -> m.version).containsExactly("59");
        Map<Long, LocalDateTime> after = lines(jdbc, V11_LINES);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        after.forEach((round, line) -> {
            assertInJvmClock(line, from, to);
            if (mysql) {
                assertThat(line).as("round %s: the JVM's wall clock of the instant", round)
                        .isEqualTo(LocalDateTime.ofInstant(instants.get(round), ZoneId.systemDefault()));
            }
            if (moves) {
                assertThat(line).as("round %s", round).isNotEqualTo(before.get(round));
            } else {
                assertThat(line).as("round %s", round).isEqualTo(before.get(round));
            }
        });
        assertThat(lines(jdbc, OTHERS))
                .as("the other lines are left").isEqualTo(others).hasSize(OTHER_LINES.size());
    }

    /** Within the JVM's clock (to the second) while the line was written. */
    private static void assertInJvmClock(LocalDateTime line, LocalDateTime from, LocalDateTime to) {
        assertThat(line).isBetween(from.truncatedTo(ChronoUnit.SECONDS), to.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
    }

    private static Map<Long, LocalDateTime> lines(JdbcTemplate jdbc, String sql) {
        Map<Long, LocalDateTime> lines = new TreeMap<>();
        jdbc.query(sql, rs -> {
            lines.put(rs.getLong(1), rs.getObject(2, LocalDateTime.class));
        });
        return lines;
    }
}
