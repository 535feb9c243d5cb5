package cn.huiqi.common;

import java.util.HashMap;
import java.util.Map;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One object per row within a transaction, as JPA's persistence context had it: a step's listeners each ask for their
 * case (and its claim) within one command, and all of them get (and change, and save) the same object, read by one
 * SELECT. Nothing outlives the transaction: the rows are dropped when it ends, set aside while it is suspended, and
 * without a transaction every read makes its own object. Not a cache of data across requests. A repository that holds
 * its rows here writes through it: what it writes it {@link #put}s, or {@link #forget}s when it does not have the
 * written object whole (so the next read reads the row again).
 *
 * @param <V> the row's object
 */
public final class TransactionRows<V> {

    /** The object the current transaction holds for the row of this id, or null. */
    public V get(Object id) {
        Map<Object, V> rows = rows(false);
        return rows == null ? null : rows.get(id);
    }

    /** The object the current transaction holds for the row of this id if it has one, else {@code row}, held from now on. */
    public V keep(Object id, V row) {
        Map<Object, V> rows = rows(true);
        if (rows == null) {
            return row;
        }
        V held = rows.putIfAbsent(id, row);
        return held == null ? row : held;
    }

    /** {@code row} is the current transaction's object for the row of this id from now on (e.g. just written). */
    public void put(Object id, V row) {
        Map<Object, V> rows = rows(true);
        if (rows != null) {
            rows.put(id, row);
        }
    }

    /** The current transaction holds no object for the row of this id any more: the next read reads it. */
    public void forget(Object id) {
        Map<Object, V> rows = rows(false);
        if (rows != null) {
            rows.remove(id);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<Object, V> rows(boolean create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<Object, V> rows = (Map<Object, V>) TransactionSynchronizationManager.getResource(this);
        if (rows == null && create) {
            Map<Object, V> bound = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, bound);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResource(TransactionRows.this);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(TransactionRows.this, bound);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TransactionRows.this);
                }
            });
            rows = bound;
        }
        return rows;
    }
}
