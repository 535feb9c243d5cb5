package cn.huiqi.financing;

import cn.huiqi.common.Label;

/** With whom a consent shares the demand. */
public enum Audience {
    ALL(Label.of("全部金融机构", "All institutions")),
    CHOSEN(Label.of("指定金融机构", "Chosen institutions"));

    private final Label label;

    Audience(Label label) {
        this.label = label;
    }

    public Label label() { return label; }
}
