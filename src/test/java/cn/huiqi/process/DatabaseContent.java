package cn.huiqi.process;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * Everything a migration decides in a database, as sorted lines, so that two databases compare line by line: every row
 * of the information schema's tables, columns, indexes, constraints, checks and foreign keys (table options, column
 * types, sizes, nullability, defaults, identity / auto-increment next values, charsets and collations included), and every
 * row of every table. Flyway's own history table is left out. Left out as well, because they differ between two equal
 * databases: the database's name, the storage statistics of MariaDB (row estimates, sizes, times) and, on H2, the names
 * H2 makes up for unnamed keys and for the indexes behind constraints (a hash of the table's name, numbered on a clash:
 * shown as what they index instead). A time stamped while the database was migrated (CURRENT_TIMESTAMP, Flyway's
 * timestamp) is shown as such.
 */
final class DatabaseContent {

    private static final String HISTORY = "flyway_schema_history";

    /** The information schema's tables read, with the column naming the schema a row belongs to. */
    private static final Map<String, String> H2_VIEWS = Map.ofEntries(
            Map.entry("TABLES", "TABLE_SCHEMA"), Map.entry("COLUMNS", "TABLE_SCHEMA"), Map.entry("INDEXES", "TABLE_SCHEMA"),
            Map.entry("INDEX_COLUMNS", "TABLE_SCHEMA"), Map.entry("TABLE_CONSTRAINTS", "TABLE_SCHEMA"),
            Map.entry("KEY_COLUMN_USAGE", "TABLE_SCHEMA"), Map.entry("CONSTRAINT_COLUMN_USAGE", "TABLE_SCHEMA"),
            Map.entry("REFERENTIAL_CONSTRAINTS", "CONSTRAINT_SCHEMA"), Map.entry("CHECK_CONSTRAINTS", "CONSTRAINT_SCHEMA"),
            Map.entry("SEQUENCES", "SEQUENCE_SCHEMA"), Map.entry("TRIGGERS", "TRIGGER_SCHEMA"), Map.entry("VIEWS", "TABLE_SCHEMA"));
    private static final Map<String, String> MARIADB_VIEWS = Map.ofEntries(
            Map.entry("TABLES", "TABLE_SCHEMA"), Map.entry("COLUMNS", "TABLE_SCHEMA"), Map.entry("STATISTICS", "TABLE_SCHEMA"),
            Map.entry("TABLE_CONSTRAINTS", "TABLE_SCHEMA"), Map.entry("KEY_COLUMN_USAGE", "TABLE_SCHEMA"),
            Map.entry("REFERENTIAL_CONSTRAINTS", "CONSTRAINT_SCHEMA"), Map.entry("CHECK_CONSTRAINTS", "CONSTRAINT_SCHEMA"),
            Map.entry("TRIGGERS", "TRIGGER_SCHEMA"), Map.entry("VIEWS", "TABLE_SCHEMA"));

    /** Figures that say how a database was used, not what it holds. */
    private static final Set<String> VOLATILE = Set.of(
            "TABLES.LAST_MODIFICATION", "TABLES.ROW_COUNT_ESTIMATE", "COLUMNS.SELECTIVITY",
            "TABLES.TABLE_ROWS", "TABLES.AVG_ROW_LENGTH", "TABLES.DATA_LENGTH", "TABLES.MAX_DATA_LENGTH", "TABLES.INDEX_LENGTH",
            "TABLES.DATA_FREE", "TABLES.CREATE_TIME", "TABLES.UPDATE_TIME", "TABLES.CHECK_TIME", "STATISTICS.CARDINALITY");

    private static final Pattern H2_UNNAMED_CONSTRAINT = Pattern.compile("CONSTRAINT_[0-9A-F]+");

    /**
     * From when to when a migration ran, by the database's clock (its CURRENT_TIMESTAMP) and by the JVM's (the wall clock
     * the application and V55 write instants in).
     */
    record Stamped(LocalDateTime databaseFrom, LocalDateTime databaseTo, LocalDateTime jvmFrom, LocalDateTime jvmTo) {

        boolean contains(LocalDateTime time) {
            return within(time, databaseFrom, databaseTo) || within(time, jvmFrom, jvmTo);
        }

        private static boolean within(LocalDateTime time, LocalDateTime from, LocalDateTime to) {
            return !time.isBefore(from.truncatedTo(ChronoUnit.SECONDS)) && time.isBefore(to.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
        }
    }

    private DatabaseContent() {
    }

    /** The database's own clock (CURRENT_TIMESTAMP as a DATETIME column stores it). */
    static LocalDateTime now(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet now = statement.executeQuery("SELECT LOCALTIMESTAMP")) {
            now.next();
            return now.getObject(1, LocalDateTime.class);
        }
    }

