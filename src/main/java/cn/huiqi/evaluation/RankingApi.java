package cn.huiqi.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What {@link EvaluationRanking} takes and gives: plain inputs (the round, its indicator set and figures are elsewhere). */
public final class RankingApi {

    private RankingApi() {
    }

    /** The versions of the two decisions that decide this ranking (the round pins them). */
    public record DecisionVersions(int score, int award) {
    }

    /** One indicator of the set, in the set's order (the order also breaks ties); the target unless a locality has its own. */
    public record Indicator(String code, String nameZh, IndicatorDirection direction, BigDecimal target) {
    }

    /** A locality's figures by indicator code; {@code targets} overrides the set's target for this locality (may be empty). */
    public record Locality(String unitId, String nameZh, int sortOrder, Map<String, BigDecimal> figures, Map<String, BigDecimal> targets) {
        public Locality(String unitId, String nameZh, int sortOrder, Map<String, BigDecimal> figures) {
            this(unitId, nameZh, sortOrder, figures, Map.of());
        }
    }

    /**
     * @param measure           the measure's id as the award table reads it
     * @param groups            unit id → group ({@link LocalityGroups#current()} unless given otherwise)
     * @param safetyVetoApplies whether the measure has the safety veto (measure 6: "在保障生产安全的前提下")
     * @param vetoed            unit ids vetoed for the period (must be empty when the measure has no veto)
     */
    public record Request(String measure, DecisionVersions versions, List<Indicator> indicators, List<Locality> localities,
                          Map<String, EvaluationGroup> groups, boolean safetyVetoApplies, Set<String> vetoed) {
    }

    public record IndicatorScore(String code, BigDecimal figure, BigDecimal target, BigDecimal score) {
    }

    /**
     * One locality's line: its scores in the set's order, total, group, rank in the group, award (0 when vetoed),
     * the veto flag and, when it shares its total with another of its group, how the tie was broken.
     */
    public record Line(String unitId, String nameZh, EvaluationGroup group, List<IndicatorScore> scores, BigDecimal total,
                       int rankInGroup, BigDecimal award, boolean vetoed, String tieBreak) {
    }

    /**
     * The ranking: lines by group (districts, counties, development zones) and rank; the declared tie-break rule as
     * text; the total of the awards (checked against the pools when the funds are allocated). {@code provisional}
     * (with {@code provisionalNote}) while either table's version marks its figures 系统默认值 and staff have not
     * confirmed them on the rules page: every page showing scores or awards must say so. {@code vetoedAwardRule}: with
     * the veto, the declared rule for a vetoed place's award (not passed down, 系统默认值).
     */
    public record Ranking(String measure, DecisionVersions versions, String tieBreakRule, String vetoReading, List<Line> lines,
                          BigDecimal totalAward, boolean provisional, String provisionalNote, String vetoedAwardRule) {
    }
}
