package cn.huiqi.fund;

import java.math.BigDecimal;

import cn.huiqi.common.Money;

/**
 * The outcome of {@link FundLedger#reserve}: a value to route on, never an exception for a full pool.
 *
 * @param outcome        RESERVED (the money is held for the case), EXHAUSTED (the measure pool or the
 *                       package fund cannot take the amount; nothing written) or CAP_NOT_SET (the measure
 *                       pool's cap is 0.00, i.e. not yet set by policy staff; nothing written)
 * @param poolId         the measure pool of the case (its measure id)
 * @param amount         the amount asked for (for a repeated call: the amount reserved by the first)
 * @param repeated       true when the case already held this reservation: nothing new was written
 * @param limitingPoolId for EXHAUSTED / CAP_NOT_SET: the pool that refused (the measure pool or PACKAGE)
 * @param remaining      for EXHAUSTED / CAP_NOT_SET: what the refusing pool still had (cap − used)
 * @param zh             a sentence for people, Chinese ("资金池已用尽 ...")
 * @param en             the same in English ("pool exhausted ...")
 */
public record Reservation(Outcome outcome, long caseId, String poolId, BigDecimal amount, boolean repeated,
                          String limitingPoolId, BigDecimal remaining, String zh, String en) {

    public enum Outcome { RESERVED, EXHAUSTED, CAP_NOT_SET }

    public boolean isReserved() {
        return outcome == Outcome.RESERVED;
    }

    static Reservation reserved(long caseId, String poolId, BigDecimal amount, boolean repeated) {
        String a = Money.format(amount);
        return new Reservation(Outcome.RESERVED, caseId, poolId, amount, repeated, null, null,
                (repeated ? "已预留（重复请求，未重复记账）：" : "已预留：") + poolId + " " + a + " 元",
                (repeated ? "Already reserved (repeated request, nothing new written): " : "Reserved: ") + poolId + " CNY " + a);
    }

    /** The pool (the measure's or PACKAGE) cannot take the amount: "资金池已用尽 / pool exhausted". */
    static Reservation exhausted(long caseId, String poolId, BigDecimal amount, String limitingPoolId, BigDecimal remaining) {
        String which = FundPools.PACKAGE.equals(limitingPoolId) ? "政策资金总额（PACKAGE）" : "资金池 " + limitingPoolId;
        String whichEn = FundPools.PACKAGE.equals(limitingPoolId) ? "the package fund (PACKAGE)" : "pool " + limitingPoolId;
        return new Reservation(Outcome.EXHAUSTED, caseId, poolId, amount, false, limitingPoolId, remaining,
                "资金池已用尽：" + which + " 仅剩 " + Money.format(remaining) + " 元，不足以预留 " + Money.format(amount) + " 元",
                "pool exhausted: " + whichEn + " has only CNY " + Money.format(remaining) + " left, not enough to reserve CNY "
                        + Money.format(amount));
    }

    /** The pool's cap is 0.00: policy staff have not set it yet, so nothing can be reserved. */
    static Reservation capNotSet(long caseId, String poolId, BigDecimal amount, String limitingPoolId) {
        String key = FundPools.PACKAGE.equals(limitingPoolId) ? "huiqi.fund.package-cap" : "huiqi.fund.caps." + limitingPoolId;
        return new Reservation(Outcome.CAP_NOT_SET, caseId, poolId, amount, false, limitingPoolId,
                BigDecimal.ZERO.setScale(2),
                "资金池 " + limitingPoolId + " 的额度尚未设定（配置项 " + key + "），暂不能预留资金；请政策管理人员设定额度",
                "The cap of pool " + limitingPoolId + " is not set yet (setting " + key
                        + "); nothing can be reserved until policy staff set it");
    }
}