    static List<String> of(DataSource dataSource, Stamped stamped) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            boolean h2 = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("h2");
            String schema = h2 ? connection.getSchema() : connection.getCatalog();
            Map<String, String> names = h2 ? h2GeneratedNames(connection, schema) : Map.of();
            for (Map.Entry<String, String> view : (h2 ? H2_VIEWS : MARIADB_VIEWS).entrySet()) {
                schemaRows(connection, view.getKey(), view.getValue(), schema, names, lines);
            }
            for (String table : tables(connection, schema)) {
                tableRows(connection, table, h2, stamped, lines);
            }
        }
        lines.sort(null);
        return lines;
    }

    private static void schemaRows(Connection connection, String view, String schemaColumn, String schema,
                                   Map<String, String> names, List<String> lines) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT * FROM INFORMATION_SCHEMA." + view + " WHERE " + schemaColumn + " = ?")) {
            query.setString(1, schema);
            try (ResultSet rows = query.executeQuery()) {
                ResultSetMetaData columns = rows.getMetaData();
                while (rows.next()) {
                    StringBuilder line = new StringBuilder(view).append(':');
                    boolean history = false;
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        String column = columns.getColumnLabel(i).toUpperCase();
                        String value = rows.getString(i);
                        if (column.equals("TABLE_NAME") && HISTORY.equalsIgnoreCase(value)) {
                            history = true;
                        }
                        if (column.endsWith("_CATALOG") || column.endsWith("_SCHEMA") || VOLATILE.contains(view + "." + column)) {
                            continue;
                        }
                        line.append(' ').append(column).append('=').append(value == null ? null : names.getOrDefault(value, value));
                    }
                    if (!history) {
                        lines.add(line.toString());
                    }
                }
            }
        }
    }

    private static List<String> tables(Connection connection, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_TYPE IN ('BASE TABLE', 'TABLE')")) {
            query.setString(1, schema);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (!HISTORY.equalsIgnoreCase(rows.getString(1))) {
                        tables.add(rows.getString(1));
                    }
                }
            }
        }
        return tables;
    }

    private static void tableRows(Connection connection, String table, boolean h2, Stamped stamped, List<String> lines)
            throws SQLException {
        String quoted = h2 ? '"' + table + '"' : '`' + table + '`';
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT * FROM " + quoted)) {
            ResultSetMetaData columns = rows.getMetaData();
            while (rows.next()) {
                StringBuilder line = new StringBuilder("row ").append(table).append(':');
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    line.append(' ').append(columns.getColumnLabel(i)).append('=').append(value(rows, i, columns.getColumnType(i), stamped));
                }
                lines.add(line.toString());
            }
        }
    }

    private static String value(ResultSet rows, int i, int type, Stamped stamped) throws SQLException {
        switch (type) {
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
                LocalDateTime time = rows.getObject(i, LocalDateTime.class);
                return time == null ? "NULL" : stamped.contains(time) ? "<stamped while migrating>" : time.toString();
            }
            case Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> {
                byte[] bytes = rows.getBytes(i);
                return bytes == null ? "NULL" : "0x" + HexFormat.of().formatHex(bytes);
            }
            default -> {
                String value = rows.getString(i);
                return value == null ? "NULL" : value;
            }
        }
    }

    /**
     * H2's made-up names, each with what it names: an index H2 created for a constraint (IS_GENERATED) or an unnamed
     * constraint ({@code CONSTRAINT_1A}), as its kind, table and columns.
     */
    private static Map<String, String> h2GeneratedNames(Connection connection, String schema) throws SQLException {
        Map<String, String> names = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT I.INDEX_NAME, I.INDEX_TYPE_NAME, I.TABLE_NAME, "
                + "LISTAGG(C.COLUMN_NAME, ', ') WITHIN GROUP (ORDER BY C.ORDINAL_POSITION) "
                + "FROM INFORMATION_SCHEMA.INDEXES I JOIN INFORMATION_SCHEMA.INDEX_COLUMNS C ON C.INDEX_SCHEMA = I.INDEX_SCHEMA "
                + "AND C.INDEX_NAME = I.INDEX_NAME WHERE I.INDEX_SCHEMA = ? AND I.IS_GENERATED "
                + "GROUP BY I.INDEX_NAME, I.INDEX_TYPE_NAME, I.TABLE_NAME")) {
            query.setString(1, schema);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.put(rows.getString(1), "<" + rows.getString(2) + " " + rows.getString(3) + " (" + rows.getString(4) + ")>");
                }
            }
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT T.CONSTRAINT_NAME, T.CONSTRAINT_TYPE, T.TABLE_NAME, "
                + "LISTAGG(K.COLUMN_NAME, ', ') WITHIN GROUP (ORDER BY K.ORDINAL_POSITION) "
                + "FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS T LEFT JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE K "
                + "ON K.CONSTRAINT_SCHEMA = T.CONSTRAINT_SCHEMA AND K.CONSTRAINT_NAME = T.CONSTRAINT_NAME "
                + "WHERE T.CONSTRAINT_SCHEMA = ? GROUP BY T.CONSTRAINT_NAME, T.CONSTRAINT_TYPE, T.TABLE_NAME")) {
            query.setString(1, schema);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (H2_UNNAMED_CONSTRAINT.matcher(rows.getString(1)).matches()) {
                        names.put(rows.getString(1), "<" + rows.getString(2) + " " + rows.getString(3) + " (" + rows.getString(4) + ")>");
                    }
                }
            }
        }
        return names;
    }
}
