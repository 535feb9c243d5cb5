package cn.huiqi.rules;

import static cn.huiqi.rules.DecisionTable.exact;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 洪府办发〔2023〕81号 第5、6条 name no places or amounts: the system's labelled defaults, the same in each group
 * (M5 200万/100万/50万, M6 300万/150万/80万 for ranks 1-3, nothing from rank 4), well inside the 1亿 package.
 */
class EvaluationAwardDecisionTest {

    private static final DecisionTable TABLE = DecisionTable.load("evaluation-award");
    private static final String[] GROUPS = {"DISTRICT", "COUNTY", "DEVELOPMENT_ZONE"};

    @ParameterizedTest(name = "{0} 第{1}名 → {2} 元")
    @CsvSource({
            "M5, 1, 2000000", "M5, 2, 1000000", "M5, 3, 500000", "M5, 4, 0", "M5, 7, 0",
            "M6, 1, 3000000", "M6, 2, 1500000", "M6, 3, 800000", "M6, 4, 0", "M6, 13, 0",
    })
    void theSameAmountInEveryGroup(String measure, int rank, String amount) {
        for (String group : GROUPS) {
            assertThat(award(measure, group, rank)).as(group).isEqualByComparingTo(amount);
        }
    }

    @Test
    void theDefaultTotalsStayWellInsideTheOneHundredMillionPackage() {
        BigDecimal m5 = BigDecimal.ZERO;
        BigDecimal m6 = BigDecimal.ZERO;
        for (String group : GROUPS) {
            for (int rank = 1; rank <= 7; rank++) {
                m5 = m5.add(award("M5", group, rank));
                m6 = m6.add(award("M6", group, rank));
            }
        }
        assertThat(m5).isEqualByComparingTo("10500000");
        assertThat(m6).isEqualByComparingTo("15900000");
        assertThat(m5.add(m6)).isEqualByComparingTo("26400000").isLessThan(new BigDecimal("30000000")); // under 30 % of 1亿
    }

    @Test
    void everyRuleSaysItsFiguresAreLabelledDefaults() {
        assertThat(TABLE.rules()).hasSize(7).allSatisfy(rule ->
                assertThat(rule.getDescription().getTextContent()).contains("系统默认值"));
    }

    private static BigDecimal award(String measure, String group, int rank) {
        return exact(TABLE.evaluate(Map.of("measure", measure, "group", group, "rank", rank)).getEntry("awardAmount"));
    }
}
