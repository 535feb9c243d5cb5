package cn.huiqi.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Camunda's tables, created with Camunda's own create scripts from the engine jar: for {@link V0_1__Camunda_engine_schema}
 * on a database migrated version by version, and for {@link B58__New_database_schema} on a new one. The one change: on
 * MySQL / MariaDB the scripts declare {@code utf8} (3-byte utf8mb3), which refuses a Chinese name such as 𠮷 in a process
 * variable; here every table is created {@code utf8mb4 / utf8mb4_bin}.
 */
final class CamundaEngineSchema {

    private static final List<String> COMPONENTS = List.of(
            "engine", "history", "identity", "case.engine", "case.history", "decision.engine", "decision.history");

    private CamundaEngineSchema() {
    }

    static void create(Connection connection) throws SQLException, IOException {
        String type = databaseType(connection.getMetaData().getDatabaseProductName());
        for (String component : COMPONENTS) {
            String script = read("org/camunda/bpm/engine/db/create/activiti." + type + ".create." + component + ".sql");
            if (type.equals("mysql")) {
                script = script.replace("DEFAULT CHARSET=utf8 COLLATE utf8_bin", "DEFAULT CHARSET=utf8mb4 COLLATE utf8mb4_bin");
            }
            execute(connection, script);
        }
    }

    /** Camunda's name of the database: h2 or mysql (MySQL and MariaDB). */
    static String databaseType(String productName) {
        String product = productName.toLowerCase();
        if (product.contains("h2")) {
            return "h2";
        }
        if (product.contains("mysql") || product.contains("mariadb")) {
            return "mysql";
        }
        throw new IllegalStateException("Huiqi runs on H2 or MySQL / MariaDB, not on " + productName);
    }

    private static void execute(Connection connection, String script) throws SQLException {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : withoutComments.toString().split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = CamundaEngineSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Camunda create script not found: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
