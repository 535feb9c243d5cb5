package cn.huiqi.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.huiqi.common.InvalidInputException;
import cn.huiqi.evaluation.RankingApi.Indicator;
import cn.huiqi.evaluation.RankingApi.Line;
import cn.huiqi.evaluation.RankingApi.Locality;
import cn.huiqi.evaluation.RankingApi.Ranking;
import cn.huiqi.evaluation.RankingApi.Request;

/** Ranking within groups with the bundled tables: groups, awards by rank, ties by the declared rule, the safety veto. */
class EvaluationRankingTest {

    static final List<Indicator> DEFAULT_SET = List.of(
            new Indicator("VA_GROWTH", "规上工业增加值增速", IndicatorDirection.HIGHER_IS_BETTER, new BigDecimal("8.0")),
            new Indicator("INVEST_GROWTH", "工业投资增速", IndicatorDirection.HIGHER_IS_BETTER, new BigDecimal("10.0")),
            new Indicator("TECH_INVEST_GROWTH", "技改投资增速", IndicatorDirection.HIGHER_IS_BETTER, new BigDecimal("10.0")),
            new Indicator("REVENUE_GROWTH", "规上工业营业收入增速", IndicatorDirection.HIGHER_IS_BETTER, new BigDecimal("8.0")),
            new Indicator("NEW_ABOVE_SCALE", "新增规上工业企业", IndicatorDirection.HIGHER_IS_BETTER, new BigDecimal("10")),
            new Indicator("CHAIN_1269", "“1269”产业链工作评价", IndicatorDirection.HIGHER_IS_BETTER, new BigDecimal("80")));

    /** The labelled default groups of eval-shared.md (V35), unit ids and sort orders of V2__units.sql. */
    static final Map<String, EvaluationGroup> GROUPS = new LinkedHashMap<>();
    static final Map<String, Object[]> UNITS = new LinkedHashMap<>();

    static {
        Object[][] units = {
                {"donghu", "东湖区", 1, EvaluationGroup.DISTRICT}, {"xihu", "西湖区", 2, EvaluationGroup.DISTRICT},
                {"qingyunpu", "青云谱区", 3, EvaluationGroup.DISTRICT}, {"qingshanhu", "青山湖区", 4, EvaluationGroup.DISTRICT},
                {"xinjian", "新建区", 5, EvaluationGroup.DISTRICT}, {"honggutan", "红谷滩区", 6, EvaluationGroup.DISTRICT},
                {"nanchangxian", "南昌县", 7, EvaluationGroup.COUNTY}, {"anyi", "安义县", 8, EvaluationGroup.COUNTY},
                {"jinxian", "进贤县", 9, EvaluationGroup.COUNTY}, {"gaoxin", "高新区", 10, EvaluationGroup.DEVELOPMENT_ZONE},
                {"jingkai", "经开区", 11, EvaluationGroup.DEVELOPMENT_ZONE}, {"xiaolan", "小蓝经开区", 12, EvaluationGroup.DEVELOPMENT_ZONE},
                {"wanli", "湾里管理局", 13, EvaluationGroup.DISTRICT}};
        for (Object[] u : units) {
            UNITS.put((String) u[0], u);
            GROUPS.put((String) u[0], (EvaluationGroup) u[3]);
        }
    }

    private final EvaluationRanking ranking = new EvaluationRanking(new BundledScoringDecisions());

