package cn.huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Every rule of the bundled tables (dmn/*.dmn) as the plain-Chinese sentence the rules page shows beside the table. */
class RuleSentencesTest {

    private static final Map<String, String> UNITS = Map.of("gxj", "市工信局", "swj", "市商务局", "czj", "市财政局",
            "jrb", "市金融办", "zxqyj", "市中小企业局", "ctjt", "市产投集团", "szxbm", "市直相关部门");

    private static Map<String, String> sentences(String key) throws IOException {
        String xml = Files.readString(Path.of("dmn", key + ".dmn"));
        return RuleSentences.of(TableView.of(TableView.parse(xml), key), UNITS::get).stream()
                .collect(Collectors.toMap(RuleSentences.Sentence::ruleId, RuleSentences.Sentence::text));
    }

    @Test
    void orderRewardTiersReadWithTheirBoundaries() throws IOException {
        Map<String, String> s = sentences("order-reward");
        assertThat(s).hasSize(7);
        String window = "最早签订日期在2023年7月1日至2023年9月30日之间（含首尾两日），最晚签订日期在2023年7月1日至2023年9月30日之间（含首尾两日），";
        assertThat(s.get("rule-tier-50m")).isEqualTo(window + "最大单笔订单金额5000万元以上（含）、1亿元以下（不含）：奖励5万元");
        assertThat(s.get("rule-tier-100m")).isEqualTo(window + "最大单笔订单金额1亿元以上（含）、2亿元以下（不含）：奖励10万元");
        assertThat(s.get("rule-tier-200m")).isEqualTo(window + "最大单笔订单金额2亿元以上（含）：奖励20万元");
        assertThat(s.get("rule-below-50m")).endsWith("最大单笔订单金额5000万元以下（不含）：不予奖励（订单金额未达到5000万元）");
        assertThat(s.get("rule-no-counted-order")).isEqualTo("最早签订日期为空：不予奖励（没有经核实落地实施的订单）");
        assertThat(s.get("rule-outside-window-early")).startsWith("最早签订日期早于2023年7月1日：不予奖励");
        assertThat(s.get("rule-outside-window-late")).startsWith("最早签订日期不早于2023年7月1日，最晚签订日期晚于2023年9月30日：不予奖励");
    }

    @Test
    void growthRewardRatesAreMarkedAsLabelledDefaults() throws IOException {
        Map<String, String> s = sentences("growth-reward");
        assertThat(s).hasSize(5);
        assertThat(s.get("rule-100m")).isEqualTo("同比增长额大于0，2023年7—9月应税销售收入1亿元以上（含）、5亿元以下（不含）："
                + "按2023年7—9月应税销售收入的0.1%奖励（四舍五入到分），最高200万元（系统默认值，待确认）");
        assertThat(s.get("rule-1b")).contains("10亿元以上（含）").contains("0.2%").endsWith("（系统默认值，待确认）");
        assertThat(s.get("rule-no-growth")).startsWith("同比增长额不大于0：不予奖励");
    }

    @Test
    void investmentRewardNamesTheProjectType() throws IOException {
        Map<String, String> s = sentences("investment-reward");
        assertThat(s).hasSize(8);
        assertThat(s.get("rule-new-25m")).startsWith("项目类型为新建项目，2023年7—9月生产设备投资额2500万元以上（含）、5000万元以下（不含）：按");
        assertThat(s.get("rule-renovation-8m")).startsWith("项目类型为技术改造项目，2023年7—9月生产设备投资额800万元以上（含）：按")
                .contains("的5%奖励");
    }

    @Test
    void responsibleUnitsNameTheUnits() throws IOException {
        Map<String, String> s = sentences("responsible-units");
        assertThat(s).hasSize(9);
        assertThat(s.get("rule-m1")).isEqualTo("措施1：市级审核单位为市工信局、市商务局；牵头单位为市工信局；资金拨付单位为市财政局");
        assertThat(s.get("rule-m4")).endsWith("不设资金拨付单位");
        assertThat(s.get("rule-m8")).startsWith("措施8：市级审核单位为市金融办、市工信局、市中小企业局、市产投集团");
    }

    @Test
    void unknownShapesShowTheirFeelAndNeverFail() {
        TableView table = new TableView("t", "t", "UNIQUE",
                List.of(new TableView.Column("a", "金额（元）/ Amount", "amount"), new TableView.Column("m", "措施", "measure")),
                List.of(new TableView.Column("o", "是否符合 / Eligible", "eligible"), new TableView.Column("r", "奖励", "rewardAmount")),
                List.of(new TableView.RuleRow("r1", 1, null, List.of("amount > limit * 2", "not(\"M1\", \"M2\")"), List.of("true", "x + 1")),
                        new TableView.RuleRow("r2", 2, null, List.of("<= 0", "\"M3\""), List.of("true", "123456789"))));
        List<RuleSentences.Sentence> s = RuleSentences.of(table, id -> null);
        assertThat(s.get(0).text()).isEqualTo("金额满足 amount > limit * 2，不是措施1或措施2：奖励金额按 x + 1 计算");
        assertThat(s.get(1).text()).isEqualTo("金额不大于0，措施3：奖励1.23456789亿元");
    }
}
