package cn.huiqi.board;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.huiqi.timelimit.OverdueNow;

/**
 * Writes the board's rows in the transaction of the case events, once per case and transaction, just before it commits:
 * the changes of all its events (a case opened and moved on in one step) in one statement, a guarded update of the
 * remembered row, or an insert for a case opened here. Only a row this node does not know (or another node changed)
 * is read first, locked. A step that rolls back writes nothing and forgets nothing it did not write.
 */
@Component
class BoardWrites {

    /** The events of one case in one transaction. */
    private static final class Pending {
        final long caseId;
        final List<Consumer<BoardCase>> changes = new ArrayList<>();
        Supplier<BoardCase> absent;
        boolean opened;

        Pending(long caseId) {
            this.caseId = caseId;
        }
    }

    private final BoardRows rows;
    private final RememberedRows remembered;
    private final OverdueNow clock;

    BoardWrites(BoardRows rows, RememberedRows remembered, OverdueNow clock) {
        this.rows = rows;
        this.remembered = remembered;
        this.clock = clock;
    }

    /** A case was opened: its row, as {@code row} builds it, unless it has one already. */
    void opened(long caseId, Supplier<BoardCase> row) {
        Pending pending = pending(caseId);
        pending.opened = true;
        pending.absent = row;
        flushNowUnlessInTransaction(pending);
    }

    /** An event of the case: {@code change} applied to its row; a missing row is first built by {@code absent} (null: none). */
    void change(long caseId, Consumer<BoardCase> change, Supplier<BoardCase> absent) {
        Pending pending = pending(caseId);
        pending.changes.add(change);
        if (pending.absent == null) {
            pending.absent = absent;
        }
        flushNowUnlessInTransaction(pending);
    }

    private void flushNowUnlessInTransaction(Pending pending) {
        if (!inTransaction()) {
            write(pending).ifPresent(remembered::committed);
        }
    }

    private Optional<BoardCase> write(Pending p) {
        Instant now = clock.now();
        Optional<BoardCase> known = remembered.get(p.caseId);
        if (known.isPresent()) {
            BoardCase row = apply(known.get(), p);
            if (rows.update(row, now)) {
                return Optional.of(row);
            }
        }
        if (p.opened && known.isEmpty()) {
            BoardCase row = apply(p.absent.get(), p);
            if (rows.insert(row, now)) {
                return Optional.of(row);
            }
        }
        Optional<BoardCase> stored = rows.findForUpdate(p.caseId);
        if (stored.isPresent()) {
            BoardCase row = apply(stored.get(), p);
            rows.update(row, now); // locked since the read: the guard holds
            return Optional.of(row);
        }
        if (p.absent != null) {
            BoardCase row = apply(p.absent.get(), p);
            if (rows.insert(row, now)) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    private static BoardCase apply(BoardCase row, Pending p) {
        p.changes.forEach(change -> change.accept(row));
        return row;
    }

    private static boolean inTransaction() {
        return TransactionSynchronizationManager.isSynchronizationActive() && TransactionSynchronizationManager.isActualTransactionActive();
    }

    /** This transaction's pending events of the case (a new one, written at once, outside a transaction). */
    private Pending pending(long caseId) {
        if (!inTransaction()) {
            return new Pending(caseId);
        }
        @SuppressWarnings("unchecked")
        Map<Long, Pending> pending = (Map<Long, Pending>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Map<Long, Pending> created = new LinkedHashMap<>();
            Map<Long, BoardCase> written = new LinkedHashMap<>();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    created.values().forEach(p -> write(p).ifPresentOrElse(row -> written.put(p.caseId, row),
                            () -> remembered.forget(p.caseId)));
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(BoardWrites.this);
                    if (status == STATUS_COMMITTED) {
                        written.values().forEach(remembered::committed);
                    } else {
                        written.keySet().forEach(remembered::forget);
                    }
                }
            });
            pending = created;
        }
        return pending.computeIfAbsent(caseId, Pending::new);
    }
}
