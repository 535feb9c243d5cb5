package cn.huiqi.process;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * The instants the JPA entities wrote become the JVM's wall-clock time, as the entities move to Spring JDBC. On MySQL /
 * MariaDB, Hibernate 6.6 bound every {@code Instant} field with a UTC calendar, so those DATETIME columns hold UTC
 * wall-clock time, while the JDBC code ({@code Timestamp.from(instant)}, {@code rs.getTimestamp(c).toInstant()}) and
 * Camunda's tables hold the JVM default zone's (Asia/Shanghai): read by JDBC, each of them was 8 hours early. Every
 * value of {@link #TABLES}, row by row by key: UTC wall clock, the instant, its wall clock in
 * {@code ZoneId.systemDefault()} (exact across daylight saving). Copies of Hibernate's values are converted alike:
 * {@code m1_order.verified_at} (V13) and {@code reward_claim.updated_at} (V14). Values the database or JDBC wrote:
 * <ul>
 * <li>{@code case_event} lines written by V13 ({@link #ALREADY_LOCAL}) are the JVM's time already: left.</li>
 * <li>{@code CURRENT_TIMESTAMP} of V4 (the pools' {@code updated_at} until a pool changes) and of V11 (the rounds
 * created and last changed by "system") is the database session's zone ({@link #DATABASE_ZONE}): converted from that
 * zone ({@code UNIX_TIMESTAMP}), unchanged where the database runs in the JVM's zone (docker/compose.yml), 8 hours
 * later where it runs in UTC.</li>
 * </ul>
 * Nothing to do on H2 (quick start, tests): there Hibernate binds an instant as TIMESTAMP WITH TIME ZONE, which H2
 * stores in a DATETIME column as the session's, i.e. the JVM's, wall clock. A fresh database has no rows to change.
 */
@Component
public class V55__Instants_as_local_wall_clock extends BaseJavaMigration {

    /** A table, its key and the columns of its entity's Instant fields. */
    record Table(String name, List<String> key, List<String> columns) {
        static Table of(String name, String key, String... columns) {
            return new Table(name, List.of(key.split(",")), List.of(columns));
        }
    }

    /** Every Instant field of the entities (@ElementCollection tables hold none). */
    static final List<Table> TABLES = List.of(
            Table.of("assistance_assignment", "id", "assigned_at", "ended_at"),
            Table.of("assistance_demand", "case_id", "submitted_at", "accepted_at", "replied_at", "closed_at"),
            Table.of("assistance_no_visit", "enterprise_id", "since"),
            Table.of("assistance_visit", "id", "recorded_at"),
            Table.of("case_event", "id", "occurred_at"),
            Table.of("case_record", "id", "submitted_at", "updated_at"),
            Table.of("reward_claim", "case_id", "updated_at"),
            Table.of("enterprise", "id", "created_at"),
            Table.of("enterprise_agent", "id", "granted_at", "revoked_at"),
            Table.of("financing_consent", "case_id", "given_at", "revoked_at"),
            Table.of("financing_consent_log", "id", "occurred_at"),
            Table.of("financing_demand", "case_id", "submitted_at", "published_at", "publication_due_at", "coordinated_at", "closed_at"),
            Table.of("financing_read_log", "id", "read_at"),
            Table.of("financing_take_up", "id", "taken_at", "due_at", "decided_at", "ended_at"),
            Table.of("fund_entry", "id", "occurred_at"),
            Table.of("fund_pool", "id", "updated_at"),
            Table.of("inbox_message", "id", "created_at"),
            Table.of("inbox_read", "message_id,user_id", "read_at"),
            Table.of("sms_log", "id", "created_at", "sent_at"),
            Table.of("m1_order", "id", "verified_at"),
            Table.of("project", "id", "created_at", "updated_at"),
            Table.of("project_event", "id", "occurred_at"),
            Table.of("project_report", "id", "reported_at", "corrected_at"),
            Table.of("application_round", "id", "closed_early_at", "created_at", "updated_at"),
            Table.of("settlement", "id", "settled_at", "notice_ended_at", "closed_at"),
            Table.of("settlement_line", "id", "updated_at"));

    /** Rows of a table already in the JVM's wall clock: V13's flags, Timestamp.from(Instant.now()). */
    static final Map<String, String> ALREADY_LOCAL = Map.of(
            "case_event", "actor = 'system' AND action IN ('FLAGGED_SEVERAL_M1_CASES', 'FLAGGED_CONTRACT_CLAIMED')");

    /**
     * Values the database stamped (CURRENT_TIMESTAMP, in its session's zone), per column. A pool keeps V4's stamp until it
     * changes: a stamp between the start of V4 and its entry in Flyway's history table ({@code %1$s}).
     */
    static final Map<String, String> DATABASE_ZONE = Map.of(
            "application_round.created_at", "created_by = 'system'",
            "application_round.updated_at", "updated_by = 'system'",
            "fund_pool.updated_at", "updated_at BETWEEN (SELECT MIN(installed_on - INTERVAL (execution_time + 2000) * 1000 MICROSECOND) "
                    + "FROM %1$s WHERE version = '4') AND (SELECT MAX(installed_on + INTERVAL 1 SECOND) FROM %1$s WHERE version = '4')");

    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!V0_1__Camunda_engine_schema.camundaDatabaseType(connection.getMetaData().getDatabaseProductName()).equals("mysql")) {
            return;
        }
        String history = context.getConfiguration().getTable();
        for (Table table : TABLES) {
            convert(connection, table.name(), table.key(), table.columns(), history);
        }
    }

    /**
     * The whole seconds that make a stored wall clock the wall clock of the same instant in {@code zone}: the instant is
     * the value's {@code UNIX_TIMESTAMP} where given (a value in the database session's zone; the fraction of a second
     * is the value's), else the value read as UTC (Hibernate's). 0 where the zones agree. Also V59's
     * ({@code round.V59__Round_opening_line_in_the_jvm_clock}).
     */
    public static long secondsToWallClock(LocalDateTime value, BigDecimal databaseZoneSeconds, ZoneId zone) {
        Instant instant = databaseZoneSeconds == null ? value.toInstant(ZoneOffset.UTC)
                : Instant.ofEpochSecond(databaseZoneSeconds.longValue(), value.getNano());
        return Duration.between(value, LocalDateTime.ofInstant(instant, zone)).getSeconds();
    }

    private static void convert(Connection connection, String table, List<String> key, List<String> columns, String history)
            throws Exception {
        ZoneId zone = ZoneId.systemDefault();
        StringBuilder select = new StringBuilder("SELECT ").append(String.join(", ", key));
        for (String column : columns) {
            String databaseZone = DATABASE_ZONE.get(table + "." + column);
            select.append(", ").append(column).append(", ").append(databaseZone == null ? "NULL"
                    : "CASE WHEN " + databaseZone.formatted(history) + " THEN UNIX_TIMESTAMP(" + column + ") END");
        }
        select.append(" FROM ").append(table);
        if (ALREADY_LOCAL.containsKey(table)) {
            select.append(" WHERE NOT (").append(ALREADY_LOCAL.get(table)).append(')');
        }
        // shifted in SQL by whole seconds: the driver may not send fractions of a second (sendFractionalSeconds=false)
        List<String> shifts = columns.stream().map(c -> c + " = " + c + " + INTERVAL ? SECOND").toList();
        String update = "UPDATE " + table + " SET " + String.join(", ", shifts) + " WHERE " + String.join(" = ? AND ", key) + " = ?";
        try (Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery(select.toString());
             PreparedStatement write = connection.prepareStatement(update)) {
            int pending = 0;
            while (rows.next()) {
                boolean changes = false;
                for (int i = 0; i < columns.size(); i++) {
                    int at = key.size() + 2 * i + 1;
                    LocalDateTime value = rows.getObject(at, LocalDateTime.class);
                    long shift = value == null ? 0 : secondsToWallClock(value, rows.getBigDecimal(at + 1), zone);
                    write.setLong(i + 1, shift);
                    changes |= shift != 0;
                }
                for (int i = 0; i < key.size(); i++) {
                    write.setObject(columns.size() + i + 1, rows.getObject(i + 1));
                }
                if (changes) {
                    write.addBatch();
                    if (++pending == BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
    }
}
