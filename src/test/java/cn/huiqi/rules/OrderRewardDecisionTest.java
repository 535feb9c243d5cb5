package cn.huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.huiqi.orderreward.OrderWindow;

/**
 * 洪府办发〔2023〕81号 第1条: an enterprise that signed orders in 2023年7—9月 and put them into execution
 * receives once 5万 (5000万元以上), 10万 (亿元以上) or 20万 (2亿元以上), the highest tier only. "以上" includes
 * the number itself. The table receives the counted orders' largest single amount and their total; the
 * shipped table decides on the largest single order, the cumulative reading on the total.
 */
class OrderRewardDecisionTest {

    private static final String RESOURCE = "dmn/order-reward.dmn";
    private static final String IN_WINDOW = "2023-08-15";
    private static final DecisionTable TABLE = DecisionTable.load("order-reward");
    private static final DecisionTable CUMULATIVE = DecisionTable.fromXml("order-reward",
            Drafts.cumulativeOrderReading(DecisionTable.xml("order-reward")));

    @ParameterizedTest(name = "最大单笔订单 {0} 元 → 奖励 {1} 元 ({2})")
    @CsvSource({
            "50000000.00,        50000,  TIER_50M",
            "99999999.99,        50000,  TIER_50M",
            "100000000.00,       100000, TIER_100M",
            "199999999.99,       100000, TIER_100M",
            "200000000.00,       200000, TIER_200M",
            "999999999999999.99, 200000, TIER_200M",
    })
    void theShippedReadingDecidesOnTheLargestSingleOrder(String largest, String reward, String tier) {
        // a total far above the largest order changes nothing under the shipped reading
        DmnDecisionResultEntries result = evaluate(TABLE, IN_WINDOW, IN_WINDOW, new BigDecimal(largest),
                new BigDecimal(largest).add(new BigDecimal("300000000.00")));

        assertThat((Boolean) result.getEntry("eligible")).isTrue();
        assertThat(exact(result.getEntry("rewardAmount"))).isEqualByComparingTo(reward);
        assertThat((String) result.getEntry("tier")).isEqualTo(tier);
        assertThat((String) result.getEntry("reason")).isEmpty();
    }

    @Test
    void underTheShippedReadingTwoOrdersBelowFiftyMillionEarnNothingWhateverTheirTotal() {
        DmnDecisionResultEntries result = evaluate(TABLE, "2023-07-01", "2023-09-30", new BigDecimal("49999999.99"),
                new BigDecimal("99999999.98"));

        assertThat((Boolean) result.getEntry("eligible")).isFalse();
        assertThat(exact(result.getEntry("rewardAmount"))).isEqualByComparingTo("0");
        assertThat((String) result.getEntry("tier")).isEqualTo("NONE");
        assertThat((String) result.getEntry("reason")).contains("5000万元").contains("50,000,000");
    }

    @ParameterizedTest(name = "订单合计 {0} 元 → 奖励 {1} 元 ({2})（累计解读）")
    @CsvSource({
            "49999999.99,  0,      NONE",
            "50000000.00,  50000,  TIER_50M",
            "99999999.99,  50000,  TIER_50M",
            "100000000.00, 100000, TIER_100M",
            "199999999.99, 100000, TIER_100M",
            "200000000.00, 200000, TIER_200M",
    })
    void theCumulativeReadingDecidesOnTheTotalAndStillPaysTheHighestTierOnly(String total, String reward, String tier) {
        DmnDecisionResultEntries result = evaluate(CUMULATIVE, IN_WINDOW, IN_WINDOW, new BigDecimal("30000000.00"),
                new BigDecimal(total));

        assertThat((Boolean) result.getEntry("eligible")).isEqualTo(!"NONE".equals(tier));
        assertThat(exact(result.getEntry("rewardAmount"))).isEqualByComparingTo(reward);
        assertThat((String) result.getEntry("tier")).isEqualTo(tier);
    }

    @ParameterizedTest(name = "签订于 {0}..{1}：在2023年7—9月之内")
    @CsvSource({"2023-07-01,2023-07-01", "2023-07-01,2023-09-30", "2023-09-30,2023-09-30"})
    void ordersSignedFromFirstJulyToThirtiethSeptemberInclusiveQualify(String earliest, String latest) {
        DmnDecisionResultEntries result = evaluate(TABLE, earliest, latest, new BigDecimal("50000000.00"), new BigDecimal("50000000.00"));

        assertThat((Boolean) result.getEntry("eligible")).isTrue();
        assertThat(exact(result.getEntry("rewardAmount"))).isEqualByComparingTo("50000");
    }

