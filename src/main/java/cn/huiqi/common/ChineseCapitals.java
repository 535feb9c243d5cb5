package cn.huiqi.common;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An amount in Chinese capitals (大写) as finance offices write it on payment documents (《支付结算办法》附件一):
 * 150000.00 → 壹拾伍万元整, 3000.50 → 叁仟元零伍角, 0.05 → 伍分. "整" after 元 only; a zero between figures is
 * written once; the yuan's last digit 0 (or no 角) before 角/分 gives "元零". The pages write the same
 * (frontend/src/pages/format.js {@code capitals}), checked against the same table of examples.
 */
public final class ChineseCapitals {

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] PLACES = { "仟", "佰", "拾", "" };
    private static final BigInteger WAN = BigInteger.valueOf(10_000);
    private static final BigInteger YI = BigInteger.valueOf(100_000_000);

    private ChineseCapitals() {
    }

    /** The amount (rounded half-up to the fen) in capitals; "" for null. */
    public static String of(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        BigDecimal fen = Money.fen(amount);
        String sign = fen.signum() < 0 ? "负" : "";
        BigInteger unscaled = fen.abs().unscaledValue();
        BigInteger whole = unscaled.divide(BigInteger.valueOf(100));
        int cents = unscaled.mod(BigInteger.valueOf(100)).intValue();
        int jiao = cents / 10;
        int fenDigit = cents % 10;
        StringBuilder out = new StringBuilder(sign);
        if (whole.signum() > 0) {
            out.append(whole(whole)).append('元');
            if (cents == 0) {
                return out.append('整').toString();
            }
            if (whole.mod(BigInteger.TEN).signum() == 0 || jiao == 0) {
                out.append('零');
            }
        } else if (cents == 0) {
            return "零元整";
        }
        if (jiao > 0) {
            out.append(DIGITS.charAt(jiao)).append('角');
        }
        if (fenDigit > 0) {
            out.append(DIGITS.charAt(fenDigit)).append('分');
        }
        return out.toString();
    }

    private static String whole(BigInteger n) {
        if (n.compareTo(YI) >= 0) {
            BigInteger[] parts = n.divideAndRemainder(YI);
            return whole(parts[0]) + "亿" + rest(parts[1], YI);
        }
        if (n.compareTo(WAN) >= 0) {
            BigInteger[] parts = n.divideAndRemainder(WAN);
            return four(parts[0].intValue()) + "万" + rest(parts[1], WAN);
        }
        return four(n.intValue());
    }

    /** The part below 亿 or 万: "零" first when its highest place is empty. */
    private static String rest(BigInteger low, BigInteger unit) {
        if (low.signum() == 0) {
            return "";
        }
        return (low.multiply(BigInteger.TEN).compareTo(unit) < 0 ? "零" : "") + whole(low);
    }

    private static String four(int n) {
        StringBuilder out = new StringBuilder();
        boolean started = false;
        boolean zero = false;
        int[] digits = { n / 1000, n / 100 % 10, n / 10 % 10, n % 10 };
        for (int i = 0; i < 4; i++) {
            if (digits[i] == 0) {
                zero = started;
            } else {
                if (zero) {
                    out.append('零');
                }
                zero = false;
                started = true;
                out.append(DIGITS.charAt(digits[i])).append(PLACES[i]);
            }
        }
        return out.toString();
    }
}
