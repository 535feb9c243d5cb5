package cn.huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.junit.jupiter.api.Test;

import cn.huiqi.common.FieldProblem;

/** The diff (rule by rule id, cell by column id) and the draft checks, on the bundled tables; no Spring. */
class RuleDiffAndValidationTest {

    private final DraftValidator validator = new DraftValidator(new DraftDmnEngine());

    @Test
    void aChangedCellIsReportedByRuleAndColumnWithOldAndNewValue() throws IOException {
        String xml = bundled("order-reward");
        String draft = Drafts.withCell(xml, "rule-tier-200m-reward", "250000");

        List<RuleDiff.Line> diff = RuleDiff.between(table(xml), table(draft));

        assertThat(diff).containsExactly(new RuleDiff.Line("rule-tier-200m", 7, "output-reward-amount", "奖励金额（元）/ Reward (CNY)",
                RuleDiff.Change.CELL, "200000", "250000"));
        assertThat(RuleDiff.summary(diff)).isEqualTo("1 处修改 change(s): 规则 rule rule-tier-200m（第7行 row 7） · 奖励金额（元）/ Reward (CNY)：200000 → 250000");
    }

    @Test
    void addedAndRemovedRulesAreNamed() throws IOException {
        String xml = bundled("responsible-units");
        int start = xml.indexOf("<rule id=\"rule-m9\">");
        String withoutM9 = xml.substring(0, start) + xml.substring(xml.indexOf("</rule>", start) + "</rule>".length());

        List<RuleDiff.Line> removed = RuleDiff.between(table(xml), table(withoutM9));
        assertThat(removed).extracting(RuleDiff.Line::change, RuleDiff.Line::ruleId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RuleDiff.Change.RULE_REMOVED, "rule-m9"));
        assertThat(RuleDiff.between(table(withoutM9), table(xml))).extracting(RuleDiff.Line::change)
                .containsExactly(RuleDiff.Change.RULE_ADDED);
    }

    @Test
    void everyBundledTableIsValidAndABrokenCellIsNamed() throws IOException {
        for (String key : List.of("order-reward", "growth-reward", "investment-reward", "responsible-units", "demand-routing")) {
            String xml = bundled(key);
            assertThat(validator.validate(key, xml, TableView.parse(xml)).problems()).as(key).isEmpty();
        }
        String xml = bundled("investment-reward");
        DraftValidator.Result broken = validator.validate("investment-reward",
                Drafts.withCell(xml, "rule-new-50m-equipment", "[50000000..75000000"), TableView.parse(xml));
        assertThat(broken.problems()).extracting(FieldProblem::field).containsExactly("rules.rule-new-50m.input-equipment");

        DraftValidator.Result noTtl = validator.validate("investment-reward",
                xml.replace(" camunda:historyTimeToLive=\"P3650D\"", ""), TableView.parse(xml));
        assertThat(noTtl.problems()).extracting(FieldProblem::field).containsExactly("investment-reward.historyTimeToLive");
    }

    private static TableView table(String xml) {
        DmnModelInstance model = TableView.parse(xml);
        return TableView.of(model, model.getModelElementsByType(org.camunda.bpm.model.dmn.instance.Decision.class).iterator().next().getId());
    }

    private static String bundled(String key) throws IOException {
        try (InputStream in = RuleDiffAndValidationTest.class.getClassLoader().getResourceAsStream("dmn/" + key + ".dmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
