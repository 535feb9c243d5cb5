package cn.huiqi.fund;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One pool's figures in CNY, derived from the entries (what {@code GET /api/fund/pools} answers).
 * {@code remaining} = cap − reserved − committed − paid of this pool alone; {@code available} is what a
 * reservation could take right now, i.e. also within the package fund (for PACKAGE: its remaining).
 * {@code rule} is the settlement rule of a measure pool (absent for PACKAGE), {@code ruleZh}/{@code ruleEn} its
 * label. {@code capSet} is false while the cap is 0.00 ("not yet set": nothing can be reserved).
 */
public record PoolBalance(String id, String nameZh, String nameEn, BigDecimal cap, BigDecimal reserved,
                          BigDecimal committed, BigDecimal paid, BigDecimal remaining, BigDecimal available,
                          boolean capSet, SettlementRule rule) {

    @JsonProperty
    public String ruleZh() {
        return rule == null ? null : rule.label().zh();
    }

    @JsonProperty
    public String ruleEn() {
        return rule == null ? null : rule.label().en();
    }
}
