package cn.huiqi.casefile;

import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * The last chance for a transaction's timeline lines: called (Spring Boot registers it with the transaction manager)
 * after every synchronization's {@code beforeCommit} and {@code beforeCompletion}, right before the commit and only
 * then. It writes the lines appended while the transaction was committing already, which the queue's own
 * {@code beforeCommit} did not see (see {@link TransactionQueue}).
 */
@Component
class TimelineAtCommit implements TransactionExecutionListener {

    private final CaseEventRepository events;

    TimelineAtCommit(CaseEventRepository events) {
        this.events = events;
    }

    @Override
    public void beforeCommit(TransactionExecution transaction) {
        events.writeQueuedForCommit();
    }
}
