package cn.huiqi.financing;

import cn.huiqi.casefile.CaseStatus;
import cn.huiqi.common.Label;

/**
 * Where a financing demand (a measure 8 case) stands. SUBMITTED → (RETURNED → SUBMITTED …) → PUBLISHED → TAKEN_UP →
 * ACCEPTED → GRANTED; nothing taken up in time → COORDINATING (published again, or on the next matchmaking event, or
 * referred to a government financing guarantee) or CLOSED; REJECTED at screening; WITHDRAWN by the enterprise.
 */
public enum FinancingStatus implements CaseStatus {
    SUBMITTED(Label.of("待审核", "Awaiting screening")),
    RETURNED(Label.of("退回补充", "Returned for supplement")),
    PUBLISHED(Label.of("已发布", "Published")),
    TAKEN_UP(Label.of("对接中", "Taken up")),
    ACCEPTED(Label.of("已选定", "Offer accepted")),
    GRANTED(Label.of("已放款", "Loan granted")),
    CLOSED(Label.of("已办结", "Closed")),
    COORDINATING(Label.of("市金融办协调中", "Coordinated by jrb")),
    REJECTED(Label.of("不予发布", "Not published")),
    WITHDRAWN(Label.of("企业撤回", "Withdrawn"));

    private final Label label;

    FinancingStatus(Label label) {
        this.label = label;
    }

    @Override
    public Label label() { return label; }

    @Override
    public boolean isFinal() {
        return this == GRANTED || this == CLOSED || this == REJECTED || this == WITHDRAWN;
    }

    /** Institutions may see it (with consent) and take it up. */
    boolean open() {
        return this == PUBLISHED || this == TAKEN_UP || this == COORDINATING;
    }

    /** Published or later: what an institution that took it up may still read while consent stands. */
    boolean publishedOrLater() {
        return this != SUBMITTED && this != RETURNED && this != REJECTED;
    }
}
