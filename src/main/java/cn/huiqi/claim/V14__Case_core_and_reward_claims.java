package cn.huiqi.claim;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Issue 11 item 3: a case core for any applicant, reward details in a reward claim.
 * <ul>
 * <li>{@code reward_case} becomes {@code case_record} (every column, key and reference kept, {@code round_id}
 * included). Its applicant: {@code applicant_kind} (ENTERPRISE, PROJECT_OWNER, LOCALITY) with
 * {@code enterprise_id} (now nullable), {@code project_id} or {@code applicant_unit_id}, checked by
 * {@code ck_case_applicant}; {@code applicant_key} ({@code E:<enterprise id>} / {@code U:<unit id>}) carries the
 * unique keys (measure, applicant, subject) and (applicant, idempotency key) for every kind. Existing cases are
 * enterprises' cases; a case whose subject is a project ({@code project-<id>}, measure 3) is its owner's.</li>
 * <li>{@code reward_claim}: one per case of a measure that pays, sharing the case's id; the reward, decision,
 * settlement and payment columns move there (INSERT … SELECT, then dropped from the case), with the payee
 * (the enterprise for every existing case).</li>
 * <li>{@code fund_entry.case_id} and {@code settlement_line.case_id} reference the claim (same ids), so the
 * ledger and settlement work for any claim; their CHECKs and unique keys are unchanged.</li>
 * </ul>
 * Java, not SQL, because H2 and MariaDB/MySQL spell column and constraint changes differently.
 */
@Component
public class V14__Case_core_and_reward_claims extends BaseJavaMigration {

    /** The columns that move, with their type on the claim. */
    static final Map<String, String> MOVED = new LinkedHashMap<>();

