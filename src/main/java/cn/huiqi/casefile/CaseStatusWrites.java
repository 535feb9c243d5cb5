package cn.huiqi.casefile;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Writes a status move ({@link CaseLifecycles#moveTo} publishes it) before anyone else hears of it: one UPDATE of the
 * case's changed columns (of a case this transaction opened, with its other changes before the commit:
 * {@link CaseRecordRepository#save}), so no caller of moveTo saves the case for its status.
 */
@Component
class CaseStatusWrites {

    private final CaseRecordRepository cases;

    CaseStatusWrites(CaseRecordRepository cases) {
        this.cases = cases;
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void write(CaseStatusChanged change) {
        cases.save(change.caseRecord());
    }
}
