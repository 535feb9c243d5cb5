package cn.huiqi.assistance;

import java.util.function.Predicate;

import cn.huiqi.common.Label;

/** One count of the figures (docs/assistance.md "Figures"): which demands it counts. */
enum DemandFigure {
    RECEIVED("received", Label.of("受理诉求数（收到）", "Received"), d -> true),
    ACCEPTED("accepted", Label.of("已受理", "Accepted"), d -> d.acceptedAt() != null),
    ACCEPTED_ON_TIME("acceptedOnTime", Label.of("按时受理", "Accepted on time"), d -> Boolean.TRUE.equals(d.acceptedOnTime())),
    SOLVED("solved", Label.of("已解决", "Solved"), d -> d.replyOutcome() == ReplyOutcome.SOLVED),
    PARTLY_SOLVED("partlySolved", Label.of("部分解决", "Partly solved"), d -> d.replyOutcome() == ReplyOutcome.PARTLY_SOLVED),
    REPLIED("replied", Label.of("已答复", "Replied"), d -> d.repliedAt() != null),
    REPLIED_ON_TIME("repliedOnTime", Label.of("按时答复", "Replied on time"), d -> Boolean.TRUE.equals(d.repliedOnTime())),
    RATED("rated", Label.of("已评价", "Rated"), d -> d.rating() != null),
    SATISFIED("satisfied", Label.of("满意（含基本满意）", "Satisfied (incl. basically)"),
            d -> d.rating() == Rating.SATISFIED || d.rating() == Rating.BASICALLY_SATISFIED),
    OVERDUE_NOW("overdueNow", Label.of("当前超时", "Overdue now"), DemandFacts::overdueNow);

    private final String code;
    private final Label label;
    private final Predicate<DemandFacts> counts;

    DemandFigure(String code, Label label, Predicate<DemandFacts> counts) {
        this.code = code;
        this.label = label;
        this.counts = counts;
    }

    String code() { return code; }
    Label label() { return label; }
    boolean counts(DemandFacts demand) { return counts.test(demand); }

    static DemandFigure ofCode(String code) {
        for (DemandFigure figure : values()) {
            if (figure.code.equals(code)) {
                return figure;
            }
        }
        return null;
    }
}