    @Test
    void everyLocalityIsRankedInItsGroupAndTheTopThreeOfEachGroupGetTheDefaultAwards() {
        List<Locality> localities = new ArrayList<>();
        int i = 0;
        for (String unit : UNITS.keySet()) {
            // a different VA growth each: 8.0 + 0.4 × i (the later in sort order, the better; below the bonus cap)
            localities.add(locality(unit, Map.of("VA_GROWTH", new BigDecimal("8.0").add(new BigDecimal("0.4").multiply(BigDecimal.valueOf(i++))))));
        }
        Ranking result = ranking.rank(request("M5", localities, Set.of(), false));

        assertThat(result.lines()).hasSize(13);
        assertThat(lines(result, EvaluationGroup.DISTRICT)).extracting(Line::unitId)
                .containsExactly("wanli", "honggutan", "xinjian", "qingshanhu", "qingyunpu", "xihu", "donghu");
        assertThat(lines(result, EvaluationGroup.COUNTY)).extracting(Line::unitId).containsExactly("jinxian", "anyi", "nanchangxian");
        assertThat(lines(result, EvaluationGroup.DEVELOPMENT_ZONE)).extracting(Line::unitId).containsExactly("xiaolan", "jingkai", "gaoxin");
        for (EvaluationGroup group : EvaluationGroup.values()) {
            List<Line> lines = lines(result, group);
            for (int r = 0; r < lines.size(); r++) {
                assertThat(lines.get(r).rankInGroup()).isEqualTo(r + 1);
            }
            assertThat(lines).extracting(l -> l.award().toPlainString()).startsWith("2000000.00", "1000000.00", "500000.00");
            assertThat(lines.subList(3, lines.size())).allSatisfy(l -> assertThat(l.award()).isEqualByComparingTo("0"));
        }
        // wanli: VA 12.8 against 8.0 → 15 + 4.8 = 19.8; the other five at their targets (base) → 104.8
        Line wanli = lines(result, EvaluationGroup.DISTRICT).get(0);
        assertThat(wanli.scores().get(0).score()).isEqualByComparingTo("19.8");
        assertThat(wanli.total()).isEqualByComparingTo("104.8");
        assertThat(result.totalAward()).isEqualByComparingTo("10500000.00");
        assertThat(result.tieBreakRule()).startsWith("并列时按规上工业增加值增速得分排序").contains("系统默认值");
        assertThat(result.vetoReading()).isNull();
        assertThat(result.provisional()).isTrue();
        assertThat(result.provisionalNote()).contains("系统默认值");
        assertThat(result.lines()).allSatisfy(l -> assertThat(l.tieBreak()).isNull());
    }

    @Test
    void equalTotalsAreBrokenByTheFirstIndicatorThenTheNext() {
        // four districts at 101 each, each one point above base through a different mix of indicators
        List<Locality> localities = List.of(
                locality("donghu", Map.of("INVEST_GROWTH", new BigDecimal("11.0"))),
                locality("xihu", Map.of("VA_GROWTH", new BigDecimal("9.0"))),
                locality("qingyunpu", Map.of("VA_GROWTH", new BigDecimal("8.5"), "TECH_INVEST_GROWTH", new BigDecimal("10.5"))),
                locality("qingshanhu", Map.of("VA_GROWTH", new BigDecimal("8.5"), "INVEST_GROWTH", new BigDecimal("10.5"))),
                locality("anyi", Map.of()));
        Ranking result = ranking.rank(request("M5", localities, Set.of(), false));

        List<Line> districts = lines(result, EvaluationGroup.DISTRICT);
        // VA scores 16 / 15.5 / 15.5 / 15; the two at 15.5 are split by the investment score (15.5 > 15)
        assertThat(districts).extracting(Line::unitId).containsExactly("xihu", "qingshanhu", "qingyunpu", "donghu");
        assertThat(districts).extracting(Line::total).allSatisfy(t -> assertThat(t).isEqualByComparingTo("101"));
        assertThat(districts.get(0).tieBreak()).isEqualTo("与青山湖区总分相同（101.00分），本地区规上工业增加值增速得分较高（16.00 > 15.50），排在其前");
        assertThat(districts.get(1).tieBreak()).isEqualTo("与西湖区总分相同（101.00分），西湖区的规上工业增加值增速得分较高（16.00 > 15.50），排在其后；"
                + "与青云谱区总分相同（101.00分），本地区工业投资增速得分较高（15.50 > 15.00），排在其前");
        assertThat(districts.get(2).tieBreak()).startsWith("与青山湖区总分相同（101.00分），青山湖区的工业投资增速得分较高（15.50 > 15.00），排在其后");
        assertThat(districts.get(3).tieBreak()).isEqualTo("与青云谱区总分相同（101.00分），青云谱区的规上工业增加值增速得分较高（15.50 > 15.00），排在其后");
        assertThat(lines(result, EvaluationGroup.COUNTY)).singleElement().satisfies(l -> {
            assertThat(l.rankInGroup()).isEqualTo(1);
            assertThat(l.tieBreak()).isNull();
        });
    }

