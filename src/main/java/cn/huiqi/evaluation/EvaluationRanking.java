package cn.huiqi.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.evaluation.RankingApi.IndicatorScore;
import cn.huiqi.evaluation.RankingApi.Line;
import cn.huiqi.evaluation.RankingApi.Locality;

/**
 * Scores every locality's figures with DMN {@value ScoringDecisions#SCORE}, ranks the localities within their groups,
 * and gives each rank its award from DMN {@value ScoringDecisions#AWARD}, both at the versions the request names.
 * <p>
 * Ties (系统默认值, declared in {@link #tieBreakRule}): the higher total first; on equal totals the higher score on
 * the first indicator of the set, then on the next, …; when every score is equal, the unit's sort order. Every
 * locality gets its own rank, and a locality that shares its total says how it was placed.
 * <p>
 * Safety veto (measure 6 only): a vetoed locality stays in the ranking with its rank and is marked, and its award is
 * 0; the others keep the awards of their own ranks (the vetoed place's award is not passed down: {@link #VETOED_AWARD_RULE}).
 */
@Component
public class EvaluationRanking {

    /** How the system reads "在保障生产安全的前提下" (第6条); shown wherever the veto is. */
    public static final String VETO_READING = "系统对“在保障生产安全的前提下”的理解：当年发生重特大安全生产事故的地区仍参与排名，但不予奖励";

    /**
     * The declared rule for a vetoed locality's place (系统默认值): its award is not passed down to the next locality;
     * shown with every ranking of a measure with the veto.
     */
    public static final String VETOED_AWARD_RULE = "被否决地区所在名次的奖励不顺延给下一名：其余地区仍按本身名次获奖，该名次的奖励不予安排"
            + "（系统默认值，待政策部门确认） / A vetoed place's award is not passed down: the others keep their own ranks' awards"
            + " (system default, to be confirmed)";

    /** Shown with a ranking whose tables' labelled defaults are not confirmed yet. */
    public static final String PROVISIONAL_NOTE = "评分和奖励金额暂按系统默认值计算，待政策部门确认";

    private final ScoringDecisions decisions;

    EvaluationRanking(ScoringDecisions decisions) {
        this.decisions = decisions;
    }

