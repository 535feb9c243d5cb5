package cn.huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The locality evaluation's tables as the rules page's sentences: plain numbers for scores and places, amounts in 万元. */
class EvaluationRuleSentencesTest {

    private static final String STATS = "指标为规上工业增加值增速或工业投资增速或技改投资增速或规上工业营业收入增速或新增规上工业企业，";

    private static Map<String, RuleSentences.Sentence> sentences(String key) {
        return RuleSentences.of(TableView.of(TableView.parse(DecisionTable.xml(key)), key), id -> null).stream()
                .collect(Collectors.toMap(RuleSentences.Sentence::ruleId, s -> s));
    }

    @Test
    void scoreRulesReadAsFormulasOfTheFigureAndTheTarget() {
        Map<String, RuleSentences.Sentence> s = sentences("locality-indicator-score");
        assertThat(s).hasSize(9).allSatisfy((id, sentence) -> {
            assertThat(sentence.labelledDefault()).isTrue();
            assertThat(sentence.text()).doesNotContain("元").doesNotContain("figure").doesNotContain("round").endsWith("（系统默认值，待确认）");
        });
        assertThat(s.get("rule-stats-higher-cap").text()).isEqualTo(STATS + "指标方向为越大越好，优于目标值的幅度5以上（含）：得20分（系统默认值，待确认）");
        assertThat(s.get("rule-stats-higher-met").text()).isEqualTo(STATS + "指标方向为越大越好，优于目标值的幅度0以上（含）、5以下（不含）："
                + "得分 = 15 + (实际值 − 目标值) × 1，保留两位小数（四舍五入）（系统默认值，待确认）");
        assertThat(s.get("rule-stats-higher-below").text()).isEqualTo(STATS + "指标方向为越大越好，优于目标值的幅度为负数："
                + "得分 = 15 × 实际值 ÷ 目标值，保留两位小数（四舍五入），最低0分（系统默认值，待确认）");
        assertThat(s.get("rule-stats-lower-below").text()).contains("指标方向为越小越好").contains("得分 = 15 × (2 − 实际值 ÷ 目标值)");
        assertThat(s.get("rule-chain-higher-cap").text()).isEqualTo("指标为“1269”产业链工作评价，指标方向为越大越好，优于目标值的幅度5以上（含）：得30分（系统默认值，待确认）");
    }

    @Test
    void awardRulesReadAsAmountsByPlace() {
        Map<String, RuleSentences.Sentence> s = sentences("evaluation-award");
        assertThat(s.get("rule-m5-rank-1").text()).isEqualTo("措施5，组内名次为1：奖励200万元（系统默认值，待确认）");
        assertThat(s.get("rule-m6-rank-3").text()).isEqualTo("措施6，组内名次为3：奖励80万元（系统默认值，待确认）");
        assertThat(s.get("rule-below-rank-3").text()).isEqualTo("组内名次3以上（不含）：不予奖励（系统默认值，待确认）");
    }
}
