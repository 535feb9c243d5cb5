package cn.huiqi.financing;

import cn.huiqi.common.Label;

/**
 * The named data an enterprise may agree to share with institutions. The terms of the demand are the least it can
 * share (a demand without them cannot be taken up); who the enterprise is and how to reach it are its choice.
 */
public enum SharedField {
    AMOUNT(Label.of("融资金额", "Amount"), true),
    TERM(Label.of("期限", "Term"), true),
    GUARANTEE_KIND(Label.of("担保方式", "Guarantee kind"), true),
    PURPOSE(Label.of("资金用途", "Purpose"), false),
    LOCALITY(Label.of("所在县区", "Locality"), false),
    ENTERPRISE_NAME(Label.of("企业名称", "Enterprise name"), false),
    CREDIT_CODE(Label.of("统一社会信用代码", "Unified social credit code"), false),
    CONTACT(Label.of("联系人及电话", "Contact person and phone"), false),
    ORDER(Label.of("订单信息", "Order details"), false);

    private final Label label;
    private final boolean required;

    SharedField(Label label, boolean required) {
        this.label = label;
        this.required = required;
    }

    public Label label() { return label; }

    /** Shared by every consent: without it there is nothing to take up. */
    boolean required() { return required; }
}
