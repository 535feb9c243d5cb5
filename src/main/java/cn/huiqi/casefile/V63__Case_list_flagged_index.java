package cn.huiqi.casefile;

import java.sql.Statement;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * An index for the lead bureau's list of flagged cases ({@code GET /api/cases?flagged=true}: {@code flag IS NOT NULL}).
 * Without one its count read every case row (47-52 ms at 100,000 cases, growing with the city; docs/performance.md,
 * session 25). {@code flag} is a VARCHAR(1000), longer than a whole-column key may be on MySQL / MariaDB (3,072 bytes):
 * there the index keeps its first character, which is enough to tell a flagged case (not null) from the rest. H2 has
 * no prefix indexes and no such limit: there the whole column. A Java migration for that difference of syntax.
 */
@Component
public class V63__Case_list_flagged_index extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        boolean h2 = context.getConnection().getMetaData().getDatabaseProductName().toUpperCase(Locale.ROOT).contains("H2");
        try (Statement sql = context.getConnection().createStatement()) {
            sql.execute(h2 ? "CREATE INDEX ix_case_list_flagged ON case_record (flag)"
                    : "CREATE INDEX ix_case_list_flagged ON case_record (flag(1))");
        }
    }
}
