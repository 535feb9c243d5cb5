package cn.huiqi.board;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.huiqi.calendar.WorkingDays;
import cn.huiqi.casefile.CaseLifecycle;
import cn.huiqi.casefile.CaseLifecycles;

/**
 * Builds the board's row of every case that has none (cases opened before V51, or rows removed by an operator to be
 * rebuilt) from the case record and its timeline: the {@code STATUS_*} lines replayed through the same rule as the live
 * events ({@link BoardCase#enter}), at the times they were recorded; the money from the reward claim; "ever overdue"
 * from the 督办 items. Runs once at start, 200 cases a transaction.
 */
@Component
class BoardBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(BoardBackfill.class);
    private static final int BATCH = 200;

    private final JdbcTemplate jdbc;
    private final BoardRows rows;
    private final CaseLifecycles lifecycles;
    private final WorkingDays workingDays;
    private final TransactionTemplate transactions;

    BoardBackfill(JdbcTemplate jdbc, BoardRows rows, CaseLifecycles lifecycles, WorkingDays workingDays, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.lifecycles = lifecycles;
        this.workingDays = workingDays;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        int built = run();
        if (built > 0) {
            LOG.info("fulfilment board: built the rows of {} cases from their timelines", built);
        }
    }

    /** Builds the missing rows; answers how many. */
    int run() {
        int built = 0;
        long after = 0;
        while (true) {
            List<Long> missing = jdbc.queryForList("SELECT c.id FROM case_record c LEFT JOIN board_case b ON b.case_id = c.id "
                    + "WHERE b.case_id IS NULL AND c.id > ? AND c.case_number IS NOT NULL ORDER BY c.id LIMIT " + BATCH, Long.class, after);
            if (missing.isEmpty()) {
                return built;
            }
            transactions.executeWithoutResult(status -> missing.forEach(this::build));
            built += missing.size();
            after = missing.get(missing.size() - 1);
        }
    }

    private void build(long caseId) {
        record Case(String number, String measure, String locality, String status, Instant submitted, BigDecimal reward, BigDecimal settled) {
        }
        Case c = jdbc.queryForObject("SELECT c.case_number, c.measure, c.locality_unit_id, c.status, c.submitted_at, r.reward_amount, "
                + "r.settled_amount FROM case_record c LEFT JOIN reward_claim r ON r.case_id = c.id WHERE c.id = ?", (rs, n) -> new Case(
                rs.getString("case_number"), rs.getString("measure"), rs.getString("locality_unit_id"), rs.getString("status"),
                rs.getTimestamp("submitted_at").toInstant(), rs.getBigDecimal("reward_amount"), rs.getBigDecimal("settled_amount")), caseId);
        CaseLifecycle lifecycle = lifecycles.of(c.measure());
        Instant submitted = c.submitted();
        String current = c.status();
        BoardCase row = new BoardCase(caseId, c.number(), c.measure(), c.locality(), lifecycle.initial().name(), submitted);
        row.enter(lifecycle.initial().name(), lifecycle.initial().isFinal(), submitted, workingDays);
        Instant[] last = {submitted};
        jdbc.query("SELECT action, occurred_at FROM case_event WHERE case_id = ? AND action LIKE 'STATUS!_%' ESCAPE '!' "
                + "ORDER BY occurred_at, id", rs -> {
            String status = rs.getString("action").substring("STATUS_".length());
            Instant at = rs.getTimestamp("occurred_at").toInstant();
            last[0] = at;
            lifecycle.find(status).ifPresent(s -> row.enter(s.name(), s.isFinal(), at, workingDays));
        }, caseId);
        if (!current.equals(row.status)) {
            Instant at = last[0];
            lifecycle.find(current).ifPresent(s -> row.enter(s.name(), s.isFinal(), at, workingDays));
        }
        if (row.approved() || row.outcome == BoardCase.Outcome.PAID) {
            row.approvedAmount = c.reward();
        }
        if (row.outcome == BoardCase.Outcome.PAID) {
            row.paidAmount = c.settled();
        }
        row.everOverdue = jdbc.queryForObject("SELECT COUNT(*) FROM supervision_item WHERE case_id = ?", Integer.class, caseId) > 0;
        rows.insert(row, Instant.now()); // false: a live event wrote the row meanwhile, and it is newer
    }
}
