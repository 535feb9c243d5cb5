package cn.huiqi.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several tables' queues in one transaction (the timeline, new tasks' notices and step clocks): each queue's rows are
 * written as one batch as the transaction commits, in the order appended, queue after queue in the order first used;
 * a flush writes a queue's rows at once; a rollback writes nothing; a queue first used while the transaction commits is
 * written too ({@link QueuesAtCommit}); a suspended transaction's rows come first; without one a row is written at once.
 */
class TransactionQueueTest {

    /** Each write: the queue's name and the rows of its batch. */
    private final List<String> writes = new ArrayList<>();
    private final TransactionQueue<String> clocks = new TransactionQueue<>(rows -> writes.add("clocks " + rows));
    private final TransactionQueue<String> notices = new TransactionQueue<>(rows -> writes.add("notices " + rows));
    private TransactionTemplate transaction;

    @BeforeEach
    void transactions() {
        DataSourceTransactionManager manager = new DataSourceTransactionManager(
                new DriverManagerDataSource("jdbc:h2:mem:queues;DB_CLOSE_DELAY=-1", "sa", ""));
        manager.addListener(new QueuesAtCommit());
        transaction = new TransactionTemplate(manager);
    }

    @Test
    void eachQueueIsOneBatchAtTheCommitInOrder() {
        transaction.executeWithoutResult(status -> {
            notices.add("gxj");
            clocks.add("gxj");
            notices.add("swj");
            clocks.add("swj");
            assertThat(writes).as("queued, not yet written").isEmpty();
        });
        assertThat(writes).containsExactly("notices [gxj, swj]", "clocks [gxj, swj]");
    }

    @Test
    void aFlushWritesOneQueueNowAndTheRestAtTheCommit() {
        transaction.executeWithoutResult(status -> {
            clocks.add("one");
            notices.add("one");
            clocks.flush();
            assertThat(writes).containsExactly("clocks [one]");
            clocks.add("two");
        });
        assertThat(writes).containsExactly("clocks [one]", "clocks [two]", "notices [one]");
    }

    @Test
    void aRollbackWritesNothing() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            clocks.add("one");
            notices.add("one");
            throw new IllegalStateException("step failed");
        })).isInstanceOf(IllegalStateException.class);
        transaction.executeWithoutResult(status -> {
            clocks.add("two");
            status.setRollbackOnly();
        });
        assertThat(writes).isEmpty();
    }

    @Test
    void aQueueFirstUsedWhileCommittingIsWrittenAndLaterRowsAtOnce() {
        transaction.executeWithoutResult(status -> {
            clocks.add("queued");
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    notices.add("while committing");
                }

                @Override
                public void beforeCompletion() {
                    clocks.add("after its batch");
                }
            });
        });
        assertThat(writes).containsExactly("clocks [queued]", "clocks [after its batch]", "notices [while committing]");
    }

    @Test
    void aSuspendedTransactionWritesItsRowsFirst() {
        TransactionTemplate inner = new TransactionTemplate(transaction.getTransactionManager());
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        transaction.executeWithoutResult(status -> {
            clocks.add("outer");
            inner.executeWithoutResult(innerStatus -> clocks.add("inner"));
            clocks.add("outer again");
        });
        assertThat(writes).containsExactly("clocks [outer]", "clocks [inner]", "clocks [outer again]");
    }

    @Test
    void withoutATransactionARowIsWrittenAtOnce() {
        clocks.add("alone");
        assertThat(writes).containsExactly("clocks [alone]");
    }
}
