package cn.huiqi.evaluation;

import cn.huiqi.common.Label;

/** Where an evaluation round stands; the process of the round (docs/evaluation.md "Process") moves it past CONFIRMATION. */
public enum EvaluationStatus {
    DATA_ENTRY(Label.of("数据填报", "Data entry")),
    CONFIRMATION(Label.of("数据确认", "Confirmation")),
    SCORING(Label.of("评分排名", "Scoring")),
    PROPOSED(Label.of("已提出建议", "Proposed")),
    APPROVED(Label.of("市政府已审定", "Approved")),
    CIRCULATED(Label.of("已通报", "Circulated")),
    AWARDED(Label.of("已奖励", "Awarded"));

    private final Label label;

    EvaluationStatus(Label label) {
        this.label = label;
    }

    public Label label() {
        return label;
    }
}
