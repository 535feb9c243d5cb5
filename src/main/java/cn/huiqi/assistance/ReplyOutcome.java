package cn.huiqi.assistance;

import cn.huiqi.common.Label;

/** What the handling unit's reply says came of a demand. */
enum ReplyOutcome {
    SOLVED(Label.of("已解决", "Solved")),
    PARTLY_SOLVED(Label.of("部分解决", "Partly solved")),
    NOT_NOW(Label.of("暂不能解决", "Cannot be solved for now"));

    private final Label label;

    ReplyOutcome(Label label) {
        this.label = label;
    }

    Label label() { return label; }
}
