package cn.huiqi.assistance;

import cn.huiqi.casefile.CaseStatus;
import cn.huiqi.common.Label;

/**
 * Where a demand (a measure 7 case) stands. SUBMITTED → ACCEPTED → ASSIGNED (TRANSFER_REQUESTED, WAITING_ENTERPRISE)
 * → REPLIED → (REOPENED → ASSIGNED …) → CLOSED or REPORTED_UPWARD; DECLINED and MERGED end it at acceptance.
 */
enum DemandStatus implements CaseStatus {
    SUBMITTED(Label.of("待受理", "Awaiting acceptance")),
    ACCEPTED(Label.of("已受理", "Accepted")),
    ASSIGNED(Label.of("办理中", "Being handled")),
    TRANSFER_REQUESTED(Label.of("退回待定", "Transfer back requested")),
    WAITING_ENTERPRISE(Label.of("待企业补充", "Waiting for the enterprise")),
    REPLIED(Label.of("已答复待评价", "Replied, awaiting rating")),
    REOPENED(Label.of("督办重办", "Reopened under supervision")),
    CLOSED(Label.of("已办结", "Closed")),
    REPORTED_UPWARD(Label.of("已上报", "Reported upward")),
    DECLINED(Label.of("不予受理", "Declined")),
    MERGED(Label.of("已合并", "Merged"));

    private final Label label;

    DemandStatus(Label label) {
        this.label = label;
    }

    @Override
    public Label label() { return label; }

    @Override
    public boolean isFinal() {
        return this == CLOSED || this == REPORTED_UPWARD || this == DECLINED || this == MERGED;
    }
}
