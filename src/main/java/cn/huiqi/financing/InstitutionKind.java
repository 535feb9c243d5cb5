package cn.huiqi.financing;

import cn.huiqi.common.Label;

/** What a financial institution is (measure 8): 银行, 担保机构 or 基金管理人. */
public enum InstitutionKind {
    BANK("银行", "Bank"),
    GUARANTEE("担保机构", "Guarantee institution"),
    FUND_MANAGER("基金管理人", "Fund manager");

    private final Label label;

    InstitutionKind(String zh, String en) {
        this.label = Label.of(zh, en);
    }

    public Label label() {
        return label;
    }
}
