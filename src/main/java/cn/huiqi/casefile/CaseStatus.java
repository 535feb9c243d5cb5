package cn.huiqi.casefile;

/** Where a reward case stands, as the enterprise sees it. */
public enum CaseStatus {
    SUBMITTED("已提交", "Submitted"),
    NOT_ELIGIBLE("不符合条件", "Not eligible"),
    LOCALITY_VERIFICATION("属地核实中", "Locality verification"),
    SUPPLEMENT_REQUESTED("待补正材料", "Supplement requested"),
    CITY_REVIEW("市级审核中", "City review"),
    AWAITING_SETTLEMENT("待结算", "Awaiting settlement"),
    PUBLIC_NOTICE("公示中", "Public notice"),
    DISBURSEMENT("待拨付", "Awaiting disbursement"),
    PAID("已拨付", "Paid"),
    REJECTED("已驳回", "Rejected"),
    NOT_FUNDED("资金池已用尽，未获拨付", "Not funded: the pool is exhausted");

    private final String zh;
    private final String en;

    CaseStatus(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() { return zh; }
    public String en() { return en; }

    public boolean isFinal() {
        return this == NOT_ELIGIBLE || this == PAID || this == REJECTED || this == NOT_FUNDED;
    }
}
