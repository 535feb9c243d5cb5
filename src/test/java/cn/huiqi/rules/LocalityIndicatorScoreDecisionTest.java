package cn.huiqi.rules;

import static cn.huiqi.rules.DecisionTable.exact;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 洪府办发〔2023〕81号 第5、6条 publish no scoring: the table's figures are the system's labelled defaults (base 15 per
 * statistics indicator, 25 for the 1269 chain score, +1 per point better than target up to +5, proportional below
 * target and its mirror for lower-is-better, floored at 0, 2 decimals half-up). Each default at its boundaries.
 */
class LocalityIndicatorScoreDecisionTest {

    private static final DecisionTable TABLE = DecisionTable.load("locality-indicator-score");
    private static final String HIGHER = "HIGHER_IS_BETTER";
    private static final String LOWER = "LOWER_IS_BETTER";

    @ParameterizedTest(name = "{0} 实际 {2} 目标 {3} → {4} 分")
    @CsvSource({
            // target met exactly, one point above, the cap reached, exceeded, just below the cap
            "VA_GROWTH,          HIGHER, 8.00,   8.0,  15",
            "VA_GROWTH,          HIGHER, 9.00,   8.0,  16",
            "VA_GROWTH,          HIGHER, 12.99,  8.0,  19.99",
            "VA_GROWTH,          HIGHER, 13.00,  8.0,  20",
            "VA_GROWTH,          HIGHER, 25.50,  8.0,  20",
            "INVEST_GROWTH,      HIGHER, 10.00,  10.0, 15",
            "INVEST_GROWTH,      HIGHER, 11.50,  10.0, 16.5",
            "TECH_INVEST_GROWTH, HIGHER, 15.00,  10.0, 20",
            "REVENUE_GROWTH,     HIGHER, 8.01,   8.0,  15.01",
            "NEW_ABOVE_SCALE,    HIGHER, 10,     10,   15",
            "NEW_ABOVE_SCALE,    HIGHER, 11,     10,   16",
            "NEW_ABOVE_SCALE,    HIGHER, 40,     10,   20",
            "CHAIN_1269,         HIGHER, 80,     80,   25",
            "CHAIN_1269,         HIGHER, 81,     80,   26",
            "CHAIN_1269,         HIGHER, 85,     80,   30",
            "CHAIN_1269,         HIGHER, 100,    80,   30",
            // just below target: proportional, floored at 0
            "VA_GROWTH,          HIGHER, 7.99,   8.0,  14.98",
            "VA_GROWTH,          HIGHER, 4.00,   8.0,  7.5",
            "VA_GROWTH,          HIGHER, 0,      8.0,  0",
            "VA_GROWTH,          HIGHER, -3.20,  8.0,  0",
            "NEW_ABOVE_SCALE,    HIGHER, 9,      10,   13.5",
            "CHAIN_1269,         HIGHER, 79.9,   80,   24.97",
            "CHAIN_1269,         HIGHER, 60,     80,   18.75",
            // lower is better: the mirror (a figure under the target is better; above it falls off proportionally)
            "VA_GROWTH,          LOWER,  8.00,   8.0,  15",
            "VA_GROWTH,          LOWER,  7.00,   8.0,  16",
            "VA_GROWTH,          LOWER,  3.00,   8.0,  20",
            "VA_GROWTH,          LOWER,  -1.00,  8.0,  20",
            "VA_GROWTH,          LOWER,  8.01,   8.0,  14.98",
            "VA_GROWTH,          LOWER,  12.00,  8.0,  7.5",
            "VA_GROWTH,          LOWER,  16.00,  8.0,  0",
            "VA_GROWTH,          LOWER,  30.00,  8.0,  0",
    })
    void eachDefaultAtItsBoundaries(String indicator, String direction, String figure, String target, String score) {
        assertThat(score(indicator, direction.equals("HIGHER") ? HIGHER : LOWER, figure, target)).isEqualByComparingTo(score);
    }

    @Test
    void halfAHundredthIsRoundedUp() {
        // 15 × 0.03 ÷ 10 = 0.045 → 0.05 (half-up; half-even would give 0.04)
        assertThat(score("VA_GROWTH", HIGHER, "0.03", "10")).isEqualByComparingTo("0.05");
        // 15 + 0.005 → 15.01
        assertThat(score("VA_GROWTH", HIGHER, "8.005", "8")).isEqualByComparingTo("15.01");
    }

    @Test
    void theBaseScoresOfTheDefaultSetAddUpToOneHundred() {
        BigDecimal total = BigDecimal.ZERO;
        for (String indicator : new String[] {"VA_GROWTH", "INVEST_GROWTH", "TECH_INVEST_GROWTH", "REVENUE_GROWTH", "NEW_ABOVE_SCALE", "CHAIN_1269"}) {
            total = total.add(score(indicator, HIGHER, "10", "10"));
        }
        assertThat(total).isEqualByComparingTo("100");
    }

    @Test
    void everyRuleSaysItsFiguresAreLabelledDefaults() {
        assertThat(TABLE.rules()).hasSize(9).allSatisfy(rule ->
                assertThat(rule.getDescription().getTextContent()).contains("系统默认值").contains("待政策部门确认"));
    }

    private static BigDecimal score(String indicator, String direction, String figure, String target) {
        return exact(TABLE.evaluate(Map.of("indicator", indicator, "direction", direction,
                "figure", new BigDecimal(figure), "target", new BigDecimal(target))).getEntry("score"));
    }
}
