package cn.huiqi.casefile;

import cn.huiqi.common.Label;

/** Where a reward case (a measure that pays money to its applicant) stands, as the applicant sees it. */
public enum RewardStatus implements CaseStatus {
    SUBMITTED(Label.of("已提交", "Submitted")),
    NOT_ELIGIBLE(Label.of("不符合条件", "Not eligible")),
    LOCALITY_VERIFICATION(Label.of("属地核实中", "Locality verification")),
    SUPPLEMENT_REQUESTED(Label.of("待补正材料", "Supplement requested")),
    CITY_REVIEW(Label.of("市级审核中", "City review")),
    AWAITING_SETTLEMENT(Label.of("待结算", "Awaiting settlement")),
    PUBLIC_NOTICE(Label.of("公示中", "Public notice")),
    DISBURSEMENT(Label.of("待拨付", "Awaiting disbursement")),
    PAID(Label.of("已拨付", "Paid")),
    REJECTED(Label.of("已驳回", "Rejected")),
    NOT_FUNDED(Label.of("资金池已用尽，未获拨付", "Not funded: the pool is exhausted")),
    /** 视为撤回: the enterprise did not supply the requested supplement by its deadline. */
    WITHDRAWN(Label.of("已撤回", "Withdrawn"));

    private final Label label;

    RewardStatus(Label label) {
        this.label = label;
    }

    @Override
    public Label label() { return label; }

    @Override
    public boolean isFinal() {
        return this == NOT_ELIGIBLE || this == PAID || this == REJECTED || this == NOT_FUNDED || this == WITHDRAWN;
    }
}
