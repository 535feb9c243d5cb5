package cn.huiqi.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.baseline.BaselineJavaMigration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * A new database in one step: Flyway runs this baseline instead of V0.1 to V58 when the schema history is empty (start-up
 * on an empty database pays about 50 migrations less), and ignores the versioned migrations up to 58 there; a database
 * made by them keeps taking versioned migrations as before. Camunda's tables ({@link CamundaEngineSchema}), then
 * {@value #SCHEMA}: the application's tables, indexes and reference rows as V1 to V58 leave them, with Flyway's
 * placeholders ({@code tableOptions}; {@code flyway:timestamp} as Flyway gives it to SQL migrations), run by Spring's
 * script runner. SchemaBaselineTest proves both ways give the same database; a schema change is a new versioned
 * migration (V59 and on), never an edit of this baseline.
 */
@Component
public class B58__New_database_schema extends BaselineJavaMigration {

    static final String SCHEMA = "db/baseline/schema-58.sql";

    @Override
    public void migrate(Context context) throws Exception {
        refuseTargetBelow(context.getConfiguration().getTarget());
        Connection connection = context.getConnection();
        CamundaEngineSchema.create(connection);
        String script = withPlaceholders(read(SCHEMA), context.getConfiguration());
        ScriptUtils.executeSqlScript(connection, new EncodedResource(new ByteArrayResource(script.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8));
    }

    /**
     * Flyway takes the latest baseline on an empty history whatever its target: a database wanted at a version below this
     * one (a test of a migration) would silently get this one.
     */
    private void refuseTargetBelow(MigrationVersion target) {
        if (target != null && !target.isPredefined() && getVersion().isNewerThan(target.getVersion())) {
            throw new FlywayException("Target " + target + " is below the baseline " + getVersion()
                    + ": migrate without " + getClass().getSimpleName() + " to reach it by the versioned migrations");
        }
    }

    static String withPlaceholders(String script, Configuration configuration) {
        if (!configuration.isPlaceholderReplacement()) {
            return script;
        }
        Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
        // as Flyway gives its SQL migrations
        placeholders.putIfAbsent("flyway" + configuration.getPlaceholderSeparator() + "timestamp",
                new SimpleDateFormat("yyyy-MM-dd HH:mm:ss").format(new Date()));
        String replaced = script;
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            replaced = replaced.replace(configuration.getPlaceholderPrefix() + placeholder.getKey() + configuration.getPlaceholderSuffix(),
                    placeholder.getValue());
        }
        int left = replaced.indexOf(configuration.getPlaceholderPrefix());
        if (left >= 0) {
            throw new IllegalStateException("No value for the placeholder at \""
                    + replaced.substring(left, Math.min(replaced.length(), left + 40)) + "\" of " + SCHEMA);
        }
        return replaced;
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = B58__New_database_schema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Baseline schema not found: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
