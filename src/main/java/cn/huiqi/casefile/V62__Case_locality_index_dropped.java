package cn.huiqi.casefile;

import java.sql.Statement;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Drops {@code ix_case_locality (locality_unit_id)}: a prefix of {@code ix_case_list_locality (locality_unit_id,
 * submitted_at)} (V21) and of {@code ix_case_list_locality_status} (V61), so every query it served reads one of those as
 * well, and it cost an index write with every case opened. The foreign key {@code fk_case_locality} is served by either.
 *
 * <p>A Java migration because H2 ties the foreign key to the index it found when the key was added and refuses to drop
 * that index (90085): there the key is dropped and added again, and finds another. MySQL / MariaDB let the key move to
 * another index of the same leading column, so the index alone is dropped (in place, no copy of the table).
 */
@Component
public class V62__Case_locality_index_dropped extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        boolean h2 = context.getConnection().getMetaData().getDatabaseProductName().toUpperCase(Locale.ROOT).contains("H2");
        try (Statement sql = context.getConnection().createStatement()) {
            if (h2) {
                sql.execute("ALTER TABLE case_record DROP CONSTRAINT fk_case_locality");
                sql.execute("DROP INDEX ix_case_locality");
                sql.execute("ALTER TABLE case_record ADD CONSTRAINT fk_case_locality FOREIGN KEY (locality_unit_id) REFERENCES unit (id)");
            } else {
                sql.execute("DROP INDEX ix_case_locality ON case_record");
            }
        }
    }
}
