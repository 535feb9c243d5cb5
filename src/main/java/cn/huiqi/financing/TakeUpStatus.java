package cn.huiqi.financing;

import cn.huiqi.common.Label;

/** Where one institution's take-up of a demand stands. Only ACTIVE holds one of the three slots. */
public enum TakeUpStatus {
    ACTIVE(Label.of("对接中", "Working on it")),
    OFFERED(Label.of("已授信", "Credit offered")),
    DECLINED(Label.of("不予授信", "Declined")),
    LAPSED(Label.of("超时未决", "Lapsed")),
    ACCEPTED(Label.of("企业已选定", "Accepted by the enterprise")),
    NOT_CHOSEN(Label.of("企业未选定", "Not chosen")),
    GRANTED(Label.of("已放款", "Loan granted")),
    ENDED(Label.of("已终止", "Ended"));

    private final Label label;

    TakeUpStatus(Label label) {
        this.label = label;
    }

    public Label label() { return label; }
}
