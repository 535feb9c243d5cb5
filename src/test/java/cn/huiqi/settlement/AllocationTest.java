package cn.huiqi.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.huiqi.settlement.Allocation.Claim;
import cn.huiqi.settlement.Allocation.Result;
import cn.huiqi.settlement.Allocation.Share;
import cn.huiqi.fund.SettlementRule;

/** 洪府办发〔2023〕81号 第1条 "总奖励金额不超过500万元": sharing a pool that cannot pay every approved reward. */
class AllocationTest {

    private static final BigDecimal POOL = new BigDecimal("5000000.00");
    private static final Instant T0 = Instant.parse("2023-10-08T01:00:00Z");

    /** Seven rewards of measure 1 asking 6,650,000.00 from a 500万 pool: shares of 5,000,000 / 6,650,000 never divide evenly. */
    private static final List<Claim> SEVEN = List.of(
            claim(1, "200000.00", 0), claim(2, "200000.00", 1), claim(3, "100000.00", 2), claim(4, "50000.00", 3),
            claim(5, "2000000.00", 4), claim(6, "2000000.00", 5), claim(7, "2100000.00", 6));

    @Test
    void proRataScalingNeverPassesThePoolAndStatesTheRemainder() {
        Result result = Allocation.allocate(SettlementRule.PRO_RATA, SEVEN, POOL);

        assertThat(result.scaled()).isTrue();
        assertThat(result.asked()).isEqualByComparingTo("6650000.00");
        assertThat(result.granted()).isLessThanOrEqualTo(POOL);
        assertThat(result.granted().add(result.remainder())).isEqualByComparingTo(POOL);
        assertThat(result.remainder()).isGreaterThanOrEqualTo(BigDecimal.ZERO)
                .isLessThan(new BigDecimal("0.07")); // at most one fen per case
        for (Share share : result.shares()) {
            BigDecimal exact = share.asked().multiply(POOL).divide(result.asked(), MathContext.DECIMAL128);
            assertThat(share.granted().scale()).isEqualTo(2);
            assertThat(share.granted()).isLessThanOrEqualTo(exact);
            assertThat(exact.subtract(share.granted())).isLessThan(new BigDecimal("0.01"));
        }
        // 200,000 × 5,000,000 / 6,650,000 = 150,375.939849… → 150,375.93
        assertThat(result.shares().get(0).granted()).isEqualByComparingTo("150375.93");
        assertThat(result.remainder()).isEqualByComparingTo(POOL.subtract(sum(result.shares())));
    }

    @Test
    void whenThePoolHoldsEverythingEveryRewardIsPaidInFullWhateverTheRule() {
        List<Claim> few = SEVEN.subList(0, 4);
        for (SettlementRule rule : SettlementRule.values()) {
            Result result = Allocation.allocate(rule, few, POOL);
            assertThat(result.scaled()).isFalse();
            assertThat(result.remainder()).isEqualByComparingTo("0");
            assertThat(result.shares()).allSatisfy(s -> assertThat(s.granted()).isEqualByComparingTo(s.asked()));
        }
    }

    @Test
    void exactlyThePoolIsNotScaled() {
        Result result = Allocation.allocate(SettlementRule.PRO_RATA,
                List.of(claim(1, "2500000.00", 0), claim(2, "2500000.00", 1)), POOL);
        assertThat(result.scaled()).isFalse();
        assertThat(result.granted()).isEqualByComparingTo(POOL);
    }

    @Test
    void firstComeFirstServedPaysInSubmissionOrderUntilThePoolIsEmpty() {
        List<Claim> outOfOrder = List.of(
                claim(10, "2000000.00", 30), claim(11, "2000000.00", 10), claim(12, "2000000.00", 20), claim(13, "50000.00", 40));

        Result result = Allocation.allocate(SettlementRule.FIRST_COME_FIRST_SERVED, outOfOrder, POOL);

        assertThat(result.shares()).extracting(Share::caseId).containsExactly(11L, 12L, 10L, 13L);
        assertThat(result.shares()).extracting(s -> s.granted().toPlainString())
                .containsExactly("2000000.00", "2000000.00", "1000000.00", "0.00");
        assertThat(result.granted()).isEqualByComparingTo(POOL);
        assertThat(result.remainder()).isEqualByComparingTo("0");
    }

    @Test
    void firstComeFirstServedBreaksTiesBySmallerCaseId() {
        Result result = Allocation.allocate(SettlementRule.FIRST_COME_FIRST_SERVED,
                List.of(claim(2, "3000000.00", 0), claim(1, "3000000.00", 0)), POOL);
        assertThat(result.shares()).extracting(Share::caseId).containsExactly(1L, 2L);
        assertThat(result.shares().get(1).granted()).isEqualByComparingTo("2000000.00");
    }

    @Test
    void anEmptyPoolGrantsNothing() {
        Result result = Allocation.allocate(SettlementRule.PRO_RATA, SEVEN, BigDecimal.ZERO);
        assertThat(result.granted()).isEqualByComparingTo("0");
        assertThat(result.shares()).allSatisfy(s -> assertThat(s.granted()).isEqualByComparingTo("0"));
    }

    private static BigDecimal sum(List<Share> shares) {
        return shares.stream().map(Share::granted).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Claim claim(long caseId, String amount, int minutesAfter) {
        return new Claim(caseId, new BigDecimal(amount), T0.plusSeconds(60L * minutesAfter));
    }
}