    /** One transaction: the engine records every evaluation in its history, and one commit is far cheaper than ~90. */
    @Transactional
    public RankingApi.Ranking rank(RankingApi.Request request) {
        check(request);
        List<RankingApi.Indicator> indicators = request.indicators();
        Map<EvaluationGroup, List<Scored>> byGroup = new LinkedHashMap<>();
        for (EvaluationGroup group : EvaluationGroup.values()) {
            byGroup.put(group, new ArrayList<>());
        }
        for (Locality locality : request.localities()) {
            List<IndicatorScore> scores = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            for (RankingApi.Indicator indicator : indicators) {
                BigDecimal figure = locality.figures().get(indicator.code());
                BigDecimal target = targetOf(locality, indicator);
                BigDecimal score = decisions.score(request.versions().score(), indicator.code(), indicator.direction(), figure, target);
                if (score == null) {
                    throw new InvalidInputException("indicators." + indicator.code(),
                            "评分规则（" + ScoringDecisions.SCORE + " 第" + request.versions().score() + "版）没有适用于指标“" + indicator.nameZh()
                                    + "”（" + indicator.code() + "，" + indicator.direction() + "）的规则，请先在规则管理中补充",
                            "The scoring table (" + ScoringDecisions.SCORE + " v" + request.versions().score() + ") has no rule for indicator "
                                    + indicator.code() + " (" + indicator.direction() + "); add one on the rules page first");
                }
                if (score.signum() < 0 || score.stripTrailingZeros().scale() > 2) {
                    throw new InvalidInputException("indicators." + indicator.code(),
                            "评分规则（" + ScoringDecisions.SCORE + " 第" + request.versions().score() + "版）给出的得分" + score.toPlainString()
                                    + "不是保留两位小数的非负数（规则须自行四舍五入：round half up(…, 2)）",
                            "The scoring table (" + ScoringDecisions.SCORE + " v" + request.versions().score() + ") gave " + score.toPlainString()
                                    + ", not a non-negative score with at most 2 decimals (round it in the table: round half up(..., 2))");
                }
                score = score.setScale(2, java.math.RoundingMode.UNNECESSARY);
                scores.add(new IndicatorScore(indicator.code(), figure, target, score));
                total = total.add(score);
            }
            byGroup.get(request.groups().get(locality.unitId())).add(new Scored(locality, scores, total));
        }
        Comparator<Scored> order = Comparator.comparing(Scored::total, Comparator.reverseOrder());
        for (int i = 0; i < indicators.size(); i++) {
            int index = i;
            order = order.thenComparing(s -> s.scores().get(index).score(), Comparator.reverseOrder());
        }
        order = order.thenComparingInt(s -> s.locality().sortOrder());

        Set<String> vetoed = request.vetoed() == null ? Set.of() : request.vetoed();
        List<Line> lines = new ArrayList<>();
        BigDecimal totalAward = BigDecimal.ZERO;
        for (Map.Entry<EvaluationGroup, List<Scored>> entry : byGroup.entrySet()) {
            List<Scored> group = entry.getValue();
            group.sort(order);
            for (int i = 0; i < group.size(); i++) {
                Scored s = group.get(i);
                int rank = i + 1;
                BigDecimal award = decisions.award(request.versions().award(), request.measure(), entry.getKey(), rank);
                if (award == null) {
                    throw new InvalidInputException("measure",
                            "奖励规则（" + ScoringDecisions.AWARD + " 第" + request.versions().award() + "版）没有适用于" + request.measure() + "、"
                                    + entry.getKey().nameZh() + "组第" + rank + "名的规则",
                            "The award table (" + ScoringDecisions.AWARD + " v" + request.versions().award() + ") has no rule for "
                                    + request.measure() + ", group " + entry.getKey() + ", rank " + rank);
                }
                if (award.signum() < 0 || award.stripTrailingZeros().scale() > 2) {
                    throw new InvalidInputException("measure",
                            "奖励规则（" + ScoringDecisions.AWARD + " 第" + request.versions().award() + "版）给出的金额" + award.toPlainString()
                                    + "不是非负的整分金额",
                            "The award table (" + ScoringDecisions.AWARD + " v" + request.versions().award() + ") gave " + award.toPlainString()
                                    + ", not a non-negative amount in whole fen");
                }
                boolean isVetoed = vetoed.contains(s.locality().unitId());
                BigDecimal paid = (isVetoed ? BigDecimal.ZERO : award).setScale(2, java.math.RoundingMode.UNNECESSARY);
                totalAward = totalAward.add(paid);
                lines.add(new Line(s.locality().unitId(), s.locality().nameZh(), entry.getKey(), List.copyOf(s.scores()), s.total(), rank,
                        paid, isVetoed, tieBreak(group, i, indicators)));
            }
        }
        boolean provisional = decisions.provisional(ScoringDecisions.SCORE, request.versions().score())
                || decisions.provisional(ScoringDecisions.AWARD, request.versions().award());
        return new RankingApi.Ranking(request.measure(), request.versions(), tieBreakRule(indicators),
                request.safetyVetoApplies() ? VETO_READING : null, List.copyOf(lines), totalAward, provisional,
                provisional ? PROVISIONAL_NOTE : null, request.safetyVetoApplies() ? VETOED_AWARD_RULE : null);
    }

    /** The declared rule, e.g. "总分相同时，依次按规上工业增加值增速、工业投资增速…得分排序；各项得分均相同的按单位排序（系统默认值）". */
    public static String tieBreakRule(List<RankingApi.Indicator> indicators) {
        String names = indicators.stream().map(RankingApi.Indicator::nameZh).collect(Collectors.joining("、"));
        return "并列时按" + indicators.get(0).nameZh() + "得分排序：总分相同时，依次比较" + names
                + "的得分，高者在前；各项得分均相同的，按单位排序（系统默认值，待政策部门确认）";
    }

    private static String tieBreak(List<Scored> group, int i, List<RankingApi.Indicator> indicators) {
        List<String> parts = new ArrayList<>();
        Scored self = group.get(i);
        if (i > 0 && group.get(i - 1).total().compareTo(self.total()) == 0) {
            parts.add(between(group.get(i - 1), self, indicators, false));
        }
        if (i + 1 < group.size() && group.get(i + 1).total().compareTo(self.total()) == 0) {
            parts.add(between(self, group.get(i + 1), indicators, true));
        }
        return parts.isEmpty() ? null : String.join("；", parts);
    }

