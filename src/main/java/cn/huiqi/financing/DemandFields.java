package cn.huiqi.financing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import cn.huiqi.common.FieldChecks;

/** Checks of what enterprises and institutions send about a financing demand: each bad value a bilingual problem. */
final class DemandFields {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000000.00");
    static final int MAX_TERM = 360;

    private DemandFields() {
    }

    static BigDecimal amount(FieldChecks checks, String field, Object raw, String zh, String en) {
        BigDecimal amount = checks.money(field, raw, zh, en);
        if (amount != null && amount.compareTo(MAX_AMOUNT) > 0) {
            checks.add(field, zh + "不能超过100亿元", en + " must be at most 10,000,000,000 yuan");
            return null;
        }
        return amount;
    }

    static Integer months(FieldChecks checks, String field, Object raw, String zh, String en) {
        if (raw == null || raw.toString().isBlank()) {
            checks.add(field, zh + "不能为空", en + " is required");
            return null;
        }
        try {
            int months = raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) ? n.intValue()
                    : Integer.parseInt(raw.toString().strip());
            if (months >= 1 && months <= MAX_TERM) {
                return months;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        checks.add(field, zh + "须为1到" + MAX_TERM + "之间的整数（月）", en + " must be a whole number of months from 1 to " + MAX_TERM);
        return null;
    }

    /** An annual rate in percent, 0 < rate ≤ 36, at most four decimals (DECIMAL(7,4)). */
    static BigDecimal rate(FieldChecks checks, String field, Object raw) {
        try {
            BigDecimal rate = new BigDecimal(raw == null ? "" : raw.toString().strip());
            if (rate.signum() > 0 && rate.compareTo(new BigDecimal("36")) <= 0 && rate.stripTrailingZeros().scale() <= 4) {
                return rate.setScale(4, RoundingMode.UNNECESSARY);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        checks.add(field, "年利率须为大于0、不超过36的百分数，最多四位小数", "The annual rate must be a percentage above 0 and at most 36, with at most four decimals");
        return null;
    }

    static <E extends Enum<E>> E oneOf(FieldChecks checks, String field, Object raw, Class<E> type, String zh, String en) {
        String text = raw == null ? "" : raw.toString().strip();
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(text)) {
                return value;
            }
        }
        String known = String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        checks.add(field, zh + "须为以下之一：" + known, en + " must be one of: " + known);
        return null;
    }

    static LocalDate date(FieldChecks checks, String field, Object raw, String zh, String en) {
        try {
            return LocalDate.parse(raw == null ? "" : raw.toString().strip());
        } catch (DateTimeParseException e) {
            checks.add(field, zh + "须为日期 YYYY-MM-DD", en + " must be a date YYYY-MM-DD");
            return null;
        }
    }

    static Set<SharedField> sharedFields(FieldChecks checks, String field, Object raw) {
        Set<SharedField> fields = EnumSet.noneOf(SharedField.class);
        if (!(raw instanceof Collection<?> list) || list.isEmpty()) {
            checks.add(field, "须列出同意共享的数据项", "List the data you agree to share");
            return null;
        }
        for (Object item : list) {
            SharedField one = oneOf(checks, field, item, SharedField.class, "共享数据项", "A shared field");
            if (one == null) {
                return null;
            }
            fields.add(one);
        }
        for (SharedField required : SharedField.values()) {
            if (required.required() && !fields.contains(required)) {
                checks.add(field, "至少须共享融资金额、期限和担保方式", "Amount, term and guarantee kind must be shared at least");
                return null;
            }
        }
        return fields;
    }

    static void onlyKnown(FieldChecks checks, java.util.Map<String, Object> body, Collection<String> known) {
        for (String field : body.keySet()) {
            if (!known.contains(field)) {
                checks.add(field, "不认识的字段 " + field, "Unknown field " + field);
            }
        }
    }
}
