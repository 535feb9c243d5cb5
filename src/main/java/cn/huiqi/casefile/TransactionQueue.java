package cn.huiqi.casefile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows appended within a transaction, written together (one JDBC batch) just before it commits, or earlier when
 * {@link #flush() flushed} (before SQL that reads them), in the order appended. A transaction that rolls back writes
 * nothing; one that is suspended writes its rows first (ids are handed out in writing order). Without a transaction,
 * and once the transaction has written its rows on its way to the commit (later synchronizations, after-commit work),
 * each row is written at once.
 * <p>
 * Spring calls {@code beforeCommit} only on the synchronizations registered before the commit began: rows a transaction
 * first appends while committing (in another synchronization's {@code beforeCommit} or {@code beforeCompletion}) wait
 * for {@link #flushForCommit()}, which a transaction execution listener calls after all of them, only on the way to a
 * commit ({@link TimelineAtCommit}).
 *
 * @param <T> the row's object
 */
final class TransactionQueue<T> {

    private final Consumer<List<T>> writer;

    /** {@code writer} writes rows of the current transaction (or of none), in the given order. */
    TransactionQueue(Consumer<List<T>> writer) {
        this.writer = writer;
    }

    void add(T row) {
        Pending pending = pending();
        if (pending == null) {
            writer.accept(List.of(row));
        } else {
            pending.rows.add(row);
        }
    }

    /** Writes the rows the current transaction has queued, now. */
    void flush() {
        Pending pending = bound();
        if (pending != null) {
            pending.write();
        }
    }

    /** Writes the rows the current transaction has queued, now; rows it appends from now on are written at once. */
    void flushForCommit() {
        Pending pending = bound();
        if (pending != null) {
            pending.writeForCommit();
        }
    }

    /** The current transaction's rows, or null: no transaction, or one on its way to the commit. */
    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive() || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        Pending pending = bound();
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return pending.committing ? null : pending;
    }

    @SuppressWarnings("unchecked")
    private Pending bound() {
        return (Pending) TransactionSynchronizationManager.getResource(this);
    }

    private final class Pending implements TransactionSynchronization {

        final List<T> rows = new ArrayList<>();
        boolean committing;

        void write() {
            if (!rows.isEmpty()) {
                List<T> batch = List.copyOf(rows);
                rows.clear();
                writer.accept(batch);
            }
        }

        void writeForCommit() {
            committing = true;
            write();
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            writeForCommit();
        }

        /** The transaction that runs meanwhile may append too: these rows come first. */
        @Override
        public void suspend() {
            write();
            TransactionSynchronizationManager.unbindResource(TransactionQueue.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(TransactionQueue.this, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(TransactionQueue.this);
        }
    }
}