    static {
        MOVED.put("claimed_amount", "DECIMAL(17,2)");
        MOVED.put("eligible", "BOOLEAN");
        MOVED.put("reward_amount", "DECIMAL(15,2)");
        MOVED.put("reward_tier", "VARCHAR(32)");
        MOVED.put("decision_key", "VARCHAR(64)");
        MOVED.put("decision_version", "INT");
        MOVED.put("decision_definition_id", "VARCHAR(64)");
        MOVED.put("outcome_reason", "VARCHAR(1000)");
        MOVED.put("settled_amount", "DECIMAL(15,2)");
        MOVED.put("payment_reference", "VARCHAR(64)");
        MOVED.put("payment_date", "DATE");
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
        boolean mysql = product.contains("mysql") || product.contains("mariadb");
        String tableOptions = mysql ? " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci" : "";
        try (Statement sql = connection.createStatement()) {
            sql.execute("ALTER TABLE reward_case RENAME TO case_record");
            sql.execute("ALTER TABLE case_record ADD COLUMN applicant_kind VARCHAR(16)");
            sql.execute("ALTER TABLE case_record ADD COLUMN project_id BIGINT");
            sql.execute("ALTER TABLE case_record ADD COLUMN applicant_unit_id VARCHAR(32)");
            sql.execute("ALTER TABLE case_record ADD COLUMN applicant_key VARCHAR(48)");
            sql.execute("UPDATE case_record SET applicant_kind = 'ENTERPRISE', applicant_key = CONCAT('E:', enterprise_id)");
        }
        projectOwners(connection);
        try (Statement sql = connection.createStatement()) {
            if (mysql) {
                sql.execute("ALTER TABLE case_record MODIFY applicant_kind VARCHAR(16) NOT NULL, MODIFY applicant_key VARCHAR(48) NOT NULL, "
                        + "MODIFY enterprise_id BIGINT NULL");
                // the enterprise's foreign key keeps an index of its own once the unique key that served it goes
                sql.execute("CREATE INDEX ix_case_enterprise ON case_record (enterprise_id)");
                sql.execute("ALTER TABLE case_record DROP INDEX IF EXISTS uq_case_idempotency");
                sql.execute("ALTER TABLE case_record DROP INDEX IF EXISTS uq_case_subject");
            } else {
                sql.execute("ALTER TABLE case_record ALTER COLUMN applicant_kind SET NOT NULL");
                sql.execute("ALTER TABLE case_record ALTER COLUMN applicant_key SET NOT NULL");
                sql.execute("ALTER TABLE case_record ALTER COLUMN enterprise_id SET NULL");
                sql.execute("CREATE INDEX ix_case_enterprise ON case_record (enterprise_id)");
                sql.execute("ALTER TABLE case_record DROP CONSTRAINT IF EXISTS uq_case_idempotency");
                sql.execute("ALTER TABLE case_record DROP CONSTRAINT IF EXISTS uq_case_subject");
            }
            sql.execute("ALTER TABLE case_record ADD CONSTRAINT uq_case_idempotency UNIQUE (applicant_key, idempotency_key)");
            sql.execute("ALTER TABLE case_record ADD CONSTRAINT uq_case_subject UNIQUE (measure, applicant_key, subject_key)");
            sql.execute("ALTER TABLE case_record ADD CONSTRAINT fk_case_project FOREIGN KEY (project_id) REFERENCES project (id)");
            sql.execute("ALTER TABLE case_record ADD CONSTRAINT fk_case_applicant_unit FOREIGN KEY (applicant_unit_id) REFERENCES unit (id)");
            sql.execute("""
                    ALTER TABLE case_record ADD CONSTRAINT ck_case_applicant CHECK (
                        (applicant_kind = 'ENTERPRISE' AND enterprise_id IS NOT NULL AND project_id IS NULL AND applicant_unit_id IS NULL)
                     OR (applicant_kind = 'PROJECT_OWNER' AND enterprise_id IS NOT NULL AND project_id IS NOT NULL AND applicant_unit_id IS NULL)
                     OR (applicant_kind = 'LOCALITY' AND enterprise_id IS NULL AND project_id IS NULL AND applicant_unit_id IS NOT NULL))""");

            StringBuilder columns = new StringBuilder();
            MOVED.forEach((column, type) -> columns.append("    ").append(column).append(' ').append(type).append(",\n"));
            sql.execute("CREATE TABLE reward_claim (\n"
                    + "    case_id BIGINT NOT NULL PRIMARY KEY,\n"
                    + columns
                    + "    payee_kind VARCHAR(16) NOT NULL,\n"
                    + "    payee_enterprise_id BIGINT,\n"
                    + "    payee_unit_id VARCHAR(32),\n"
                    + "    updated_at DATETIME(6) NOT NULL,\n"
                    + "    row_version BIGINT NOT NULL,\n"
                    + "    CONSTRAINT fk_reward_claim_case FOREIGN KEY (case_id) REFERENCES case_record (id),\n"
                    + "    CONSTRAINT fk_reward_claim_payee_enterprise FOREIGN KEY (payee_enterprise_id) REFERENCES enterprise (id),\n"
                    + "    CONSTRAINT fk_reward_claim_payee_unit FOREIGN KEY (payee_unit_id) REFERENCES unit (id),\n"
                    + "    CONSTRAINT ck_reward_claim_payee CHECK ((payee_kind = 'ENTERPRISE' AND payee_enterprise_id IS NOT NULL AND payee_unit_id IS NULL)\n"
                    + "        OR (payee_kind = 'LOCALITY' AND payee_enterprise_id IS NULL AND payee_unit_id IS NOT NULL))\n"
                    + ")" + tableOptions);
            String moved = String.join(", ", MOVED.keySet());
            sql.execute("INSERT INTO reward_claim (case_id, " + moved + ", payee_kind, payee_enterprise_id, payee_unit_id, updated_at, row_version) "
                    + "SELECT id, " + moved + ", 'ENTERPRISE', enterprise_id, NULL, updated_at, 0 FROM case_record");

            for (String[] reference : new String[][]{{"fund_entry", "fk_fund_entry_case", "fk_fund_entry_claim"},
                    {"settlement_line", "fk_settlement_line_case", "fk_settlement_line_claim"}}) {
                sql.execute("ALTER TABLE " + reference[0] + (mysql ? " DROP FOREIGN KEY " : " DROP CONSTRAINT ") + reference[1]);
                sql.execute("ALTER TABLE " + reference[0] + " ADD CONSTRAINT " + reference[2]
                        + " FOREIGN KEY (case_id) REFERENCES reward_claim (case_id)");
            }
            for (String column : MOVED.keySet()) {
                sql.execute("ALTER TABLE case_record DROP COLUMN " + column);
            }
        }
    }

    /** A case whose subject is a project ({@code project-<id>}) was applied for by the project's owner. */
    private static void projectOwners(Connection connection) throws SQLException {
        Map<Long, Long> projectOf = new LinkedHashMap<>();
        try (Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT id, subject_key FROM case_record WHERE subject_key LIKE 'project-%'")) {
            while (rows.next()) {
                String digits = rows.getString(2).substring("project-".length());
                if (digits.matches("[0-9]{1,18}")) {
                    projectOf.put(rows.getLong(1), Long.valueOf(digits));
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE case_record SET applicant_kind = 'PROJECT_OWNER', project_id = ? WHERE id = ?")) {
            for (Map.Entry<Long, Long> c : projectOf.entrySet()) {
                update.setLong(1, c.getValue());
                update.setLong(2, c.getKey());
                update.executeUpdate();
            }
        }
    }
}
