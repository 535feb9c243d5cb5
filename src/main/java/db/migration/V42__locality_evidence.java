package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Evidence files of localities (docs/evidence.md "Files of a locality"; docs/evaluation.md): a self-reported evaluation
 * figure's evidence is an uploaded file. An evidence file then belongs to an enterprise (as before) or to a locality
 * unit ({@code unit_id}); {@code attached_to} names what a locality's file is attached to ({@code evaluation-figure:12}),
 * so the clearing of unclaimed drafts leaves it alone; the evaluation figure records its file (id and name). A Java migration only
 * because H2 and MariaDB spell "drop NOT NULL" differently.
 */
public class V42__locality_evidence extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        boolean h2 = context.getConnection().getMetaData().getDatabaseProductName().toUpperCase(java.util.Locale.ROOT).contains("H2");
        try (Statement sql = context.getConnection().createStatement()) {
            sql.execute(h2 ? "ALTER TABLE evidence_file ALTER COLUMN enterprise_id SET NULL"
                    : "ALTER TABLE evidence_file MODIFY enterprise_id BIGINT NULL");
            sql.execute("ALTER TABLE evidence_file ADD COLUMN unit_id VARCHAR(32) NULL");
            sql.execute("ALTER TABLE evidence_file ADD COLUMN attached_to VARCHAR(64) NULL");
            sql.execute("ALTER TABLE evidence_file ADD CONSTRAINT fk_evidence_file_unit FOREIGN KEY (unit_id) REFERENCES unit (id)");
            sql.execute("ALTER TABLE evaluation_figure ADD COLUMN evidence_file_id BIGINT NULL");
            sql.execute("ALTER TABLE evaluation_figure ADD COLUMN evidence_file_name VARCHAR(400) NULL");
            sql.execute("ALTER TABLE evaluation_figure ADD CONSTRAINT fk_evaluation_figure_evidence FOREIGN KEY (evidence_file_id)"
                    + " REFERENCES evidence_file (id)");
        }
    }
}
