package cn.huiqi.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real MariaDB / MySQL of the machine (127.0.0.1:3306, root, no password unless HUIQI_TEST_DB_*
 * say otherwise; scripts/test.sh starts it). Each database is dropped and created utf8mb4 once per
 * test JVM, so every run starts clean; each test JVM of a run has databases of its own ({@link #name}).
 */
public final class MariaDbTestDatabase {

    private static final String HOST = env("HUIQI_TEST_DB_HOST", "127.0.0.1:3306");
    private static final String USER = env("HUIQI_TEST_DB_USER", "root");
    private static final String PASSWORD = env("HUIQI_TEST_DB_PASSWORD", "");
    /** Appended to every database name, so two checkouts can run their tests at once on one server. */
    private static final String CHECKOUT_SUFFIX = env("HUIQI_TEST_DB_SUFFIX", "");
    /**
     * Then the test JVM's own part: surefire runs two test JVMs side by side (pom.xml's forkCount) and passes each its
     * number as huiqi.test.fork (1, 2); the first keeps the plain names (huiqi_test), the others' carry _f2, ... so that
     * the two never drop or share each other's databases.
     */
    private static final String SUFFIX = CHECKOUT_SUFFIX + forkPart(System.getProperty("huiqi.test.fork", ""));
    /** The database the README names, which scripts/test.sh keeps when it drops the others (no test JVM's part). */
    public static final String KEPT = "huiqi_test" + CHECKOUT_SUFFIX;
    private static final java.util.Set<String> CREATED = new java.util.HashSet<>();

    private MariaDbTestDatabase() {
    }

    /**
     * The schema and the quick start's open demo rounds of measures 1-3 (db/demo/rounds): the mysql profile
     * has no demo data, and tests submit applications, which are refused outside an application period.
     */
    public static final String FLYWAY_LOCATIONS = "classpath:db/migration,classpath:db/demo/rounds";

    /** Registers the mysql-profile datasource properties for a fresh database of this name. */
    public static void register(DynamicPropertyRegistry registry, String name) {
        String database = name(name);
        recreateOnce(database);
        registry.add("spring.datasource.url", () -> url(database));
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
        registry.add("spring.flyway.locations", () -> FLYWAY_LOCATIONS);
        // the suite keeps up to 32 application contexts cached (Spring's test context cache), each with a connection
        // pool; idle pools shrink to one connection after 10 s so that the cached contexts stay far below MariaDB's
        // default max_connections (151) - a busy test still grows its pool up to Hikari's default 10
        registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
        registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    /** The real database name for a test's logical name (with HUIQI_TEST_DB_SUFFIX and the test JVM's part). */
    public static String name(String database) {
        return database.endsWith(SUFFIX) ? database : database + SUFFIX;
    }

    /**
     * nullDatabaseMeansCurrent: metadata lookups without a database (the engine's table metadata) read this
     * database only, not every database of the server, where other runs create and drop theirs meanwhile.
     */
    public static String url(String database) {
        return "jdbc:mysql://" + HOST + "/" + name(database)
                + "?sendFractionalSeconds=false&characterEncoding=UTF-8&useSSL=false&allowPublicKeyRetrieval=true"
                + "&connectionCollation=utf8mb4_unicode_ci&nullDatabaseMeansCurrent=true";
    }

    /**
     * A fresh database whose sessions run in the given zone ("+00:00", "+08:00": what the server's time_zone would give
     * them), for migrations that read or write the database's own clock (CURRENT_TIMESTAMP, UNIX_TIMESTAMP).
     */
    public static DataSource inSessionZone(String database, String sessionZone) {
        recreateOnce(database);
        String url = url(database) + "&sessionVariables=time_zone='" + sessionZone.replace("+", "%2B") + "'";
        DataSource dataSource = new DriverManagerDataSource(url, USER, PASSWORD);
        String actual = new JdbcTemplate(dataSource).queryForObject("SELECT @@session.time_zone", String.class);
        if (!sessionZone.equals(actual)) {
            throw new IllegalStateException("session time_zone " + actual + ", not " + sessionZone);
        }
        return dataSource;
    }

    public static synchronized void recreateOnce(String logicalName) {
        String database = name(logicalName);
        if (!database.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException(database);
        }
        if (CREATED.add(database)) {
            try (Connection connection = DriverManager.getConnection("jdbc:mysql://" + HOST + "/?useSSL=false&allowPublicKeyRetrieval=true", USER, PASSWORD);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database);
                statement.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            } catch (SQLException e) {
                throw new IllegalStateException("MariaDB/MySQL at " + HOST + " is not reachable; scripts/test.sh starts it", e);
            }
            noteCreated(database);
        }
    }

    /**
     * Lists the database in the build directory's test-databases.txt; scripts/test.sh drops the listed ones when
     * the run ends (all but huiqi_test, the one the README names), once no test JVM holds a connection to them.
     */
    private static void noteCreated(String database) {
        Path list = Path.of(System.getProperty("huiqi.build.dir", "target"), "test-databases.txt");
        try {
            Files.createDirectories(list.toAbsolutePath().getParent());
            Files.writeString(list, database + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String forkPart(String fork) {
        if (fork.isBlank() || fork.equals("1")) {
            return "";
        }
        if (!fork.matches("[0-9]+")) {
            throw new IllegalArgumentException("huiqi.test.fork=" + fork);
        }
        return "_f" + fork;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
