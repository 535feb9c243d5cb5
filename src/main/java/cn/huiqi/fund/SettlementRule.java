package cn.huiqi.fund;

import cn.huiqi.common.Label;

/**
 * What a measure's settlement does when the approved rewards ask for more than its pool holds
 * (洪府办发〔2023〕81号, measure 1: "总奖励金额不超过500万元"). The ledger only stores and exposes the rule
 * (setting {@code huiqi.fund.rules.M1}); the settlement process applies it. The names match
 * {@code cn.huiqi.settlement.Allocation.Rule}, so {@code Allocation.Rule.valueOf(rule.name())} maps them.
 */
public enum SettlementRule {
    /** Default: every approved reward scaled by pool ÷ total asked, rounded down to the fen. */
    PRO_RATA(Label.of("按比例缩减", "pro-rata scaling")),
    /** By submission time: each reward in full while the pool holds it. */
    FIRST_COME_FIRST_SERVED(Label.of("按提交时间先到先得", "first come, first served by submission time"));

    private final Label label;

    SettlementRule(Label label) {
        this.label = label;
    }

    public Label label() { return label; }
}
