package cn.huiqi.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.huiqi.claim.RewardClaim;
import cn.huiqi.testsupport.ProcessTestSupport;

/**
 * A case the transaction opened is seen by no other transaction until it commits: what changes it, and the claim opened
 * with it, are written once before the commit (or before a read of their table), never on a rollback; and what the
 * transaction wrote about it (timeline, step clocks, orders) is what a read gives, so the submission's answer is built
 * without reading them back. The case's optimistic lock (row_version) still works for the transactions after.
 */
class NewCaseWritesTest extends ProcessTestSupport {

    @Autowired
    ApplicationSubmission submission;
    @Autowired
    ApplicationTypes types;
    @Autowired
    CaseViews views;
    @Autowired
    CaseLifecycles lifecycles;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSubmissionsAnswerIsWhatAReadGivesOnceItCommitted() {
        String applicant = newEnterpriseUser("donghu");
        CaseView answered = as(applicant, () -> submission.submit(types.forMeasure("M1").orElseThrow(), "new-" + System.nanoTime(),
                orders("60000000.00", "2023-08-18", "3000000.00", "2023-09-01")).view());

        CaseView read = transaction.execute(status -> views.withTimeline(cases.findByCaseNumber(answered.caseNumber()).orElseThrow()));
        assertThat(answered.timeline()).as("the timeline it recorded").isNotEmpty().isEqualTo(read.timeline());
        assertThat(answered.steps()).as("the step clock it opened").isNotEmpty().isEqualTo(read.steps());
        assertThat(answered.application()).as("the orders it inserted").isEqualTo(read.application());
        assertThat(answered.status()).isEqualTo(read.status()).isEqualTo("LOCALITY_VERIFICATION");
        // the case inserted, then its number, process, units and status in one UPDATE; the claim inserted with its decision
        assertThat(jdbc.queryForObject("SELECT row_version FROM case_record WHERE case_number = ?", Long.class, answered.caseNumber()))
                .isEqualTo(1L);
        assertThat(jdbc.queryForMap("SELECT r.row_version, r.decision_key, r.eligible FROM reward_claim r JOIN case_record c"
                + " ON c.id = r.case_id WHERE c.case_number = ?", answered.caseNumber()))
                .containsEntry("ROW_VERSION", 0L).containsEntry("DECISION_KEY", "order-reward").containsEntry("ELIGIBLE", true);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_review_unit ru JOIN case_record c ON c.id = ru.case_id"
                + " WHERE c.case_number = ?", Integer.class, answered.caseNumber())).as("its review units").isEqualTo(2);
    }

    @Test
    void aRefusedSubmissionLeavesNothing() {
        String applicant = newEnterpriseUser("donghu");
        as(applicant, () -> submission.submit(types.forMeasure("M1").orElseThrow(), "first-" + System.nanoTime(),
                orders("60000000.00", "2023-08-18")));
        Map<String, Long> before = rows();
        // one measure 1 application per enterprise: refused by the process's first step, after the checks before the start
        assertThatThrownBy(() -> as(applicant, () -> submission.submit(types.forMeasure("M1").orElseThrow(),
                "second-" + System.nanoTime(), orders("70000000.00", "2023-08-20")))).isInstanceOf(DuplicateApplicationException.class);
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void changesOfACaseInsertedHereAreWrittenOnceBeforeTheCommitAndSeenByReads() {
        long id = transaction.execute(status -> {
            CaseRecord opened = newCase();
            cases.save(opened);
            opened.assignNumber(CaseRegistration.POLICY_YEAR);
            cases.save(opened);
            assertThat(caseNumberInDatabase(opened.getId())).as("queued").isNull();
            // a read of the table writes them first
            assertThat(cases.findByCaseNumber(opened.getCaseNumber())).containsSame(opened);
            assertThat(caseNumberInDatabase(opened.getId())).isEqualTo(opened.getCaseNumber());
            opened.flag("first");
            cases.save(opened);
            opened.flag("second");
            cases.save(opened);
            return opened.getId();
        });
        assertThat(jdbc.queryForMap("SELECT flag, row_version FROM case_record WHERE id = ?", id))
                .containsEntry("FLAG", "second").containsEntry("ROW_VERSION", 2L);

        // later transactions: written at once, checked against row_version
        CaseRecord stale = transaction.execute(status -> cases.findById(id).orElseThrow());
        transaction.executeWithoutResult(status -> {
            CaseRecord current = cases.findById(id).orElseThrow();
            current.clearFlag();
            cases.save(current);
            assertThat(jdbc.queryForObject("SELECT row_version FROM case_record WHERE id = ?", Long.class, id)).isEqualTo(3L);
        });
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            stale.flag("lost update");
            cases.save(stale);
        })).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(jdbc.queryForMap("SELECT flag, row_version FROM case_record WHERE id = ?", id))
                .containsEntry("FLAG", null).containsEntry("ROW_VERSION", 3L);
    }

    @Test
    void aChangeSavedWhileTheTransactionCommitsIsWritten() {
        long id = transaction.execute(status -> {
            CaseRecord opened = newCase();
            cases.save(opened);
            // its first change comes while the transaction commits, before the queue has a synchronization of its own
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    opened.flag("while committing");
                    cases.save(opened);
                }
            });
            return opened.getId();
        });
        assertThat(jdbc.queryForObject("SELECT flag FROM case_record WHERE id = ?", String.class, id)).isEqualTo("while committing");
    }

    @Test
    void aRollbackWritesNoneOfIt() {
        Map<String, Long> before = rows();
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            CaseRecord opened = newCase();
            cases.save(opened);
            opened.assignNumber(CaseRegistration.POLICY_YEAR);
            cases.save(opened);
            claims.open(opened, new BigDecimal("1000.00"));
            throw new IllegalStateException("step failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aNewClaimIsInsertedWithWhatWasRecordedOnItAtItsFirstSaveOrAsTheTransactionCommits() {
        long decided = transaction.execute(status -> {
            CaseRecord opened = newCase();
            cases.save(opened);
            RewardClaim claim = claims.open(opened, new BigDecimal("1000.00"));
            assertThat(claimsInDatabase(opened.getId())).as("queued").isZero();
            claim.recordDecision("order-reward", 1, null, true, new BigDecimal("500.00"), "T", null);
            claims.save(claim);
            assertThat(claimsInDatabase(opened.getId())).isEqualTo(1);
            return opened.getId();
        });
        assertThat(jdbc.queryForMap("SELECT reward_amount, row_version FROM reward_claim WHERE case_id = ?", decided))
                .containsEntry("REWARD_AMOUNT", new BigDecimal("500.00")).containsEntry("ROW_VERSION", 0L);

        long undecided = transaction.execute(status -> {
            CaseRecord opened = newCase();
            cases.save(opened);
            claims.open(opened, new BigDecimal("1000.00"));
            return opened.getId();
        });
        assertThat(claimsInDatabase(undecided)).isEqualTo(1);
    }

    private CaseRecord newCase() {
        Long enterprise = jdbc.queryForObject("SELECT MIN(id) FROM enterprise", Long.class);
        return new CaseRecord("M1", Applicant.enterprise(enterprise), "donghu", "TEST-" + System.nanoTime(), null, "{}", "tester",
                lifecycles.of("M1").initial());
    }

    private String caseNumberInDatabase(long id) {
        return jdbc.queryForObject("SELECT case_number FROM case_record WHERE id = ?", String.class, id);
    }

    private int claimsInDatabase(long caseId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM reward_claim WHERE case_id = ?", Integer.class, caseId);
    }

    private Map<String, Long> rows() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : List.of("case_record", "reward_claim", "m1_order", "case_event", "step_clock", "case_review_unit",
                "board_case", "inbox_message")) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        return counts;
    }
}