    @Test
    void aFullTieIsBrokenByTheUnitsSortOrderAndSaysSo() {
        List<Locality> localities = List.of(locality("jinxian", Map.of()), locality("nanchangxian", Map.of()), locality("anyi", Map.of()));
        Ranking result = ranking.rank(request("M6", localities, Set.of(), true));

        List<Line> counties = lines(result, EvaluationGroup.COUNTY);
        assertThat(counties).extracting(Line::unitId).containsExactly("nanchangxian", "anyi", "jinxian");
        assertThat(counties).extracting(Line::rankInGroup).containsExactly(1, 2, 3);
        assertThat(counties).extracting(l -> l.award().toPlainString()).containsExactly("3000000.00", "1500000.00", "800000.00");
        assertThat(counties.get(0).tieBreak()).isEqualTo("与安义县总分相同（100.00分），各项得分均相同，按单位排序排在其前");
        assertThat(counties.get(1).tieBreak()).isEqualTo("与南昌县总分相同（100.00分），各项得分均相同，按单位排序排在其后；"
                + "与进贤县总分相同（100.00分），各项得分均相同，按单位排序排在其前");
        assertThat(result.totalAward()).isEqualByComparingTo("5300000.00");
    }

    @Test
    void aVetoedLocalityIsStillRankedAndMarkedButGetsNoAwardAndTheOthersKeepTheirRanksAwards() {
        List<Locality> localities = List.of(
                locality("gaoxin", Map.of("VA_GROWTH", new BigDecimal("12.0"))),
                locality("jingkai", Map.of("VA_GROWTH", new BigDecimal("10.0"))),
                locality("xiaolan", Map.of("VA_GROWTH", new BigDecimal("9.0"))));
        Ranking result = ranking.rank(request("M6", localities, Set.of("gaoxin"), true));

        List<Line> zones = lines(result, EvaluationGroup.DEVELOPMENT_ZONE);
        assertThat(zones).extracting(Line::unitId).containsExactly("gaoxin", "jingkai", "xiaolan");
        assertThat(zones).extracting(Line::vetoed).containsExactly(true, false, false);
        assertThat(zones).extracting(l -> l.award().toPlainString()).containsExactly("0.00", "1500000.00", "800000.00");
        assertThat(zones.get(0).rankInGroup()).isEqualTo(1);
        assertThat(result.totalAward()).isEqualByComparingTo("2300000.00");
        assertThat(result.vetoReading()).contains("系统对“在保障生产安全的前提下”的理解");
        // the declared rule (系统默认值): the vetoed first place's 300万 is not passed down to jingkai, nor anyone else
        assertThat(result.vetoedAwardRule()).contains("不顺延", "系统默认值");
        assertThat(zones.get(1).award()).as("jingkai keeps its own (2nd) place's award").isEqualByComparingTo("1500000.00");
    }

    @Test
    void measureFiveHasNoVeto() {
        List<Locality> localities = List.of(locality("gaoxin", Map.of()), locality("jingkai", Map.of()));
        assertThatThrownBy(() -> ranking.rank(request("M5", localities, Set.of("gaoxin"), false)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getProblems())
                        .anySatisfy(p -> assertThat(p.zh()).contains("没有安全生产否决")));
        // without the veto the same ranking pays gaoxin
        assertThat(ranking.rank(request("M5", localities, Set.of(), false)).lines().get(0).award()).isEqualByComparingTo("2000000");
    }

