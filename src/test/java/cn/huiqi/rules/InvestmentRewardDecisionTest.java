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
 * 洪府办发〔2023〕81号 第3条: production-equipment investment in 2023年7—9月. New projects 2500万 / 5000万 /
 * 7500万以上, at most 100万 per project; technical renovation 200万 / 500万 / 800万以上, at most 80万 per
 * project. Rates are the system's labelled defaults (new 1.0 % / 1.2 % / 1.5 %, renovation 3 % / 4 % / 5 %).
 */
class InvestmentRewardDecisionTest {

    private static final DecisionTable TABLE = DecisionTable.load("investment-reward");

    @ParameterizedTest(name = "新建项目设备投资 {0} 元 → {2} 元 ({3})")
    @CsvSource({
            "24999999.99, 0,     0.00,       NONE",
            "25000000.00, 0.01,  250000.00,  NEW_25M",
            "49999999.99, 0.01,  500000.00,  NEW_25M",
            "50000000.00, 0.012, 600000.00,  NEW_50M",
            "74999999.99, 0.012, 900000.00,  NEW_50M",
            "75000000.00, 0.015, 1000000.00, NEW_75M",
            "66666666.66, 0.012, 800000.00,  NEW_50M",
    })
    void newProjects(String equipment, String rate, String reward, String tier) {
        DmnDecisionResultEntries result = evaluate("new", equipment);

        assertThat((Boolean) result.getEntry("eligible")).isEqualTo(!"NONE".equals(tier));
        assertThat(exact(result.getEntry("rate"))).isEqualByComparingTo(rate);
        assertThat(exact(result.getEntry("rewardAmount"))).isEqualByComparingTo(reward);
        assertThat((String) result.getEntry("tier")).isEqualTo(tier);
    }

    @Test
    void seventyFiveMillionTimesOnePointFivePercentIsCappedAtOneMillion() {
        // 75,000,000 × 1.5 % = 1,125,000 → the 100万 cap binds
        assertThat(exact(evaluate("new", "75000000.00").getEntry("rewardAmount"))).isEqualByComparingTo("1000000.00");
        assertThat(exact(evaluate("new", "66666666.67").getEntry("rewardAmount"))).isEqualByComparingTo("800000.00");
    }

    @ParameterizedTest(name = "技改项目设备投资 {0} 元 → {2} 元 ({3})")
    @CsvSource({
            "1999999.99,  0,    0.00,      NONE",
            "2000000.00,  0.03, 60000.00,  RENOVATION_2M",
            "4999999.99,  0.03, 150000.00, RENOVATION_2M",
            "5000000.00,  0.04, 200000.00, RENOVATION_5M",
            "7999999.99,  0.04, 320000.00, RENOVATION_5M",
            "8000000.00,  0.05, 400000.00, RENOVATION_8M",
            "15999999.99, 0.05, 800000.00, RENOVATION_8M",
            "20000000.00, 0.05, 800000.00, RENOVATION_8M",
    })
    void renovationProjects(String equipment, String rate, String reward, String tier) {
        DmnDecisionResultEntries result = evaluate("renovation", equipment);

        assertThat((Boolean) result.getEntry("eligible")).isEqualTo(!"NONE".equals(tier));
        assertThat(exact(result.getEntry("rate"))).isEqualByComparingTo(rate);
        assertThat(exact(result.getEntry("rewardAmount"))).isEqualByComparingTo(reward);
        assertThat((String) result.getEntry("tier")).isEqualTo(tier);
    }

    @Test
    void theRenovationCapOfEightHundredThousandBindsAboveSixteenMillion() {
        // 20,000,000 × 5 % = 1,000,000 → 80万
        assertThat(exact(evaluate("renovation", "20000000.00").getEntry("rewardAmount"))).isEqualByComparingTo("800000.00");
        assertThat(exact(evaluate("renovation", "16000000.00").getEntry("rewardAmount"))).isEqualByComparingTo("800000.00");
        assertThat(exact(evaluate("renovation", "15999999.99").getEntry("rewardAmount"))).isEqualByComparingTo("800000.00");
        assertThat(exact(evaluate("renovation", "15999999.00").getEntry("rewardAmount"))).isEqualByComparingTo("799999.95");
    }

    @Test
    void belowTheLowestTierTheReasonSaysWhy() {
        assertThat((String) evaluate("new", "24999999.99").getEntry("reason")).contains("2500万元");
        assertThat((String) evaluate("renovation", "1999999.99").getEntry("reason")).contains("200万元");
    }

    @Test
    void everyRuleNamesTheClauseAndTheDefaultRatesSayTheyAreDefaults() {
        assertThat(TABLE.rules()).hasSize(8).allSatisfy(rule ->
                assertThat(rule.getDescription().getTextContent()).contains("第3条"));
        assertThat(TABLE.rules()).filteredOn(rule -> rule.getDescription().getTextContent().contains("比例"))
                .hasSize(6)
                .allSatisfy(rule -> assertThat(rule.getDescription().getTextContent()).contains("系统默认值"));
    }

    private static DmnDecisionResultEntries evaluate(String type, String equipment) {
        return TABLE.evaluate(Map.of("projectType", type, "equipmentInvestment", new BigDecimal(equipment)));
    }
}
