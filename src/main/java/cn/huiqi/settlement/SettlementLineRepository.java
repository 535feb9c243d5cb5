package cn.huiqi.settlement;

import static cn.huiqi.common.SqlValues.date;
import static cn.huiqi.common.SqlValues.instant;
import static cn.huiqi.common.SqlValues.timestamp;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table settlement_line (V5). A line's shares are written once; where its payment stands by {@link #update}. */
@Repository
public class SettlementLineRepository {

    private static final String COLUMNS = "id, settlement_id, case_id, asked, granted, status, payment_reference, payment_date, "
            + "failure_reason, updated_by, updated_at";

    private final JdbcTemplate jdbc;

    SettlementLineRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the new lines of a settlement in one batch (their ids are not read back: nobody needs them before reading them). */
    void insertAll(List<SettlementLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO settlement_line (settlement_id, case_id, asked, granted, status, payment_reference, payment_date, "
                + "failure_reason, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", lines, lines.size(),
                (PreparedStatement insert, SettlementLine l) -> {
                    insert.setLong(1, l.getSettlementId());
                    insert.setLong(2, l.getCaseId());
                    insert.setBigDecimal(3, l.getAsked());
                    insert.setBigDecimal(4, l.getGranted());
                    insert.setString(5, l.getStatus().name());
                    insert.setString(6, l.getPaymentReference());
                    insert.setDate(7, date(l.getPaymentDate()));
                    insert.setString(8, l.getFailureReason());
                    insert.setString(9, l.getUpdatedBy());
                    insert.setTimestamp(10, timestamp(l.getUpdatedAt()));
                });
    }

    /** Writes where the line's payment stands: its status, reference, date, failure reason, who and when. */
    void update(SettlementLine l) {
        jdbc.update("UPDATE settlement_line SET status = ?, payment_reference = ?, payment_date = ?, failure_reason = ?, updated_by = ?, "
                + "updated_at = ? WHERE id = ?", ps -> {
                    ps.setString(1, l.getStatus().name());
                    ps.setString(2, l.getPaymentReference());
                    ps.setDate(3, date(l.getPaymentDate()));
                    ps.setString(4, l.getFailureReason());
                    ps.setString(5, l.getUpdatedBy());
                    ps.setTimestamp(6, timestamp(l.getUpdatedAt()));
                    ps.setLong(7, l.getId());
                });
    }

    List<SettlementLine> findAll() {
        return jdbc.query("SELECT " + COLUMNS + " FROM settlement_line ORDER BY id", SettlementLineRepository::row);
    }

    List<SettlementLine> findBySettlementIdOrderById(long settlementId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM settlement_line WHERE settlement_id = ? ORDER BY id",
                SettlementLineRepository::row, settlementId);
    }

    /** The next lines of a settlement in one state, in the order they were allocated. */
    List<SettlementLine> findBySettlementIdAndStatusOrderById(long settlementId, SettlementLine.Status status, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM settlement_line WHERE settlement_id = ? AND status = ? ORDER BY id LIMIT ?",
                SettlementLineRepository::row, settlementId, status.name(), limit);
    }

    boolean existsBySettlementIdAndStatus(long settlementId, SettlementLine.Status status) {
        return !jdbc.queryForList("SELECT id FROM settlement_line WHERE settlement_id = ? AND status = ? LIMIT 1", Long.class,
                settlementId, status.name()).isEmpty();
    }

    Optional<SettlementLine> findBySettlementIdAndCaseId(long settlementId, long caseId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM settlement_line WHERE settlement_id = ? AND case_id = ?",
                SettlementLineRepository::row, settlementId, caseId).stream().findFirst();
    }

    /** The line of a case in its latest settlement. */
    Optional<SettlementLine> findFirstByCaseIdOrderByIdDesc(long caseId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM settlement_line WHERE case_id = ? ORDER BY id DESC LIMIT 1",
                SettlementLineRepository::row, caseId).stream().findFirst();
    }

    private static SettlementLine row(ResultSet rs, int n) throws SQLException {
        return new SettlementLine(rs.getLong("id"), rs.getLong("settlement_id"), rs.getLong("case_id"), rs.getBigDecimal("asked"),
                rs.getBigDecimal("granted"), SettlementLine.Status.valueOf(rs.getString("status")), rs.getString("payment_reference"),
                rs.getObject("payment_date", LocalDate.class), rs.getString("failure_reason"), rs.getString("updated_by"),
                instant(rs, "updated_at"));
    }
}
