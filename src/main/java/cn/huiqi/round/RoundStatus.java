package cn.huiqi.round;

import cn.huiqi.common.Label;

/** Where a round stands on a given day (derived from its dates and an early closure, never stored). */
public enum RoundStatus {
    PLANNED(Label.of("未开始", "Planned")),
    OPEN(Label.of("申报中", "Open")),
    CLOSED(Label.of("已截止", "Closed"));

    private final Label label;

    RoundStatus(Label label) {
        this.label = label;
    }

    public Label label() {
        return label;
    }
}
