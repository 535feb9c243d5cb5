package cn.huiqi.casefile;

import java.math.BigDecimal;

/**
 * What the measure's rule table would decide for an application not yet submitted
 * ({@code POST /api/measures/{id}/applications/preview}): provisional, nothing is stored.
 *
 * @param qualifies       the table finds the figures eligible
 * @param rewardAmount    the reward it would decide (CNY, to the fen); 0.00 when not eligible
 * @param reason          the table's own words for its decision ("中文 / English"), or the step before the table
 * @param labelledDefault the rule that decided carries a rate the policy does not publish (a labelled default)
 * @param defaultNote     "系统默认比例，待政策部门确认 / …" when labelledDefault, else null
 * @param ruleTable       the decision table, e.g. order-reward
 * @param ruleVersion     its version that decides the open round's cases
 * @param round           the open round's name, or null for a measure taking applications at any time
 */
public record ApplicationPreview(String measure, boolean qualifies, BigDecimal rewardAmount, String reason,
                                 boolean labelledDefault, String defaultNote, String ruleTable, Integer ruleVersion, String round) {

    public static final String DEFAULT_NOTE = "系统默认比例，待政策部门确认 / Default rate, awaiting confirmation by policy staff";
}
