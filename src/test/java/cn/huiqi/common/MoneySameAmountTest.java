package cn.huiqi.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** A claim's changed amount and the what-if's changed outcome both ask whether two amounts are the same. */
class MoneySameAmountTest {

    @Test
    void equalWhateverTheScaleAndNullOnlyToNull() {
        assertThat(Money.sameAmount(new BigDecimal("50000"), new BigDecimal("50000.00"))).isTrue();
        assertThat(Money.sameAmount(new BigDecimal("50000.00"), new BigDecimal("50000.01"))).isFalse();
        assertThat(Money.sameAmount(null, null)).isTrue();
        assertThat(Money.sameAmount(null, BigDecimal.ZERO)).isFalse();
        assertThat(Money.sameAmount(BigDecimal.ZERO, null)).isFalse();
    }
}
