package cn.huiqi.assistance;

import java.util.List;

import cn.huiqi.common.Label;

/**
 * How the figures are grouped. By unit a demand is received by every unit it was assigned to and its outcome counts for
 * the unit that answers for it ({@link DemandFacts#answeringUnit}); by locality and by category it counts once.
 */
enum FigureGrouping {
    UNIT("unit", Label.of("按办理单位", "By handling unit")),
    LOCALITY("locality", Label.of("按属地", "By locality")),
    CATEGORY("category", Label.of("按诉求类别", "By category"));

    private final String code;
    private final Label label;

    FigureGrouping(String code, Label label) {
        this.code = code;
        this.label = label;
    }

    String code() { return code; }
    Label label() { return label; }

    /** The keys a demand counts under for this figure. */
    List<String> keysOf(DemandFacts demand, DemandFigure figure) {
        return switch (this) {
            case UNIT -> figure == DemandFigure.RECEIVED ? demand.receivingUnits() : List.of(demand.answeringUnit());
            case LOCALITY -> List.of(demand.localityUnit());
            case CATEGORY -> List.of(demand.category().name());
        };
    }

    static FigureGrouping ofCode(String code) {
        for (FigureGrouping grouping : values()) {
            if (grouping.code.equals(code)) {
                return grouping;
            }
        }
        return null;
    }
}
