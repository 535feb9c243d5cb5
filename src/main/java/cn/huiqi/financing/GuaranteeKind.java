package cn.huiqi.financing;

import cn.huiqi.common.Label;

/** 担保方式 of a financing demand (issue 18 item 2). */
public enum GuaranteeKind {
    CREDIT(Label.of("信用", "Credit")),
    MORTGAGE(Label.of("抵押", "Mortgage")),
    GUARANTEE(Label.of("担保", "Guarantee")),
    ORDER_FINANCING(Label.of("订单融资", "Order financing")),
    RECEIVABLES(Label.of("应收账款", "Receivables")),
    IP_PLEDGE(Label.of("知识产权", "IP pledge"));

    private final Label label;

    GuaranteeKind(Label label) {
        this.label = label;
    }

    public Label label() { return label; }
}
