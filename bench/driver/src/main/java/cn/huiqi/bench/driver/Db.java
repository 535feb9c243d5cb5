package cn.huiqi.bench.driver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MariaDB both apps run on, seen as root: databases, the per-user statement counters
 * (INFORMATION_SCHEMA.USER_STATISTICS, on while the bench runs), row counts and table sizes. Each app
 * connects as its own MariaDB user, so other work on the server does not count.
 */
final class Db {

    static final String HOST = env("BENCH_DB_HOST", "127.0.0.1:3306");
    static final String ROOT = env("BENCH_DB_ROOT_USER", "root");
    static final String ROOT_PASSWORD = env("BENCH_DB_ROOT_PASSWORD", "");
    static final String APP_PASSWORD = "bench";

    private Db() {
    }

    static String url(String database) {
        return "jdbc:mysql://" + HOST + "/" + database + "?sendFractionalSeconds=false&characterEncoding=UTF-8&useSSL=false"
                + "&allowPublicKeyRetrieval=true&connectionCollation=utf8mb4_unicode_ci";
    }

    static Connection root(String database) throws SQLException {
        return DriverManager.getConnection(url(database) + "&rewriteBatchedStatements=true", ROOT, ROOT_PASSWORD);
    }

    static void recreate(String database) {
        check(database);
        exec("", "DROP DATABASE IF EXISTS " + database,
                "CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }

    static void createIfMissing(String database) {
        check(database);
        exec("", "CREATE DATABASE IF NOT EXISTS " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }

    /**
     * The app's own MariaDB user (password "bench"), allowed on its own databases only: a user that could see
     * the other app's Camunda tables would make the baseline's engine believe its schema exists.
     */
    static void ensureAppUser(String user, String databasePrefix) {
        check(user);
        check(databasePrefix);
        for (String host : List.of("'%'", "'localhost'")) {
            exec("", "DROP USER IF EXISTS '" + user + "'@" + host,
                    "CREATE USER '" + user + "'@" + host + " IDENTIFIED BY '" + APP_PASSWORD + "'",
                    "GRANT ALL ON `" + databasePrefix.replace("_", "\\_") + "%`.* TO '" + user + "'@" + host);
        }
    }

    /** Turns the server's user statistics on; answers whether they were on before (to restore). */
    static boolean userStatisticsOn() {
        boolean before = "ON".equalsIgnoreCase(text("", "SELECT @@GLOBAL.userstat"));
        if (!before) {
            exec("", "SET GLOBAL userstat = 1");
        }
        return before;
    }

    static void userStatisticsOff() {
        exec("", "SET GLOBAL userstat = 0");
    }

    /** select, update (INSERT/UPDATE/DELETE statements), other, rowsInserted of one MariaDB user. */
    static Map<String, Double> statementsOf(String user) {
        Map<String, Double> counters = new LinkedHashMap<>();
        try (Connection c = root(""); PreparedStatement s = c.prepareStatement(
                "SELECT SELECT_COMMANDS, UPDATE_COMMANDS, OTHER_COMMANDS, ROWS_INSERTED, ROWS_UPDATED, ROWS_DELETED"
                        + " FROM INFORMATION_SCHEMA.USER_STATISTICS WHERE USER = ?")) {
            s.setString(1, user);
            try (ResultSet r = s.executeQuery()) {
                boolean found = r.next();
                counters.put("select", found ? r.getDouble(1) : 0);
                counters.put("update", found ? r.getDouble(2) : 0);
                counters.put("other", found ? r.getDouble(3) : 0);
                counters.put("rowsInserted", found ? r.getDouble(4) : 0);
                counters.put("rowsUpdated", found ? r.getDouble(5) : 0);
                counters.put("rowsDeleted", found ? r.getDouble(6) : 0);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counters;
    }

    /** Data + index bytes of every table of the database, after ANALYZE TABLE refreshed InnoDB's figures. */
    static double sizeBytes(String database, java.util.Set<String> excluded) {
        try (Connection c = root(database); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = '"
                    + database + "' AND TABLE_TYPE = 'BASE TABLE'")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet ignored = s.executeQuery("ANALYZE TABLE `" + table + "`")) {
                    // the result rows only report "OK"
                }
            }
            double total = 0;
            try (ResultSet r = s.executeQuery("SELECT TABLE_NAME, DATA_LENGTH + INDEX_LENGTH FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = '" + database + "'")) {
                while (r.next()) {
                    if (!excluded.contains(r.getString(1).toLowerCase())) {
                        total += r.getDouble(2);
                    }
                }
            }
            return total;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(String database, String sql) {
        try (Connection c = root(database); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static boolean exists(String database) {
        return count("", "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = '" + database + "'") > 0;
    }

    static boolean hasTable(String database, String table) {
        return count("", "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = '" + database
                + "' AND TABLE_NAME = '" + table + "'") > 0;
    }

    static String text(String database, String sql) {
        try (Connection c = root(database); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static void exec(String database, String... sqls) {
        try (Connection c = root(database); Statement s = c.createStatement()) {
            for (String sql : sqls) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(String.join("; ", sqls), e);
        }
    }

    private static void check(String name) {
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException(name);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
