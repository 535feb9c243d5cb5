package cn.huiqi.common;

import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * The last chance for a transaction's queued rows: called (Spring Boot registers it with the transaction manager)
 * after every synchronization's {@code beforeCommit} and {@code beforeCompletion}, right before the commit and only
 * then. It writes the rows appended while the transaction was committing already, which a queue's own
 * {@code beforeCommit} did not see (see {@link TransactionQueue}).
 */
@Component
class QueuedRowsAtCommit implements TransactionExecutionListener {

    @Override
    public void beforeCommit(TransactionExecution transaction) {
        TransactionQueue.writeAllForCommit();
    }
}
