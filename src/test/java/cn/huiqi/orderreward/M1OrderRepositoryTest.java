package cn.huiqi.orderreward;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import cn.huiqi.casefile.Applicant;
import cn.huiqi.casefile.ApplicationSubmission;
import cn.huiqi.casefile.ApplicationTypes;
import cn.huiqi.casefile.CaseLifecycles;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.testsupport.ProcessTestSupport;

/**
 * A case's orders are read once per transaction (common.TransactionRows), and a read after a write in the same
 * transaction sees the write: the held list is the written one, or it is read again. The orders of a case just opened
 * are its list as inserted, with their ids.
 */
class M1OrderRepositoryTest extends ProcessTestSupport {

    @Autowired
    M1OrderRepository orders;
    @Autowired
    ApplicationSubmission submission;
    @Autowired
    ApplicationTypes types;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    CaseLifecycles lifecycles;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void oneListPerTransactionAndEveryWriteSeenByTheNextRead() {
        String applicant = newEnterpriseUser("donghu");
        String caseNumber = as(applicant, () -> submission.submit(types.forMeasure("M1").orElseThrow(), "orders-" + System.nanoTime(),
                orders("60000000.00", "2023-08-18")).view().caseNumber());
        Long caseId = cases.findByCaseNumber(caseNumber).orElseThrow().getId();

        // without a transaction every read is its own
        assertThat(orders.findByCaseIdOrderByLineNo(caseId)).isNotSameAs(orders.findByCaseIdOrderByLineNo(caseId));

        transaction.executeWithoutResult(status -> {
            List<M1Order> read = orders.findByCaseIdOrderByLineNo(caseId);
            assertThat(orders.findByCaseIdOrderByLineNo(caseId)).isSameAs(read);

            // the held object written: still held, and what the next read answers
            read.get(0).verify(M1Order.Verification.ACCEPTED, null, "donghu-verifier");
            orders.saveVerification(read.get(0));
            assertThat(orders.findByCaseIdOrderByLineNo(caseId)).isSameAs(read);

            // another copy of the row written: the next read reads the row again
            M1Order copy = orders.findByContractKey(read.get(0).getContractKey()).orElseThrow();
            copy.verify(M1Order.Verification.NOT_ACCEPTED, "不符合", "gxj-reviewer");
            orders.saveVerification(copy);
            List<M1Order> again = orders.findByCaseIdOrderByLineNo(caseId);
            assertThat(again).isNotSameAs(read);
            assertThat(again.get(0).getVerification()).isEqualTo(M1Order.Verification.NOT_ACCEPTED);

            // the contracts released: read again, without their keys
            orders.releaseContracts(caseId);
            assertThat(orders.findByCaseIdOrderByLineNo(caseId)).extracting(M1Order::getContractKey).containsOnlyNulls();
            status.setRollbackOnly();
        });

        // a new transaction reads the rows (the changes above were rolled back)
        List<M1Order> afterRollback = transaction.execute(status -> orders.findByCaseIdOrderByLineNo(caseId));
        assertThat(afterRollback).extracting(M1Order::getVerification).containsOnly(M1Order.Verification.PENDING);
    }

    @Test
    void theOrdersOfACaseJustOpenedAreItsListAsInserted() {
        List<M1Order> held = transaction.execute(status -> {
            CaseRecord opened = new CaseRecord("M1", Applicant.enterprise(jdbc.queryForObject("SELECT MIN(id) FROM enterprise", Long.class)),
                    "donghu", "TEST-" + System.nanoTime(), null, "{}", "tester", lifecycles.of("M1").initial());
            cases.save(opened);
            orders.insertOfNewCase(opened.getId(), List.of(new M1Order(opened.getId(), line(2)), new M1Order(opened.getId(), line(1))));
            List<M1Order> list = orders.findByCaseIdOrderByLineNo(opened.getId());
            assertThat(orders.findByCaseIdOrderByLineNo(opened.getId())).isSameAs(list);
            return list;
        });
        List<M1Order> read = orders.findByCaseIdOrderByLineNo(held.get(0).getCaseId());
        assertThat(held).extracting(M1Order::getLineNo).containsExactly(1, 2);
        assertThat(held).usingRecursiveFieldByFieldElementComparator().isEqualTo(read);
        assertThat(held).extracting(M1Order::getId).doesNotContainNull();
    }

    private static OrderApplication.Line line(int lineNo) {
        return new OrderApplication.Line(lineNo, "上海某某贸易有限公司", "HT-" + java.util.UUID.randomUUID(), LocalDate.of(2023, 8, lineNo),
                new BigDecimal("1000000.00"), "发货单 FH-00" + lineNo);
    }
}
