package cn.huiqi.timelimit;

import static cn.huiqi.common.SqlValues.instant;
import static cn.huiqi.common.SqlValues.nullableLong;
import static cn.huiqi.common.SqlValues.timestamp;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.huiqi.calendar.WorkingDays;
import cn.huiqi.common.ListPaging;
import cn.huiqi.common.TransactionQueue;
import cn.huiqi.common.TransactionRows;

/**
 * Table step_clock and supervision_item (V17), written in the engine's transaction. The clocks a transaction opens
 * are written together as it commits, or before its next statement on step_clock ({@link TransactionQueue}); the
 * transaction also keeps them by case, until it asks anything else of step_clock ({@link #openedHere}).
 */
@Component
class StepClocks {

    private static final String COLUMNS = "id, case_id, measure, process_instance_id, scope_id, step, step_name, kind, unit_id, "
            + "limit_days, elapsed_days, state, task_id, running_since, due_at, reminded_at, overdue_at, check_at";

    private final JdbcTemplate jdbc;
    /** The clocks opened in the current transaction, not written yet: written before any other statement on step_clock. */
    private final TransactionQueue<StepClock> opened;
    /** The clocks the current transaction opened, by case: one holder per transaction, under {@link #THIS_TRANSACTION}. */
    private final TransactionRows<OpenedHere> openedHere = new TransactionRows<>();
    private static final Object THIS_TRANSACTION = OpenedHere.class;

    StepClocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.opened = TransactionQueue.inserting(jdbc, "INSERT INTO step_clock (case_id, measure, process_instance_id, scope_id, "
                + "step, step_name, kind, unit_id, limit_days, elapsed_days, state, task_id, running_since, due_at, check_at, created_at, "
                + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 'RUNNING', ?, ?, ?, ?, ?, ?)", StepClocks::values);
    }

    /**
     * A new clock, running for this task from {@code now} until {@code due}, first checked at {@code checkAt}: queued
     * with the transaction's other new clocks and written with them ({@link TransactionQueue}); nothing needs its id
     * in the transaction.
     */
    void open(Long caseId, String measure, String processInstanceId, String scopeId, String step, String stepName,
              StepClock.Kind kind, String unitId, int limitDays, String taskId, Instant now, Instant due, Instant checkAt) {
        StepClock clock = new StepClock(0, caseId, measure, processInstanceId, scopeId, step, stepName, kind, unitId, limitDays, 0,
                StepClock.State.RUNNING, taskId, asStored(now), asStored(due), null, null, asStored(checkAt));
        opened.add(clock);
        if (caseId != null) {
            openedHere.keep(THIS_TRANSACTION, new OpenedHere()).byCase.computeIfAbsent(caseId, id -> new ArrayList<>()).add(clock);
        }
    }

    /**
     * For a case the current transaction opened (no other transaction has seen it, so its clocks are the ones this
     * transaction opened): its clocks as {@link #ofCase} would read them (ids aside), without a statement; empty when
     * the transaction has asked anything else of step_clock since, which may have changed them.
     */
    Optional<List<StepClock>> openedHere(long caseId) {
        OpenedHere here = openedHere.get(THIS_TRANSACTION);
        if (here == null) {
            return Optional.of(List.of());
        }
        return here.whole ? Optional.of(List.copyOf(here.byCase.getOrDefault(caseId, List.of()))) : Optional.empty();
    }

    /** What the current transaction opened, by case, and whether it has asked nothing else of step_clock since. */
    private static final class OpenedHere {
        final Map<Long, List<StepClock>> byCase = new HashMap<>();
        boolean whole = true;
    }

    /** As a DATETIME(6) column keeps it. */
    private static Instant asStored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** For every statement on step_clock but the queued INSERTs: the clocks this transaction opened are written first. */
    private JdbcTemplate table() {
        opened.flush();
        OpenedHere here = openedHere.get(THIS_TRANSACTION);
        if (here != null) {
            here.whole = false;
        }
        return jdbc;
    }

    private static void values(PreparedStatement insert, StepClock clock) throws SQLException {
        insert.setObject(1, clock.caseId());
        insert.setString(2, clock.measure());
        insert.setString(3, clock.processInstanceId());
        insert.setString(4, clock.scopeId());
        insert.setString(5, clock.step());
        insert.setString(6, clock.stepName());
        insert.setString(7, clock.kind().name());
        insert.setString(8, clock.unitId());
        insert.setInt(9, clock.limitDays());
        insert.setString(10, clock.taskId());
        insert.setTimestamp(11, Timestamp.from(clock.runningSince()));
        insert.setTimestamp(12, Timestamp.from(clock.dueAt()));
        insert.setTimestamp(13, timestamp(clock.checkAt()));
        insert.setTimestamp(14, Timestamp.from(clock.runningSince()));
        insert.setTimestamp(15, Timestamp.from(clock.runningSince()));
    }

    /** The clock of this step in this scope that waits for a supplement. */
    Optional<StepClock> paused(String scopeId, String step) {
        return table().query("SELECT " + COLUMNS + " FROM step_clock WHERE scope_id = ? AND step = ? AND state = 'PAUSED' ORDER BY id DESC",
                StepClocks::row, scopeId, step).stream().findFirst();
    }

    /** The clock of this step in this scope whose task just ended (sent back for a supplement). */
    Optional<StepClock> waiting(String scopeId, String step) {
        return table().query("SELECT " + COLUMNS + " FROM step_clock WHERE scope_id = ? AND step = ? AND state = 'WAITING' ORDER BY id DESC",
                StepClocks::row, scopeId, step).stream().findFirst();
    }

    Optional<StepClock> byTask(String taskId) {
        return table().query("SELECT " + COLUMNS + " FROM step_clock WHERE task_id = ?", StepClocks::row, taskId).stream().findFirst();
    }

    Optional<StepClock> byId(long id) {
        return table().query("SELECT " + COLUMNS + " FROM step_clock WHERE id = ?", StepClocks::row, id).stream().findFirst();
    }

    List<StepClock> ofCase(long caseId) {
        return table().query("SELECT " + COLUMNS + " FROM step_clock WHERE case_id = ? ORDER BY id", StepClocks::row, caseId);
    }

    void run(long id, String taskId, Instant since, Instant due, Instant checkAt) {
        table().update("UPDATE step_clock SET state = 'RUNNING', task_id = ?, running_since = ?, due_at = ?, check_at = ?, updated_at = ? "
                + "WHERE id = ?", taskId, Timestamp.from(since), Timestamp.from(due), timestamp(checkAt),
                Timestamp.from(since), id);
    }

    void stop(long id, int elapsedDays, Instant now) {
        table().update("UPDATE step_clock SET state = 'WAITING', task_id = NULL, elapsed_days = ?, check_at = NULL, updated_at = ? "
                + "WHERE id = ?", elapsedDays, Timestamp.from(now), id);
    }

    /**
     * Stops the clock if it has not been marked overdue, tested on the row as it is when locked (an overdue check
     * committed since the clock was read counts); false when it has been, and it is left as it was.
     */
    boolean stopUnlessOverdue(long id, int elapsedDays, Instant now) {
        return table().update("UPDATE step_clock SET state = 'WAITING', task_id = NULL, elapsed_days = ?, check_at = NULL, updated_at = ? "
                + "WHERE id = ? AND overdue_at IS NULL", elapsedDays, Timestamp.from(now), id) == 1;
    }

    /**
     * Stops the clock of this task in one statement, adding {@code usedDays} to its elapsed days, if it has been
     * running since {@code day} (Asia/Shanghai) and has not been marked overdue, tested on the row as it is when
     * locked; false when the task has no such clock (none, one running since another day, or one overdue), and
     * nothing is changed.
     */
    boolean stopIfRunningSince(String taskId, LocalDate day, int usedDays, Instant now) {
        return table().update("UPDATE step_clock SET state = 'WAITING', task_id = NULL, elapsed_days = elapsed_days + ?, check_at = NULL, "
                        + "updated_at = ? WHERE task_id = ? AND overdue_at IS NULL AND running_since >= ? AND running_since < ?",
                usedDays, Timestamp.from(now), taskId, Timestamp.from(day.atStartOfDay(WorkingDays.CHINA).toInstant()),
                Timestamp.from(day.plusDays(1).atStartOfDay(WorkingDays.CHINA).toInstant())) > 0;
    }

    void pause(long id, Instant now) {
        table().update("UPDATE step_clock SET state = 'PAUSED', check_at = NULL, updated_at = ? WHERE id = ?", Timestamp.from(now), id);
    }

    void unpause(long id, Instant now) {
        table().update("UPDATE step_clock SET state = 'WAITING', updated_at = ? WHERE id = ? AND state = 'PAUSED'", Timestamp.from(now), id);
    }

    /**
     * Marks the reminder of the clock running for this task sent, its next check at {@code nextCheck} (none: null);
     * false when it had been, or the task's clock stopped meanwhile (so a reminder is published once, and only for a
     * step still running), tested on the row as it is when locked.
     */
    boolean markReminded(long id, String taskId, Instant now, Instant nextCheck) {
        return table().update("UPDATE step_clock SET reminded_at = ?, check_at = ?, updated_at = ? "
                        + "WHERE id = ? AND task_id = ? AND state = 'RUNNING' AND reminded_at IS NULL",
                Timestamp.from(now), timestamp(nextCheck), Timestamp.from(now), id, taskId) == 1;
    }

    /** The running clocks whose next check is due at {@code now}, earliest first, at most {@code limit} (V58 ix_step_clock_check). */
    List<StepClock> checksDue(Instant now, int limit) {
        return table().query("SELECT " + COLUMNS + " FROM step_clock WHERE check_at <= ? ORDER BY check_at, id LIMIT ?",
                StepClocks::row, Timestamp.from(now), limit);
    }

    /** Puts the clock's next check off until {@code later} (a check that failed), unless it has changed since it was read. */
    void postponeCheck(long id, Instant checkAt, Instant later) {
        table().update("UPDATE step_clock SET check_at = ? WHERE id = ? AND check_at = ?", Timestamp.from(later), id, Timestamp.from(checkAt));
    }

    /** The cases of a measure with a step (not a supplement) running past its due instant at {@code now}. */
    java.util.Set<Long> casesOverdueAt(String measure, Instant now) {
        return new java.util.HashSet<>(table().queryForList("SELECT DISTINCT case_id FROM step_clock WHERE measure = ? AND kind = 'STEP' "
                + "AND state = 'RUNNING' AND case_id IS NOT NULL AND due_at IS NOT NULL AND due_at <= ?",
                Long.class, measure, Timestamp.from(now)));
    }

    /** Marks the step of the clock running for this task overdue, no check left; false when it had been, or the clock stopped meanwhile. */
    boolean markOverdue(long id, String taskId, Instant now) {
        return table().update("UPDATE step_clock SET overdue_at = ?, check_at = NULL, updated_at = ? "
                        + "WHERE id = ? AND task_id = ? AND state = 'RUNNING' AND overdue_at IS NULL",
                Timestamp.from(now), Timestamp.from(now), id, taskId) == 1;
    }

    void openSupervision(StepClock clock, String subject, String leadUnitId, Instant now) {
        jdbc.update("INSERT INTO supervision_item (step_clock_id, case_id, subject, measure, step, step_name, unit_id, lead_unit_id, "
                        + "due_at, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                clock.id(), clock.caseId(), subject, clock.measure(), clock.step(), clock.stepName(), clock.unitId(), leadUnitId,
                Timestamp.from(clock.dueAt()), Timestamp.from(now));
    }

    void closeSupervision(long clockId, Instant now) {
        jdbc.update("UPDATE supervision_item SET closed_at = ? WHERE step_clock_id = ? AND closed_at IS NULL", Timestamp.from(now), clockId);
    }

    /** The supervision list's sort keys and their columns; ties break on the id in the same direction. */
    static final Map<String, String> SUPERVISION_SORTS = Map.of("due", "due_at", "openedAt", "opened_at", "measure", "measure");

    /**
     * A page of the open items of these lead units (V23 ix_supervision_open: lead unit, open, by due time), optionally
     * of one measure and/or one acting unit; the total of them.
     */
    ListPaging.Page<SupervisionItem> openSupervisionOf(List<String> leadUnits, String measure, String unit, ListPaging paging) {
        if (leadUnits.isEmpty()) {
            return paging.page(List.of(), 0);
        }
        List<Object> args = new ArrayList<>(leadUnits);
        String where = " FROM supervision_item WHERE closed_at IS NULL AND lead_unit_id IN ("
                + String.join(", ", leadUnits.stream().map(u -> "?").toList()) + ")";
        if (measure != null) {
            where += " AND measure = ?";
            args.add(measure);
        }
        if (unit != null) {
            where += " AND unit_id = ?";
            args.add(unit);
        }
        long total = jdbc.queryForObject("SELECT COUNT(*)" + where, Long.class, args.toArray());
        if (paging.beyond(total)) {
            return paging.page(List.of(), total);
        }
        String column = SUPERVISION_SORTS.get(paging.sort());
        return paging.page(jdbc.query("SELECT id, case_id, subject, measure, step, step_name, unit_id, lead_unit_id, due_at, opened_at, closed_at"
                        + where + " ORDER BY " + column + paging.direction() + ", id" + paging.direction() + paging.limitOffset(),
                (rs, n) -> new SupervisionItem(rs.getLong("id"), rs.getString("subject"), rs.getString("measure"), rs.getString("step"),
                        rs.getString("step_name"), rs.getString("unit_id"), rs.getString("lead_unit_id"), instant(rs, "due_at"),
                        instant(rs, "opened_at"), instant(rs, "closed_at")),
                args.toArray()), total);
    }

    List<SupervisionItem> supervisionOfCase(long caseId) {
        return jdbc.query("SELECT id, case_id, subject, measure, step, step_name, unit_id, lead_unit_id, due_at, opened_at, closed_at "
                        + "FROM supervision_item WHERE case_id = ? ORDER BY id",
                (rs, n) -> new SupervisionItem(rs.getLong("id"), rs.getString("subject"), rs.getString("measure"), rs.getString("step"),
                        rs.getString("step_name"), rs.getString("unit_id"), rs.getString("lead_unit_id"), instant(rs, "due_at"),
                        instant(rs, "opened_at"), instant(rs, "closed_at")), caseId);
    }

    private static StepClock row(ResultSet rs, int n) throws SQLException {
        return new StepClock(rs.getLong("id"), nullableLong(rs, "case_id"), rs.getString("measure"), rs.getString("process_instance_id"),
                rs.getString("scope_id"), rs.getString("step"), rs.getString("step_name"), StepClock.Kind.valueOf(rs.getString("kind")),
                rs.getString("unit_id"), rs.getInt("limit_days"), rs.getInt("elapsed_days"), StepClock.State.valueOf(rs.getString("state")),
                rs.getString("task_id"), instant(rs, "running_since"), instant(rs, "due_at"), instant(rs, "reminded_at"),
                instant(rs, "overdue_at"), instant(rs, "check_at"));
    }

}
