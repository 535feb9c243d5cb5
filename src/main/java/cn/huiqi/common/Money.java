package cn.huiqi.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** CNY amounts: exact decimals with two places (fen), rounded half-up. Never a double. */
public final class Money {

    public static final int SCALE = 2;
    /** DECIMAL(17,2): up to 999 trillion yuan, far beyond any order this system will see. */
    private static final BigDecimal MAX = new BigDecimal("999999999999999.99");

    private Money() {
    }

    public static BigDecimal fen(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /**
     * Parses an amount typed by a person or sent by a system: "50000000", "5,000,000.00", a Long or a
     * BigDecimal. A Double is refused: it has already lost the exact value.
     */
    public static BigDecimal parse(Object raw, String field, String labelZh, String labelEn) {
        return parse(raw, field, labelZh, labelEn, false);
    }

    /** Like {@link #parse(Object, String, String, String)}, but 0.00 is a valid amount (e.g. last year's revenue of a new firm). */
    public static BigDecimal parseAllowingZero(Object raw, String field, String labelZh, String labelEn) {
        return parse(raw, field, labelZh, labelEn, true);
    }

    private static BigDecimal parse(Object raw, String field, String labelZh, String labelEn, boolean zeroAllowed) {
        if (raw == null || raw.toString().isBlank()) {
            throw new InvalidInputException(field, labelZh + "不能为空", labelEn + " is required");
        }
        if (raw instanceof Double || raw instanceof Float) {
            throw new InvalidInputException(field, labelZh + "须以精确的十进制数提交",
                    labelEn + " must be sent as an exact decimal (a string), not a floating-point number");
        }
        BigDecimal value;
        try {
            value = raw instanceof BigDecimal b ? b : new BigDecimal(raw.toString().strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, labelZh + "不是有效的金额", labelEn + " is not a valid amount");
        }
        if (value.scale() > SCALE && value.stripTrailingZeros().scale() > SCALE) {
            throw new InvalidInputException(field, labelZh + "最多保留两位小数（分）", labelEn + " may have at most two decimal places (fen)");
        }
        if (value.signum() < 0 || (value.signum() == 0 && !zeroAllowed)) {
            throw zeroAllowed
                    ? new InvalidInputException(field, labelZh + "不能为负数", labelEn + " cannot be negative")
                    : new InvalidInputException(field, labelZh + "必须大于0", labelEn + " must be greater than 0");
        }
        if (value.compareTo(MAX) > 0) {
            throw new InvalidInputException(field, labelZh + "超出允许范围", labelEn + " is out of range");
        }
        return fen(value);
    }

    /** The amount as the plain string shown to people and kept in process variables, e.g. "50000.00". */
    public static String format(BigDecimal amount) {
        return amount == null ? null : fen(amount).toPlainString();
    }

    private static final BigDecimal YI = new BigDecimal("100000000");
    private static final BigDecimal WAN = new BigDecimal("10000");

    /**
     * The amount as people say it: 1.2亿元 from one hundred million up, 10万元 from ten thousand up, else 800元
     * (trailing zeros dropped, never rounded: 123,456,789.12 is 1.2345678912亿元). The pages' format.words does the same.
     */
    public static String inWords(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        BigDecimal a = fen(amount);
        BigDecimal abs = a.abs();
        if (abs.compareTo(YI) >= 0) {
            return plain(a.divide(YI)) + "亿元";
        }
        if (abs.compareTo(WAN) >= 0) {
            return plain(a.divide(WAN)) + "万元";
        }
        return plain(a) + "元";
    }

    /** The same in English: CNY 120 million, CNY 100,000 below a million. */
    public static String inWordsEn(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        BigDecimal a = fen(amount);
        if (a.abs().compareTo(new BigDecimal("1000000")) >= 0) {
            return "CNY " + plain(a.divide(new BigDecimal("1000000"))) + " million";
        }
        return "CNY " + new java.text.DecimalFormat("#,##0.##").format(a);
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** Whether two amounts are equal whatever their scale (1.5 and 1.50); null equals only null. */
    public static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** The amount with the yuan sign and thousands separators, e.g. "¥50,000.00". */
    public static String yuan(BigDecimal amount) {
        return amount == null ? null : "¥" + grouped(amount);
    }

    /**
     * The amount in fen with thousands separators, e.g. "50,000.00": what {@code String.format(Locale.ROOT, "%,.2f", …)}
     * writes, without parsing a format pattern (every task's name has one, through {@link #yuan}).
     */
    public static String grouped(BigDecimal amount) {
        StringBuilder text = new StringBuilder(fen(amount).toPlainString());
        int sign = text.charAt(0) == '-' ? 1 : 0;
        for (int at = text.indexOf(".") - 3; at > sign; at -= 3) {
            text.insert(at, ',');
        }
        return text.toString();
    }
}
