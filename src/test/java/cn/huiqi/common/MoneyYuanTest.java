package cn.huiqi.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tasklist's task names and the notices show amounts as "¥50,000.00", settlement pages and spreadsheets as "50,000.00":
 * the same text String.format wrote.
 */
class MoneyYuanTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.005", "0.004", "1", "12.3", "999.995", "1000", "50000", "123456.785", "1000000",
            "49999999.99", "50000000.00", "100000000", "1234567890123.45", "-1", "-1000", "-123456.78", "-0.004"})
    void writesTheYuanSignThousandsSeparatorsAndFenHalfUp(String amount) {
        BigDecimal value = new BigDecimal(amount);

        assertThat(Money.yuan(value)).isEqualTo(String.format(Locale.ROOT, "¥%,.2f", Money.fen(value)));
        assertThat(Money.grouped(value)).isEqualTo(String.format(Locale.ROOT, "%,.2f", Money.fen(value)));
    }

    @Test
    void examples() {
        assertThat(Money.yuan(new BigDecimal("50000"))).isEqualTo("¥50,000.00");
        assertThat(Money.yuan(new BigDecimal("49999999.99"))).isEqualTo("¥49,999,999.99");
        assertThat(Money.yuan(null)).isNull();
    }
}
