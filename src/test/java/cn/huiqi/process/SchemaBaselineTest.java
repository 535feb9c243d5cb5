package cn.huiqi.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.huiqi.testsupport.MariaDbTestDatabase;
import cn.huiqi.testsupport.QuietLoggers;

/**
 * The baseline {@link B58__New_database_schema} makes the database that V0.1 to V58 make: two new databases, one
 * migrated the normal way (Flyway takes the baseline), one with the versioned migrations only (as every database was
 * made before the baseline), then the demo data on both; every table, column, index, key, check and row the same
 * ({@link DatabaseContent}), and the same migrations after the baseline in Flyway's history. On H2 (quick start, tests)
 * and on MariaDB (profile mysql).
 */
class SchemaBaselineTest {

    private static final String[] WITH_DEMO = {"classpath:db/migration", "classpath:db/demo"};

    @Test
    void onH2() throws SQLException {
        sameDatabase(h2("b58_baseline"), h2("b58_versioned"), "", false);
    }

    @Test
    void onH2OutOfOrderAsTheQuickStartsFileDatabase() throws SQLException {
        sameDatabase(h2("b58_baseline_ooo"), h2("b58_versioned_ooo"), "", true);
    }

    @Test
    void onMariaDb() throws SQLException {
        sameDatabase(mariaDb("huiqi_b58_baseline"), mariaDb("huiqi_b58_versioned"), AppFlyway.MYSQL_TABLE_OPTIONS, false);
    }

    /**
     * The quick start's file database (out of order, QuickStartMigrationsOutOfOrder): a new one takes the baseline and then
     * nothing more; one an earlier version made (V0.1 to V57, then its demo data, V1000 on) takes V58 and V59 out of
     * order, not the baseline, and ends as the new one.
     */
    @Test
    void quickStartFileDatabases(@TempDir Path directory) throws SQLException {
        DataSource fresh = h2File(directory.resolve("new"));
        DatabaseContent.Stamped freshStamped = stampedWhile(fresh, () -> {
            MigrateResult result = AppFlyway.withBaseline(fresh, "", WITH_DEMO).outOfOrder(true).load().migrate();
            assertThat(result.migrations.get(0).version).isEqualTo("58");
            assertThat(result.migrations.get(0).type).isEqualTo("JDBC_BASELINE");
        });
        assertThat(AppFlyway.withBaseline(fresh, "", WITH_DEMO).outOfOrder(true).load().migrate().migrationsExecuted).isZero();

        DataSource earlier = h2File(directory.resolve("earlier"));
        DatabaseContent.Stamped earlierStamped = stampedWhile(earlier, () -> {
            AppFlyway.versionedUpTo("57", earlier, "", "classpath:db/migration").target("57").load().migrate();
            // the earlier version's demo data: its own migrations, of which this one's later ones were not yet any
            AppFlyway.versionedUpTo("57", earlier, "", "classpath:db/demo").ignoreMigrationPatterns("*:missing").load().migrate();
            MigrateResult result = AppFlyway.withBaseline(earlier, "", WITH_DEMO).outOfOrder(true).load().migrate();
            assertThat(result.migrations).extracting(m -> m.version).containsExactly("58", "59", "60", "61", "62", "63");
        });
        assertSame(DatabaseContent.of(fresh, freshStamped), DatabaseContent.of(earlier, earlierStamped));
        assertThat(currentVersion(earlier)).isEqualTo(currentVersion(fresh));
    }

    /**
     * Flyway 11 takes the latest baseline on an empty history whatever the target, so B58 refuses a target below it; the
     * tests of single migrations (Flyway target below 58) list their Java migrations without it and still get V0.1 on.
     */
    @Test
    void aTargetBelowTheBaselineIsRefused() {
        // Flyway logs the refused migration at ERROR: expected here, kept out of the log
        assertThatThrownBy(QuietLoggers.during(
                () -> AppFlyway.withBaseline(h2("b58_target"), "", "classpath:db/migration").target("54").load().migrate(),
                "org.flywaydb.core.internal.command.DbMigrate"))
                .hasStackTraceContaining("below the baseline");
        MigrateResult versioned = AppFlyway.versionedOnly(h2("b58_target_versioned"), "", "classpath:db/migration").target("54").load().migrate();
        assertThat(versioned.migrations).extracting(m -> m.version).startsWith("0.1", "1", "2").endsWith("54");
    }

