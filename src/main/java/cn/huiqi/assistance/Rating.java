package cn.huiqi.assistance;

import cn.huiqi.common.Label;

/** The enterprise's rating of the reply (回访评价). */
enum Rating {
    SATISFIED(Label.of("满意", "Satisfied")),
    BASICALLY_SATISFIED(Label.of("基本满意", "Basically satisfied")),
    DISSATISFIED(Label.of("不满意", "Dissatisfied"));

    private final Label label;

    Rating(Label label) {
        this.label = label;
    }

    Label label() { return label; }
}