    @ParameterizedTest(name = "签订于 {0}..{1}：有订单在2023年7—9月之外")
    @CsvSource({"2023-06-30,2023-08-15", "2023-08-15,2023-10-01", "2022-08-15,2022-08-15", "2024-08-15,2024-08-15"})
    void anOrderSignedOutsideTheWindowEarnsNothingWhateverTheAmount(String earliest, String latest) {
        for (DecisionTable table : new DecisionTable[] {TABLE, CUMULATIVE}) {
            DmnDecisionResultEntries result = evaluate(table, earliest, latest, new BigDecimal("300000000.00"),
                    new BigDecimal("300000000.00"));

            assertThat((Boolean) result.getEntry("eligible")).isFalse();
            assertThat(exact(result.getEntry("rewardAmount"))).isEqualByComparingTo("0");
            assertThat((String) result.getEntry("tier")).isEqualTo("NONE");
            assertThat((String) result.getEntry("reason"))
                    .contains("2023年7月1日至9月30日")
                    .contains("2023-07-01 and 2023-09-30");
        }
    }

    @Test
    void withoutAVerifiedOrderNothingIsEarned() {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("earliestSigningDate", null);
        inputs.put("latestSigningDate", null);
        inputs.put("largestOrderAmount", new BigDecimal("0.00"));
        inputs.put("totalOrderAmount", new BigDecimal("0.00"));
        for (DecisionTable table : new DecisionTable[] {TABLE, CUMULATIVE}) {
            DmnDecisionResultEntries result = table.evaluate(inputs);

            assertThat((Boolean) result.getEntry("eligible")).isFalse();
            assertThat((String) result.getEntry("tier")).isEqualTo("NONE");
            assertThat((String) result.getEntry("reason")).contains("没有经核实");
        }
    }

    @Test
    void theRewardArrivesAsAnExactLongNeverADouble() {
        Object reward = evaluate(TABLE, IN_WINDOW, IN_WINDOW, new BigDecimal("100000000.00"), new BigDecimal("100000000.00"))
                .getEntry("rewardAmount");

        // typeRef="long": the engine hands back java.lang.Long (100000L), so new BigDecimal(toString()) is exact.
        assertThat(reward).isInstanceOf(Long.class).isEqualTo(100000L);
    }

    @Test
    void everyRuleNamesTheClauseItImplementsAndTheReadingIsLabelledForPolicyStaff() throws Exception {
        try (InputStream in = resource()) {
            DmnModelInstance model = Dmn.readModelFromStream(in);
            Collection<Rule> rules = model.getModelElementsByType(Rule.class);

            assertThat(rules).hasSize(7);
            assertThat(rules).allSatisfy(rule -> assertThat(rule.getDescription()).isNotNull()
                    .extracting(d -> d.getTextContent().strip()).asString().isNotEmpty().contains("第1条"));

            Decision decision = model.getModelElementById("order-reward");
            assertThat(decision.getAttributeValueNs("http://camunda.org/schema/1.0/dmn", "historyTimeToLive"))
                    .isEqualTo("P3650D");
            String description = decision.getDescription().getTextContent();
            // the 500万 pool cap is settled later, and the table says so
            assertThat(description).contains("500万元");
            // the reading is the system's, labelled as such, and says how to switch
            assertThat(description).contains("系统解读，待政策制定部门确认").contains("单笔订单金额").contains("累计")
                    .contains("THE SYSTEM'S READING, FOR POLICY STAFF TO CONFIRM");
        }
    }

    @Test
    void theWindowThatSubmissionEnforcesIsTheWindowOfTheTable() {
        String xml = DecisionTable.xml("order-reward");
        String window = "[date(\"" + OrderWindow.FIRST_DAY + "\")..date(\"" + OrderWindow.LAST_DAY + "\")]";

        assertThat(xml).contains(window).contains("&lt; date(\"" + OrderWindow.FIRST_DAY + "\")")
                .contains("&gt; date(\"" + OrderWindow.LAST_DAY + "\")");
    }

    private static DmnDecisionResultEntries evaluate(DecisionTable table, String earliest, String latest, BigDecimal largest,
                                                     BigDecimal total) {
        return table.evaluate(Map.of("earliestSigningDate", earliest, "latestSigningDate", latest,
                "largestOrderAmount", largest, "totalOrderAmount", total));
    }

    private static BigDecimal exact(Object value) {
        return DecisionTable.exact(value);
    }

    private static InputStream resource() {
        return OrderRewardDecisionTest.class.getClassLoader().getResourceAsStream(RESOURCE);
    }
}
