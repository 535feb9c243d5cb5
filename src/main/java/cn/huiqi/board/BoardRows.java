package cn.huiqi.board;

import static cn.huiqi.common.SqlValues.date;
import static cn.huiqi.common.SqlValues.instant;
import static cn.huiqi.common.SqlValues.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads and writes the rows of {@code board_case} (V51), one statement per write. */
@Component
class BoardRows {

    private static final String COLUMNS = "case_id, case_number, measure, locality_unit_id, status, outcome, submitted_at, "
            + "submitted_week, locality_at, city_at, approved_at, approved_week, notice_at, disbursement_at, paid_at, paid_week, "
            + "closed_at, locality_days, city_days, notice_days, payment_days, approval_to_payment_days, end_to_end_days, "
            + "approved_amount, paid_amount, ever_overdue, updated_at";

    private final JdbcTemplate jdbc;

    BoardRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The row, locked until the transaction ends (a locking read sees the latest committed version). */
    Optional<BoardCase> findForUpdate(long caseId) {
        return jdbc.query("SELECT " + COLUMNS + ", row_token FROM board_case WHERE case_id = ? FOR UPDATE", BoardRows::row, caseId)
                .stream().findFirst();
    }

    /** One INSERT; false when the case has its row already (the start-up backfill and a live event met). */
    boolean insert(BoardCase c, Instant now) {
        long token = ThreadLocalRandom.current().nextLong();
        Object[] values = values(c, now); // ends with case_id
        Object[] params = Arrays.copyOf(values, values.length + 1);
        params[values.length] = token;
        try {
            jdbc.update("INSERT INTO board_case (case_number, measure, locality_unit_id, status, outcome, submitted_at, submitted_week, "
                    + "locality_at, city_at, approved_at, approved_week, notice_at, disbursement_at, paid_at, paid_week, closed_at, "
                    + "locality_days, city_days, notice_days, payment_days, approval_to_payment_days, end_to_end_days, approved_amount, "
                    + "paid_amount, ever_overdue, updated_at, case_id, row_token) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", params);
        } catch (DuplicateKeyException exists) {
            return false;
        }
        c.rowToken = token;
        return true;
    }

    /**
     * One UPDATE of the row as it was when {@code c} was read or written ({@code c.rowToken}); false (nothing written) when
     * it changed since, written by another node or rolled back with its transaction: the caller reads it again.
     */
    boolean update(BoardCase c, Instant now) {
        long next = ThreadLocalRandom.current().nextLong();
        Object[] values = values(c, now); // ends with case_id
        Object[] params = Arrays.copyOf(values, values.length + 2);
        params[values.length - 1] = next;
        params[values.length] = c.caseId;
        params[values.length + 1] = c.rowToken;
        int updated = jdbc.update("UPDATE board_case SET case_number = ?, measure = ?, locality_unit_id = ?, status = ?, outcome = ?, "
                + "submitted_at = ?, submitted_week = ?, locality_at = ?, city_at = ?, approved_at = ?, approved_week = ?, notice_at = ?, "
                + "disbursement_at = ?, paid_at = ?, paid_week = ?, closed_at = ?, locality_days = ?, city_days = ?, notice_days = ?, "
                + "payment_days = ?, approval_to_payment_days = ?, end_to_end_days = ?, approved_amount = ?, paid_amount = ?, "
                + "ever_overdue = ?, updated_at = ?, row_token = ? WHERE case_id = ? AND row_token = ?", params);
        if (updated == 0) {
            return false;
        }
        c.rowToken = next;
        return true;
    }

    private static Object[] values(BoardCase c, Instant now) {
        return new Object[] {c.caseNumber, c.measure, c.locality, c.status, c.outcome.name(), timestamp(c.submittedAt),
                date(BoardCase.weekOf(c.submittedAt)), timestamp(c.localityAt), timestamp(c.cityAt), timestamp(c.approvedAt), date(BoardCase.weekOf(c.approvedAt)),
                timestamp(c.noticeAt), timestamp(c.disbursementAt), timestamp(c.paidAt), date(BoardCase.weekOf(c.paidAt)), timestamp(c.closedAt), c.localityDays,
                c.cityDays, c.noticeDays, c.paymentDays, c.approvalToPaymentDays, c.endToEndDays, c.approvedAmount, c.paidAmount,
                c.everOverdue, timestamp(now), c.caseId};
    }

    private static BoardCase row(ResultSet rs, int n) throws SQLException {
        BoardCase c = new BoardCase(rs.getLong("case_id"), rs.getString("case_number"), rs.getString("measure"),
                rs.getString("locality_unit_id"), rs.getString("status"), instant(rs, "submitted_at"));
        c.outcome = BoardCase.Outcome.valueOf(rs.getString("outcome"));
        c.localityAt = instant(rs, "locality_at");
        c.cityAt = instant(rs, "city_at");
        c.approvedAt = instant(rs, "approved_at");
        c.noticeAt = instant(rs, "notice_at");
        c.disbursementAt = instant(rs, "disbursement_at");
        c.paidAt = instant(rs, "paid_at");
        c.closedAt = instant(rs, "closed_at");
        c.localityDays = integer(rs, "locality_days");
        c.cityDays = integer(rs, "city_days");
        c.noticeDays = integer(rs, "notice_days");
        c.paymentDays = integer(rs, "payment_days");
        c.approvalToPaymentDays = integer(rs, "approval_to_payment_days");
        c.endToEndDays = integer(rs, "end_to_end_days");
        c.approvedAmount = rs.getBigDecimal("approved_amount");
        c.paidAmount = rs.getBigDecimal("paid_amount");
        c.everOverdue = rs.getBoolean("ever_overdue");
        c.rowToken = rs.getLong("row_token");
        return c;
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

}
