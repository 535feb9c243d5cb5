package cn.huiqi.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.huiqi.testsupport.ProcessTestSupport;

/**
 * The lines a transaction records are written together as it commits (or when it reads the timeline), in the order
 * recorded; a rollback writes none; lines recorded while the transaction commits, or without one, are written too.
 */
class CaseTimelineBatchTest extends ProcessTestSupport {

    @Autowired
    CaseTimeline timeline;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;

    private CaseRecord caseRecord;
    private int before;

    @BeforeEach
    void aCase() {
        caseRecord = caseOf(apply(newEnterpriseUser("donghu"), "m1-order-reward", orders("60000000.00", "2023-08-01")));
        before = actions().size();
    }

    @Test
    void aTransactionsLinesAreWrittenAsItCommitsInOrder() {
        transaction.executeWithoutResult(status -> {
            timeline.record(caseRecord, "T_ONE", "1");
            timeline.record(caseRecord, "T_TWO", "2");
            assertThat(rowsInDatabase()).as("queued, not yet written").isEqualTo(before);
            timeline.record(caseRecord, "T_THREE", "3");
        });
        assertThat(actions()).endsWith("T_ONE", "T_TWO", "T_THREE").hasSize(before + 3);
    }

    @Test
    void readingTheTimelineWithinTheTransactionSeesItsLines() {
        transaction.executeWithoutResult(status -> {
            timeline.record(caseRecord, "T_ONE", "1");
            assertThat(timeline.of(caseRecord)).extracting(CaseEvent::getAction).endsWith("T_ONE");
            timeline.record(caseRecord, "T_TWO", "2");
            timeline.writeQueued();
            assertThat(rowsInDatabase()).isEqualTo(before + 2);
            timeline.record(caseRecord, "T_THREE", "3");
        });
        assertThat(actions()).endsWith("T_ONE", "T_TWO", "T_THREE").hasSize(before + 3);
    }

    @Test
    void aRollbackWritesNothing() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            timeline.record(caseRecord, "T_ONE", "1");
            throw new IllegalStateException("step failed");
        })).isInstanceOf(IllegalStateException.class);
        transaction.executeWithoutResult(status -> {
            timeline.record(caseRecord, "T_TWO", "2");
            status.setRollbackOnly();
        });
        assertThat(actions()).hasSize(before);
    }

    @Test
    void linesRecordedWhileCommittingAreWritten() {
        transaction.executeWithoutResult(status -> {
            // before the queue's own synchronization: its first line comes while the transaction commits
            atBeforeCommit(() -> timeline.record(caseRecord, "T_FIRST_WHILE_COMMITTING", null));
            atBeforeCompletion(() -> timeline.record(caseRecord, "T_AT_COMPLETION", null));
        });
        transaction.executeWithoutResult(status -> {
            timeline.record(caseRecord, "T_QUEUED", null);
            // after the queue's synchronization: its line comes once the queue is written
            atBeforeCommit(() -> timeline.record(caseRecord, "T_AFTER_THE_QUEUE", null));
        });
        assertThat(actions()).endsWith("T_FIRST_WHILE_COMMITTING", "T_AT_COMPLETION", "T_QUEUED", "T_AFTER_THE_QUEUE")
                .hasSize(before + 4);
    }

    @Test
    void aSuspendedTransactionWritesItsLinesFirst() {
        TransactionTemplate inner = new TransactionTemplate(transaction.getTransactionManager());
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        transaction.executeWithoutResult(status -> {
            timeline.record(caseRecord, "T_OUTER", null);
            inner.executeWithoutResult(innerStatus -> timeline.record(caseRecord, "T_INNER", null));
            timeline.record(caseRecord, "T_OUTER_AGAIN", null);
            assertThat(rowsInDatabase()).as("the outer line, written as the transaction was suspended, and the inner one")
                    .isEqualTo(before + 2);
        });
        List<CaseEvent> lines = timeline.of(caseRecord);
        assertThat(lines).extracting(CaseEvent::getAction).endsWith("T_OUTER", "T_INNER", "T_OUTER_AGAIN").hasSize(before + 3);
        assertThat(lines.get(before).getId()).as("ids in the order recorded").isLessThan(lines.get(before + 1).getId());
    }

    @Test
    void withoutATransactionALineIsWrittenAtOnce() {
        timeline.record(caseRecord, "T_ALONE", null);
        assertThat(rowsInDatabase()).isEqualTo(before + 1);
    }

    private static void atBeforeCommit(Runnable work) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                work.run();
            }
        });
    }

    private static void atBeforeCompletion(Runnable work) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCompletion() {
                work.run();
            }
        });
    }

    private int rowsInDatabase() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM case_event WHERE case_id = ?", Integer.class, caseRecord.getId());
    }

    private List<String> actions() {
        return timeline.of(caseRecord).stream().map(CaseEvent::getAction).toList();
    }
}
