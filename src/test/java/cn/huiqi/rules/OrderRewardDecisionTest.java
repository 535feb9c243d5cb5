package cn.huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 洪府办发〔2023〕81号 第1条: for an order signed in 2023年7—9月 and put into execution, a one-time reward of
 * 5万 (5000万元以上), 10万 (亿元以上) or 20万 (2亿元以上). "以上" includes the number itself.
 */
class OrderRewardDecisionTest {

    private static final String RESOURCE = "dmn/order-reward.dmn";
    private static final String IN_WINDOW = "2023-08-15";
    private static final DecisionTable TABLE = DecisionTable.load("order-reward");

    @ParameterizedTest(name = "订单 {0} 元 → 奖励 {1} 元 ({2})")
    @CsvSource({
            "50000000.00,        50000,  TIER_50M",
            "99999999.99,        50000,  TIER_50M",
            "100000000.00,       100000, TIER_100M",
            "199999999.99,       100000, TIER_100M",
            "200000000.00,       200000, TIER_200M",
            "999999999999999.99, 200000, TIER_200M",
    })
    void ordersOfFiftyMillionAndAboveEarnTheTierReward(String amount, String reward, String tier) {
        DmnDecisionResultEntries result = evaluate(IN_WINDOW, new BigDecimal(amount));

        assertThat((Boolean) result.getEntry("eligible")).isTrue();
        assertThat(exact(result.getEntry("rewardAmount"))).isEqualByComparingTo(reward);
        assertThat((String) result.getEntry("tier")).isEqualTo(tier);
        assertThat((String) result.getEntry("reason")).isEmpty();
    }

    @Test
    void anOrderOneFenBelowFiftyMillionEarnsNothingAndSaysWhy() {
        DmnDecisionResultEntries result = evaluate(IN_WINDOW, new BigDecimal("49999999.99"));

        assertThat((Boolean) result.getEntry("eligible")).isFalse();
        assertThat(exact(result.getEntry("rewardAmount"))).isEqualByComparingTo("0");
        assertThat((String) result.getEntry("tier")).isEqualTo("NONE");
        assertThat((String) result.getEntry("reason")).contains("5000万元").contains("50,000,000");
    }

    @ParameterizedTest(name = "签订于 {0}：在2023年7—9月之内")
    @CsvSource({"2023-07-01", "2023-08-15", "2023-09-30"})
    void ordersSignedFromFirstJulyToThirtiethSeptemberInclusiveQualify(String signingDate) {
        DmnDecisionResultEntries result = evaluate(signingDate, new BigDecimal("50000000.00"));

        assertThat((Boolean) result.getEntry("eligible")).isTrue();
        assertThat(exact(result.getEntry("rewardAmount"))).isEqualByComparingTo("50000");
    }

    @ParameterizedTest(name = "签订于 {0}：在2023年7—9月之外")
    @CsvSource({"2023-06-30", "2023-10-01", "2022-08-15", "2024-08-15"})
    void ordersSignedOutsideTheWindowEarnNothingWhateverTheAmount(String signingDate) {
        DmnDecisionResultEntries result = evaluate(signingDate, new BigDecimal("300000000.00"));

        assertThat((Boolean) result.getEntry("eligible")).isFalse();
        assertThat(exact(result.getEntry("rewardAmount"))).isEqualByComparingTo("0");
        assertThat((String) result.getEntry("tier")).isEqualTo("NONE");
        assertThat((String) result.getEntry("reason"))
                .contains("2023年7月1日至9月30日")
                .contains("2023-07-01 and 2023-09-30");
    }

    @Test
    void theRewardArrivesAsAnExactLongNeverADouble() {
        Object reward = evaluate(IN_WINDOW, new BigDecimal("100000000.00")).getEntry("rewardAmount");

        // typeRef="long": the engine hands back java.lang.Long (100000L), so new BigDecimal(toString()) is exact.
        assertThat(reward).isInstanceOf(Long.class).isEqualTo(100000L);
    }

    @Test
    void everyRuleNamesTheClauseItImplements() throws Exception {
        try (InputStream in = resource()) {
            DmnModelInstance model = Dmn.readModelFromStream(in);
            Collection<Rule> rules = model.getModelElementsByType(Rule.class);

            assertThat(rules).hasSize(5);
            assertThat(rules).allSatisfy(rule -> assertThat(rule.getDescription()).isNotNull()
                    .extracting(d -> d.getTextContent().strip()).asString().isNotEmpty().contains("第1条"));

            Decision decision = model.getModelElementById("order-reward");
            assertThat(decision.getAttributeValueNs("http://camunda.org/schema/1.0/dmn", "historyTimeToLive"))
                    .isEqualTo("P3650D");
            // the 500万 pool cap is settled later, and the table says so
            assertThat(decision.getDescription().getTextContent()).contains("500万元");
        }
    }

    private static DmnDecisionResultEntries evaluate(String signingDate, BigDecimal orderAmount) {
        return TABLE.evaluate(Map.of("signingDate", signingDate, "orderAmount", orderAmount));
    }

    private static BigDecimal exact(Object value) {
        return DecisionTable.exact(value);
    }

    private static InputStream resource() {
        return OrderRewardDecisionTest.class.getClassLoader().getResourceAsStream(RESOURCE);
    }
}
