package cn.huiqi.orderreward;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.huiqi.common.TransactionRows;

/**
 * Table m1_order (V13). Within a transaction a case's orders are read once ({@link TransactionRows}, by case id): the
 * completion, the rule inputs and each review task's form all get the same list and objects. Every write here keeps that
 * list true: a verification is written from the held object itself (or the list is dropped), the orders of a new case
 * are its list as inserted, a release drops it, and the next read reads the rows again.
 */
@Repository
class M1OrderRepository {

    private static final String COLUMNS = "id, case_id, line_no, counterparty, contract_number, contract_key, signing_date, amount, "
            + "execution_evidence, verification, verification_reason, verified_by, verified_at";

    private final JdbcTemplate jdbc;
    private final TransactionRows<List<M1Order>> ofCase = new TransactionRows<>();

    M1OrderRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The case's orders by line, unmodifiable. */
    List<M1Order> findByCaseIdOrderByLineNo(Long caseId) {
        List<M1Order> held = ofCase.get(caseId);
        if (held != null) {
            return held;
        }
        List<M1Order> read = List.copyOf(jdbc.query("SELECT " + COLUMNS + " FROM m1_order WHERE case_id = ? ORDER BY line_no",
                M1OrderRepository::row, caseId));
        return ofCase.keep(caseId, read);
    }

    Optional<M1Order> findByContractKey(String contractKey) {
        return jdbc.query("SELECT " + COLUMNS + " FROM m1_order WHERE contract_key = ?", M1OrderRepository::row, contractKey).stream()
                .findFirst();
    }

    /**
     * The orders of a case just opened (it has no others yet), by line, each written at once: a contract claimed meanwhile
     * by another application fails here with DuplicateKeyException (its unique key decides the race). With their ids, they
     * are the case's list in this transaction from now on.
     */
    void insertOfNewCase(Long caseId, List<M1Order> lines) {
        for (M1Order order : lines) {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.update(connection -> {
                var insert = connection.prepareStatement("INSERT INTO m1_order (case_id, line_no, counterparty, contract_number, "
                        + "contract_key, signing_date, amount, execution_evidence, verification) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        new String[] {"id"});
                insert.setLong(1, caseId);
                insert.setInt(2, order.getLineNo());
                insert.setString(3, order.getCounterparty());
                insert.setString(4, order.getContractNumber());
                insert.setString(5, order.getContractKey());
                insert.setDate(6, Date.valueOf(order.getSigningDate()));
                insert.setBigDecimal(7, order.getAmount());
                insert.setString(8, order.getExecutionEvidence());
                insert.setString(9, order.getVerification().name());
                return insert;
            }, key);
            order.stored(key.getKey().longValue());
        }
        ofCase.put(caseId, lines.stream().sorted(Comparator.comparingInt(M1Order::getLineNo)).toList());
    }

    /** Writes the order's verification ({@link M1Order#verify}). */
    void saveVerification(M1Order order) {
        jdbc.update("UPDATE m1_order SET verification = ?, verification_reason = ?, verified_by = ?, verified_at = ? WHERE id = ?",
                order.getVerification().name(), order.getVerificationReason(), order.getVerifiedBy(),
                order.getVerifiedAt() == null ? null : Timestamp.from(order.getVerifiedAt()), order.getId());
        List<M1Order> held = ofCase.get(order.getCaseId());
        if (held != null && held.stream().noneMatch(o -> o == order)) {
            ofCase.forget(order.getCaseId()); // another copy of the row: the held one is stale now
        }
    }

    /** The case was withdrawn: its contracts may be claimed again (a NULL key is no duplicate). */
    void releaseContracts(Long caseId) {
        jdbc.update("UPDATE m1_order SET contract_key = NULL WHERE case_id = ?", caseId);
        ofCase.forget(caseId);
    }

    private static M1Order row(ResultSet rs, int rowNum) throws SQLException {
        Timestamp verifiedAt = rs.getTimestamp("verified_at");
        return M1Order.of(rs.getLong("id"), rs.getLong("case_id"), rs.getInt("line_no"), rs.getString("counterparty"),
                rs.getString("contract_number"), rs.getString("contract_key"), rs.getObject("signing_date", LocalDate.class),
                rs.getBigDecimal("amount"), rs.getString("execution_evidence"), M1Order.Verification.valueOf(rs.getString("verification")),
                rs.getString("verification_reason"), rs.getString("verified_by"), verifiedAt == null ? null : verifiedAt.toInstant());
    }
}
