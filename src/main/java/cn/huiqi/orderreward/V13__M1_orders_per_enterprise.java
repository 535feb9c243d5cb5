package cn.huiqi.orderreward;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 10: measure 1 rewards each enterprise once, on its verified orders.
 * <ul>
 * <li>{@code m1_order}: the orders of each measure 1 application, each with its own verification;
 * {@code contract_key} (the normalised contract number) is unique across all applications. A future
 * withdrawal before verification frees the contracts by clearing it (NULL is not a duplicate; OrderApplicationType#withdrawn).</li>
 * <li>{@code reward_case.flag}: why the lead bureau must decide on a case.</li>
 * <li>Every existing contract-based M1 case becomes an application with one order (its contract, with
 * the evidence; accepted if the locality had approved it, with that verifier and time, pending otherwise);
 * its application record takes the new shape. Its subject key becomes {@code ENTERPRISE} — one per
 * enterprise. Where an enterprise holds several M1 cases, all are kept: the earliest holds
 * {@code ENTERPRISE} (which only blocks a further application, it decides nothing), the others
 * {@code ENTERPRISE#<case number>}, and every one of them is flagged to gxj with a timeline line. A contract
 * already claimed by an earlier case keeps its number but no key, and is flagged too.</li>
 * </ul>
 * Java, not SQL, because the application JSON is rewritten, the same way on H2 and MariaDB/MySQL.
 */
@Component
public class V13__M1_orders_per_enterprise extends BaseJavaMigration {

    static final String ACTOR = "system";

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
        String tableOptions = product.contains("mysql") || product.contains("mariadb")
                ? " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci" : "";
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE reward_case ADD COLUMN flag VARCHAR(1000)");
            statement.execute("""
                    CREATE TABLE m1_order (
                        id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
                        case_id             BIGINT        NOT NULL,
                        line_no             INT           NOT NULL,
                        counterparty        VARCHAR(200)  NOT NULL,
                        contract_number     VARCHAR(64)   NOT NULL,
                        contract_key        VARCHAR(64),
                        signing_date        DATE          NOT NULL,
                        amount              DECIMAL(17,2) NOT NULL,
                        execution_evidence  VARCHAR(2000) NOT NULL,
                        verification        VARCHAR(16)   NOT NULL,
                        verification_reason VARCHAR(1000),
                        verified_by         VARCHAR(64),
                        verified_at         DATETIME(6),
                        CONSTRAINT uq_m1_order_line UNIQUE (case_id, line_no),
                        CONSTRAINT uq_m1_order_contract UNIQUE (contract_key),
                        CONSTRAINT fk_m1_order_case FOREIGN KEY (case_id) REFERENCES reward_case (id),
                        CONSTRAINT ck_m1_order_verification CHECK (verification IN ('PENDING', 'ACCEPTED', 'NOT_ACCEPTED')),
                        CONSTRAINT ck_m1_order_amount CHECK (amount > 0)
                    )""" + tableOptions);
        }
        migrateCases(connection);
    }

    private record LegacyCase(long id, String caseNumber, long enterpriseId, String applicationJson) {
    }

    private void migrateCases(Connection connection) throws Exception {
        List<LegacyCase> legacy = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, case_number, enterprise_id, application_json FROM reward_case "
                     + "WHERE measure = 'M1' ORDER BY enterprise_id, submitted_at, id")) {
            while (rows.next()) {
                legacy.add(new LegacyCase(rows.getLong(1), rows.getString(2), rows.getLong(3), rows.getString(4)));
            }
        }
        Map<Long, List<LegacyCase>> byEnterprise = new LinkedHashMap<>();
        legacy.forEach(c -> byEnterprise.computeIfAbsent(c.enterpriseId(), k -> new ArrayList<>()).add(c));
        Map<String, String> claimedBy = new HashMap<>();
        for (List<LegacyCase> ofEnterprise : byEnterprise.values()) {
            for (int i = 0; i < ofEnterprise.size(); i++) {
                LegacyCase c = ofEnterprise.get(i);
                Map<String, Object> old = json.readValue(c.applicationJson(), new TypeReference<LinkedHashMap<String, Object>>() { });
                String contractNumber = old.get("contractNumber").toString();
                String key = ContractNumbers.key(contractNumber);
                String earlierClaim = claimedBy.putIfAbsent(key, c.caseNumber());
                insertOrder(connection, c, old, earlierClaim == null ? key : null);
                String subject = i == 0 ? OrderApplicationType.SUBJECT : OrderApplicationType.SUBJECT + "#" + c.caseNumber();
                updateCase(connection, c, old, subject);
                if (ofEnterprise.size() > 1) {
                    List<String> numbers = ofEnterprise.stream().map(LegacyCase::caseNumber).toList();
                    flag(connection, c.id(), "FLAGGED_SEVERAL_M1_CASES",
                            "该企业有 " + numbers.size() + " 件措施1申请（" + String.join("、", numbers) + "）：洪府办发〔2023〕81号第1条对每家企业只奖励一次，"
                                    + "请市工信局决定哪一件继续办理 / The enterprise holds " + numbers.size() + " measure 1 cases ("
                                    + String.join(", ", numbers) + "): clause 1 rewards an enterprise once; the lead bureau (gxj) decides which one goes on");
                }
                if (earlierClaim != null) {
                    flag(connection, c.id(), "FLAGGED_CONTRACT_CLAIMED",
                            "合同编号 " + contractNumber + " 已在案件 " + earlierClaim + " 中申报，请市工信局决定 / Contract "
                                    + contractNumber + " is also claimed by case " + earlierClaim + "; the lead bureau (gxj) decides");
                }
            }
        }
    }

    private void insertOrder(Connection connection, LegacyCase c, Map<String, Object> old, String contractKey) throws SQLException {
        String verifiedBy = null;
        Timestamp verifiedAt = null;
        try (PreparedStatement query = connection.prepareStatement("SELECT actor, occurred_at FROM case_event WHERE case_id = ? "
                + "AND action = 'TASK_LOCALITYVERIFICATION_APPROVE' ORDER BY occurred_at DESC, id DESC")) {
            query.setLong(1, c.id());
            try (ResultSet rows = query.executeQuery()) {
                if (rows.next()) {
                    verifiedBy = rows.getString(1);
                    verifiedAt = rows.getTimestamp(2);
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO m1_order (case_id, line_no, counterparty, "
                + "contract_number, contract_key, signing_date, amount, execution_evidence, verification, verification_reason, "
                + "verified_by, verified_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, c.id());
            insert.setString(2, old.get("counterparty").toString());
            insert.setString(3, old.get("contractNumber").toString());
            insert.setString(4, contractKey);
            insert.setDate(5, java.sql.Date.valueOf(old.get("signingDate").toString()));
            insert.setBigDecimal(6, new BigDecimal(old.get("orderAmount").toString()));
            insert.setString(7, old.get("executionEvidence").toString());
            insert.setString(8, verifiedBy == null ? "PENDING" : "ACCEPTED");
            insert.setString(9, verifiedBy == null ? null
                    : "属地核实通过（迁移自单合同申请）/ Approved by the locality (migrated from a single-contract application)");
            insert.setString(10, verifiedBy);
            insert.setTimestamp(11, verifiedAt);
            insert.executeUpdate();
        }
    }

    private void updateCase(Connection connection, LegacyCase c, Map<String, Object> old, String subject) throws Exception {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("line", 1);
        line.put("counterparty", old.get("counterparty"));
        line.put("contractNumber", old.get("contractNumber"));
        line.put("signingDate", old.get("signingDate"));
        line.put("orderAmount", old.get("orderAmount"));
        Map<String, Object> application = new LinkedHashMap<>();
        application.put("orders", List.of(line));
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE reward_case SET application_json = ?, subject_key = ? WHERE id = ?")) {
            update.setString(1, json.writeValueAsString(application));
            update.setString(2, subject);
            update.setLong(3, c.id());
            update.executeUpdate();
        }
    }

    private static void flag(Connection connection, long caseId, String action, String reason) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE reward_case SET flag = CASE WHEN flag IS NULL THEN ? ELSE CONCAT(flag, ?) END WHERE id = ?")) {
            update.setString(1, reason);
            update.setString(2, "\n" + reason);
            update.setLong(3, caseId);
            update.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO case_event (case_id, occurred_at, actor, action, detail) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, caseId);
            insert.setTimestamp(2, Timestamp.from(Instant.now()));
            insert.setString(3, ACTOR);
            insert.setString(4, action);
            insert.setString(5, reason);
            insert.executeUpdate();
        }
    }
}