    /** Why {@code ahead} is placed before {@code behind}, told from one of the two. */
    private static String between(Scored ahead, Scored behind, List<RankingApi.Indicator> indicators, boolean toldByAhead) {
        Scored other = toldByAhead ? behind : ahead;
        String prefix = "与" + other.locality().nameZh() + "总分相同（" + plain(ahead.total()) + "分），";
        for (int k = 0; k < indicators.size(); k++) {
            BigDecimal a = ahead.scores().get(k).score();
            BigDecimal b = behind.scores().get(k).score();
            if (a.compareTo(b) != 0) {
                String name = indicators.get(k).nameZh();
                return prefix + (toldByAhead ? "本地区" : other.locality().nameZh() + "的") + name + "得分较高（" + plain(a) + " > " + plain(b)
                        + "），" + (toldByAhead ? "排在其前" : "排在其后");
            }
        }
        return prefix + "各项得分均相同，按单位排序" + (toldByAhead ? "排在其前" : "排在其后");
    }

    private static String plain(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static BigDecimal targetOf(Locality locality, RankingApi.Indicator indicator) {
        BigDecimal own = locality.targets() == null ? null : locality.targets().get(indicator.code());
        return own != null ? own : indicator.target();
    }

    private static void check(RankingApi.Request request) {
        FieldChecks checks = new FieldChecks();
        if (request == null) {
            throw new InvalidInputException("request", "缺少排名输入", "The ranking input is missing");
        }
        if (request.measure() == null || request.measure().isBlank()) {
            checks.add("measure", "措施不能为空", "The measure is required");
        }
        if (request.versions() == null) {
            checks.add("versions", "须指明评分规则和奖励规则的版本", "The versions of the score and award tables are required");
        }
        List<RankingApi.Indicator> indicators = request.indicators() == null ? List.of() : request.indicators();
        if (indicators.isEmpty()) {
            checks.add("indicators", "指标体系不能为空", "The indicator set is empty");
        }
        Set<String> codes = new HashSet<>();
        for (RankingApi.Indicator indicator : indicators) {
            if (indicator == null || indicator.code() == null || indicator.direction() == null || indicator.nameZh() == null) {
                checks.add("indicators", "每个指标须有代码、名称和方向", "Every indicator needs a code, a name and a direction");
                continue;
            }
            if (!codes.add(indicator.code())) {
                checks.add("indicators." + indicator.code(), "指标" + indicator.code() + "重复", "Indicator " + indicator.code() + " appears twice");
            }
        }
        List<Locality> localities = request.localities() == null ? List.of() : request.localities();
        if (localities.isEmpty()) {
            checks.add("localities", "没有参评地区", "No locality to rank");
        }
        Set<String> units = new HashSet<>();
        for (Locality locality : localities) {
            if (locality == null || locality.unitId() == null || locality.figures() == null) {
                checks.add("localities", "每个参评地区须有单位和数据", "Every locality needs its unit and figures");
                continue;
            }
            String field = "localities." + locality.unitId();
            if (!units.add(locality.unitId())) {
                checks.add(field, locality.unitId() + "重复出现", locality.unitId() + " appears twice");
            }
            if (request.groups() == null || request.groups().get(locality.unitId()) == null) {
                checks.add(field + ".group", (locality.nameZh() == null ? locality.unitId() : locality.nameZh()) + "未分入评价组别（区、县、开发区）",
                        locality.unitId() + " belongs to no evaluation group (districts, counties, development zones)");
            }
            for (RankingApi.Indicator indicator : indicators) {
                if (indicator == null || indicator.code() == null) {
                    continue;
                }
                if (locality.figures().get(indicator.code()) == null) {
                    checks.add(field + "." + indicator.code(), locality.unitId() + "缺少指标“" + indicator.nameZh() + "”的数据",
                            locality.unitId() + " has no figure for " + indicator.code());
                }
                BigDecimal target = targetOf(locality, indicator);
                if (target == null || target.signum() <= 0) {
                    checks.add(field + "." + indicator.code() + ".target", "指标“" + indicator.nameZh() + "”的目标值须大于0",
                            "The target of " + indicator.code() + " must be greater than 0");
                }
            }
        }
        Set<String> vetoed = request.vetoed() == null ? Set.of() : request.vetoed();
        if (!request.safetyVetoApplies() && !vetoed.isEmpty()) {
            checks.add("vetoed", "本措施没有安全生产否决（仅措施6“在保障生产安全的前提下”）",
                    "This measure has no safety veto (only measure 6, \"provided production is safe\")");
        }
        for (String unit : vetoed) {
            if (!units.contains(unit)) {
                checks.add("vetoed", unit + "不是参评地区", unit + " is not a ranked locality");
            }
        }
        checks.throwIfAny();
    }

    private record Scored(Locality locality, List<IndicatorScore> scores, BigDecimal total) {
    }
}