    @Test
    void badInputIsRefusedNamingEachProblem() {
        Map<String, BigDecimal> noVa = new HashMap<>(figures(Map.of()));
        noVa.remove("VA_GROWTH");
        List<Locality> localities = List.of(new Locality("donghu", "东湖区", 1, noVa),
                new Locality("nowhere", "无组别", 99, figures(Map.of())),
                new Locality("xihu", "西湖区", 2, figures(Map.of()), Map.of("CHAIN_1269", BigDecimal.ZERO)));
        assertThatThrownBy(() -> ranking.rank(request("M6", localities, Set.of("unknown"), true)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getProblems()).extracting(p -> p.field())
                        .contains("localities.donghu.VA_GROWTH", "localities.nowhere.group", "localities.xihu.CHAIN_1269.target", "vetoed"));
    }

    @Test
    void anIndicatorTheTableDoesNotScoreIsRefusedNamingIt() {
        List<Indicator> set = new ArrayList<>(DEFAULT_SET);
        set.add(new Indicator("ENERGY_PER_UNIT", "单位增加值能耗", IndicatorDirection.LOWER_IS_BETTER, new BigDecimal("0.5")));
        Map<String, BigDecimal> figures = new HashMap<>(figures(Map.of()));
        figures.put("ENERGY_PER_UNIT", new BigDecimal("0.4"));
        Request request = new Request("M5", new RankingApi.DecisionVersions(1, 1), set,
                List.of(new Locality("donghu", "东湖区", 1, figures)), GROUPS, false, Set.of());
        assertThatThrownBy(() -> ranking.rank(request)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.getProblems().get(0).zh()).contains("ENERGY_PER_UNIT").contains("locality-indicator-score"));
    }

    @Test
    void aScoreTableThatDoesNotRoundIsRefusedAndScoresCarryTwoDecimals() {
        ScoringDecisions unrounded = new ScoringDecisions() {
            final BundledScoringDecisions bundled = new BundledScoringDecisions();

            @Override
            public BigDecimal score(int version, String indicator, IndicatorDirection direction, BigDecimal figure, BigDecimal target) {
                return figure.multiply(new BigDecimal("15")).divide(target, 4, java.math.RoundingMode.HALF_UP);
            }

            @Override
            public BigDecimal award(int version, String measure, EvaluationGroup group, int rank) {
                return bundled.award(version, measure, group, rank);
            }

            @Override
            public boolean provisional(String key, int version) {
                return true;
            }
        };
        Request request = request("M5", List.of(locality("anyi", Map.of("VA_GROWTH", new BigDecimal("7.99")))), Set.of(), false);
        assertThatThrownBy(() -> new EvaluationRanking(unrounded).rank(request)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.getProblems().get(0).zh()).contains("14.9813").contains("round half up"));
        assertThat(ranking.rank(request).lines().get(0).scores()).extracting(s -> s.score().toPlainString())
                .containsExactly("14.98", "15.00", "15.00", "15.00", "15.00", "25.00");
    }

    static Locality locality(String unit, Map<String, BigDecimal> overrides) {
        Object[] u = UNITS.get(unit);
        return new Locality(unit, (String) u[1], (Integer) u[2], figures(overrides));
    }

    /** Every indicator at its target (base score), except the overrides. */
    static Map<String, BigDecimal> figures(Map<String, BigDecimal> overrides) {
        Map<String, BigDecimal> figures = new HashMap<>();
        for (Indicator indicator : DEFAULT_SET) {
            figures.put(indicator.code(), indicator.target());
        }
        figures.putAll(overrides);
        return figures;
    }

    static Request request(String measure, List<Locality> localities, Set<String> vetoed, boolean veto) {
        return new Request(measure, new RankingApi.DecisionVersions(1, 1), DEFAULT_SET, localities, GROUPS, veto, vetoed);
    }

    static List<Line> lines(Ranking ranking, EvaluationGroup group) {
        return ranking.lines().stream().filter(l -> l.group() == group).toList();
    }
}
