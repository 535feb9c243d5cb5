package cn.huiqi.financing;

import cn.huiqi.common.Label;

/** What 市金融办 (jrb) decided when nothing came of a publication (Task_Coordinate). */
public enum CoordinationOutcome {
    REPUBLISH(Label.of("重新发布", "Published again")),
    NEXT_EVENT(Label.of("列入下一场产融对接活动", "Put on the next matchmaking event")),
    GUARANTEE(Label.of("推荐政府性融资担保", "Referred to a government financing guarantee")),
    CLOSE(Label.of("办结", "Closed"));

    private final Label label;

    CoordinationOutcome(Label label) {
        this.label = label;
    }

    public Label label() { return label; }
}
