package cn.huiqi.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows appended within a transaction, written together (one JDBC batch: with Connector/J's
 * {@code rewriteBatchedStatements} one multi-row INSERT) just before it commits, or earlier when {@link #flush()
 * flushed} (before SQL that reads or changes their table), in the order appended. A transaction that rolls back
 * writes nothing; one that is suspended writes its rows first (ids are handed out in writing order). Without a
 * transaction, and once the transaction has written its rows on its way to the commit (later synchronizations,
 * after-commit work), each row is written at once. For rows whose generated id nobody needs within the transaction
 * (the timeline's lines, new tasks' notices and step clocks); a repository that queues a table's rows flushes them
 * before every other statement of its own on that table, and SQL of another class that reads the table calls the
 * repository's flush first.
 * <p>
 * Spring calls {@code beforeCommit} only on the synchronizations registered before the commit began: rows a transaction
 * first appends while committing (in another synchronization's {@code beforeCommit} or {@code beforeCompletion}) wait
 * for {@link #flushAllForCommit()}, which a transaction execution listener calls after all of them, only on the way to
 * a commit ({@link QueuesAtCommit}).
 *
 * @param <T> the row's object
 */
public final class TransactionQueue<T> {

    private final Consumer<List<T>> writer;

    /** {@code writer} writes rows of the current transaction (or of none), in the given order. */
    public TransactionQueue(Consumer<List<T>> writer) {
        this.writer = writer;
    }

    /**
     * A queue of rows of one table written by {@code insert} (the INSERT of one row, its values set by {@code values}):
     * a single row by itself, several as one JDBC batch.
     */
    public static <T> TransactionQueue<T> inserting(JdbcTemplate jdbc, String insert, ParameterizedPreparedStatementSetter<T> values) {
        return new TransactionQueue<>(rows -> {
            if (rows.size() == 1) {
                jdbc.update(insert, ps -> values.setValues(ps, rows.get(0)));
            } else {
                jdbc.batchUpdate(insert, rows, rows.size(), values);
            }
        });
    }

    public void add(T row) {
        Pending pending = pending();
        if (pending == null) {
            writer.accept(List.of(row));
        } else {
            pending.rows.add(row);
        }
    }

    /** Writes the rows the current transaction has queued, now. */
    public void flush() {
        Pending pending = bound();
        if (pending != null) {
            pending.write();
        }
    }

    /**
     * Writes the rows the current transaction has queued in every queue, now; rows appended from now on are written at
     * once: it is committing ({@link QueuesAtCommit}).
     */
    static void flushAllForCommit() {
        boolean wrote = TransactionSynchronizationManager.isSynchronizationActive();
        while (wrote) { // a writer may queue rows of another queue
            wrote = false;
            for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
                if (synchronization instanceof TransactionQueue<?>.Pending pending && !pending.committing) {
                    pending.writeForCommit();
                    wrote = true;
                }
            }
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
