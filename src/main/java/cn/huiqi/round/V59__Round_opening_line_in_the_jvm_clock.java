package cn.huiqi.round;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

import cn.huiqi.process.V0_1__Camunda_engine_schema;
import cn.huiqi.process.V55__Instants_as_local_wall_clock;

/**
 * The {@code OPENED} line V11 wrote for its rounds ("2023年第一批" of M1-M3) becomes the JVM's wall-clock time, as every
 * other time of {@code round_event} and of the app is ({@code RoundEvents}: {@code Timestamp.from(instant)}). V11 stamped
 * it with {@code CURRENT_TIMESTAMP}, the database session's zone; V55 converted the same rounds' {@code created_at} /
 * {@code updated_at} from that zone but left this line: where the database runs in UTC and the JVM in Asia/Shanghai it
 * was 8 hours early, and the round's timeline ({@code ORDER BY occurred_at}) showed its opening out of place. The baseline
 * {@code process.B58__New_database_schema} writes the same line the same way ({@code CURRENT_TIMESTAMP}, left as it is:
 * a baseline is never edited), so a new database needs this as much as one migrated version by version.
 *
 * <p>Only V11's lines ({@link #V11_LINES}): the app's own lines are the JVM's time already; the demo rounds' line
 * (db/demo/rounds, V1003: demo data, not the schema's) is left. Each line as V55 converts a value stamped in the database zone
 * ({@link V55__Instants_as_local_wall_clock#secondsToWallClock}): its {@code UNIX_TIMESTAMP} is the instant, whose wall
 * clock in {@code ZoneId.systemDefault()} it becomes (exact across daylight saving); unchanged where the database runs
 * in the JVM's zone (docker/compose.yml), 8 hours later where it runs in UTC. Shifted in SQL by whole seconds: the
 * driver may not send fractions of a second (sendFractionalSeconds=false).
 *
 * <p>MySQL / MariaDB only. Nothing to do on H2 (quick start, tests): there the session's zone is the JVM's, so
 * {@code CURRENT_TIMESTAMP} was the JVM's wall clock already.
 */
@Component
public class V59__Round_opening_line_in_the_jvm_clock extends BaseJavaMigration {

    /** The lines V11 (and B58, which repeats it) wrote: one per round, by "system". */
    static final String V11_LINES = "actor = 'system' AND kind = 'OPENED' AND detail LIKE '数据迁移 V11%'";

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!V0_1__Camunda_engine_schema.camundaDatabaseType(connection.getMetaData().getDatabaseProductName()).equals("mysql")) {
            return;
        }
        ZoneId zone = ZoneId.systemDefault();
        try (Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("SELECT id, occurred_at, UNIX_TIMESTAMP(occurred_at) FROM round_event WHERE " + V11_LINES);
             PreparedStatement write = connection.prepareStatement(
                     "UPDATE round_event SET occurred_at = occurred_at + INTERVAL ? SECOND WHERE id = ?")) {
            boolean pending = false;
            while (rows.next()) {
                long shift = V55__Instants_as_local_wall_clock.secondsToWallClock(rows.getObject(2, LocalDateTime.class),
                        rows.getBigDecimal(3), zone);
                if (shift != 0) {
                    write.setLong(1, shift);
                    write.setLong(2, rows.getLong(1));
                    write.addBatch();
                    pending = true;
                }
            }
            if (pending) {
                write.executeBatch();
            }
        }
    }
}