    private static void sameDatabase(DataSource baseline, DataSource versioned, String tableOptions, boolean outOfOrder)
            throws SQLException {
        FluentConfiguration normal = AppFlyway.withBaseline(baseline, tableOptions, WITH_DEMO).outOfOrder(outOfOrder);
        List<MigrateOutput> baselineRun = new ArrayList<>();
        DatabaseContent.Stamped baselineStamped = stampedWhile(baseline, () -> baselineRun.addAll(normal.load().migrate().migrations));
        FluentConfiguration versionedOnly = AppFlyway.versionedOnly(versioned, tableOptions, WITH_DEMO).outOfOrder(outOfOrder);
        List<MigrateOutput> versionedRun = new ArrayList<>();
        DatabaseContent.Stamped versionedStamped = stampedWhile(versioned, () -> versionedRun.addAll(versionedOnly.load().migrate().migrations));

        assertThat(baselineRun.get(0).version).isEqualTo("58");
        assertThat(baselineRun.get(0).type).isEqualTo("JDBC_BASELINE");
        assertThat(versionedRun).extracting(m -> m.version).contains("0.1", "1", "13", "14", "40", "42", "55", "58", "59");
        assertThat(versionedRun).extracting(m -> m.type).doesNotContain("JDBC_BASELINE");
        // after the baseline: the same migrations (the demo data) in both histories, ending at the same version
        assertThat(after58(baselineRun)).isNotEmpty().isEqualTo(after58(versionedRun));
        assertThat(currentVersion(baseline)).isEqualTo(currentVersion(versioned));

        assertSame(DatabaseContent.of(baseline, baselineStamped), DatabaseContent.of(versioned, versionedStamped));
    }

    private static List<String> after58(List<MigrateOutput> run) {
        return run.stream().filter(m -> m.version != null && !m.version.isEmpty()
                && org.flywaydb.core.api.MigrationVersion.fromVersion(m.version).isNewerThan("58"))
                .map(m -> m.version + " " + m.description + " " + m.type).toList();
    }

    private static String currentVersion(DataSource dataSource) {
        MigrationInfo current = Flyway.configure().dataSource(dataSource).load().info().current();
        return current.getVersion().getVersion();
    }

    /** Lines of one database that the other lacks, both ways, in the message; then the whole lists. */
    private static void assertSame(List<String> baseline, List<String> versioned) {
        List<String> onlyBaseline = new ArrayList<>(baseline);
        versioned.forEach(onlyBaseline::remove);
        List<String> onlyVersioned = new ArrayList<>(versioned);
        baseline.forEach(onlyVersioned::remove);
        assertThat(onlyBaseline).as("only in the database the baseline made (only in the versioned one: %s)", onlyVersioned).isEmpty();
        assertThat(onlyVersioned).as("only in the database the versioned migrations made").isEmpty();
        assertThat(baseline).isEqualTo(versioned);
    }

    interface Migration {
        void run() throws SQLException;
    }

    private static DatabaseContent.Stamped stampedWhile(DataSource dataSource, Migration migration) throws SQLException {
        LocalDateTime jvmFrom = LocalDateTime.now();
        LocalDateTime databaseFrom = DatabaseContent.now(dataSource);
        migration.run();
        return new DatabaseContent.Stamped(databaseFrom, DatabaseContent.now(dataSource), jvmFrom, LocalDateTime.now());
    }

    private static DataSource h2(String name) {
        return new DriverManagerDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE", "sa", "");
    }

    private static DataSource h2File(Path file) {
        return new DriverManagerDataSource("jdbc:h2:file:" + file.toAbsolutePath() + ";NON_KEYWORDS=VALUE", "sa", "");
    }

    private static DataSource mariaDb(String database) {
        MariaDbTestDatabase.recreateOnce(database);
        return new DriverManagerDataSource(MariaDbTestDatabase.url(database), MariaDbTestDatabase.user(), MariaDbTestDatabase.password());
    }
}
