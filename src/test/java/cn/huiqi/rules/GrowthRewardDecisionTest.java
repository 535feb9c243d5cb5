package cn.huiqi.rules;

import static cn.huiqi.rules.DecisionTable.exact;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 洪府办发〔2023〕81号 第2条: 2023年7—9月 taxable sales revenue with positive year-on-year growth, at least
 * 1亿 / 5亿 / 10亿 ("以上" includes the number), a proportional reward capped at 200万 per enterprise.
 * The rates are the system's labelled defaults (0.10 % / 0.15 % / 0.20 %) awaiting policy staff.
 */
class GrowthRewardDecisionTest {

    private static final DecisionTable TABLE = DecisionTable.load("growth-reward");
    private static final String PRIOR = "50000000.00";

    @ParameterizedTest(name = "收入 {0} 元 → 比例 {1}，奖励 {2} 元 ({3})")
    @CsvSource({
            "100000000.00,  0.001,  100000.00,  TIER_100M",
            "100000000.01,  0.001,  100000.00,  TIER_100M",
            "123456789.99,  0.001,  123456.79,  TIER_100M",
            "499999999.99,  0.001,  500000.00,  TIER_100M",
            "500000000.00,  0.0015, 750000.00,  TIER_500M",
            "999999999.99,  0.0015, 1500000.00, TIER_500M",
            "1000000000.00, 0.002,  2000000.00, TIER_1B",
            "1000000000.01, 0.002,  2000000.00, TIER_1B",
            "1500000000.00, 0.002,  2000000.00, TIER_1B",
    })
    void revenueOfOneHundredMillionAndAboveWithGrowthEarnsTheTierRateCappedAtTwoMillion(
            String revenue, String rate, String reward, String tier) {
        DmnDecisionResultEntries result = evaluate(revenue, PRIOR);

        assertThat((Boolean) result.getEntry("eligible")).isTrue();
        assertThat(exact(result.getEntry("rate"))).isEqualByComparingTo(rate);
        assertThat(exact(result.getEntry("rewardAmount"))).isEqualByComparingTo(reward);
        assertThat((String) result.getEntry("tier")).isEqualTo(tier);
    }

    @Test
    void halfAFenIsRoundedUp() {
        // 100,000,005.00 × 0.001 = 100,000.005 → 100,000.01 (half-up; FEEL's decimal() would round half-even)
        assertThat(exact(evaluate("100000005.00", PRIOR).getEntry("rewardAmount"))).isEqualByComparingTo("100000.01");
    }

    @Test
    void revenueOneFenBelowOneHundredMillionEarnsNothing() {
        DmnDecisionResultEntries result = evaluate("99999999.99", PRIOR);

        assertThat((Boolean) result.getEntry("eligible")).isFalse();
        assertThat(exact(result.getEntry("rewardAmount"))).isEqualByComparingTo("0");
        assertThat((String) result.getEntry("reason")).contains("1亿元");
    }

    @Test
    void growthOfExactlyZeroIsNotPositiveGrowth() {
        DmnDecisionResultEntries result = evaluate("600000000.00", "600000000.00");

        assertThat((Boolean) result.getEntry("eligible")).isFalse();
        assertThat((String) result.getEntry("reason")).contains("同比正增长");
    }

    @Test
    void growthOfOneFenIsPositiveGrowth() {
        assertThat((Boolean) evaluate("600000000.00", "599999999.99").getEntry("eligible")).isTrue();
    }

    @Test
    void aDeclineEarnsNothing() {
        assertThat((Boolean) evaluate("2000000000.00", "2100000000.00").getEntry("eligible")).isFalse();
    }

    @Test
    void everyRuleNamesTheClauseAndTheDefaultRatesSayTheyAreDefaults() {
        assertThat(TABLE.rules()).hasSize(5).allSatisfy(rule ->
                assertThat(rule.getDescription().getTextContent()).contains("第2条"));
        assertThat(TABLE.rules()).filteredOn(rule -> rule.getDescription().getTextContent().contains("比例"))
                .hasSize(3)
                .allSatisfy(rule -> assertThat(rule.getDescription().getTextContent()).contains("系统默认值").contains("待政策部门确认"));
    }

    private static DmnDecisionResultEntries evaluate(String revenue, String prior) {
        return TABLE.evaluate(Map.of("taxableRevenue", new BigDecimal(revenue), "priorYearRevenue", new BigDecimal(prior)));
    }
}
