package cn.huiqi.project;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.InvalidInputException;

/** Parsing of the month (YYYY-MM) and date (YYYY-MM-DD) fields of the project library. */
final class Months {

    /** The policy's time zone: "today" and "this month" are Beijing time. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The performance window of measures 1-3: 2023年7—9月. */
    static final YearMonth WINDOW_FROM = YearMonth.of(2023, 7);
    static final YearMonth WINDOW_TO = YearMonth.of(2023, 9);

    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final YearMonth EARLIEST = YearMonth.of(2000, 1);

    private Months() {
    }

    static YearMonth current() {
        return YearMonth.now(ZONE);
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** A required month; blank means {@code fallback} when one is given. */
    static YearMonth month(String raw, String field, YearMonth fallback) {
        if (raw == null || raw.isBlank()) {
            if (fallback != null) {
                return fallback;
            }
            throw new InvalidInputException(field, "月份不能为空（格式 YYYY-MM）", "The month is required (format YYYY-MM)");
        }
        String text = raw.strip();
        if (!MONTH.matcher(text).matches()) {
            throw new InvalidInputException(field, "月份“" + text + "”格式不正确，应为 YYYY-MM，如 2023-08",
                    "Month '" + text + "' is not in the format YYYY-MM, e.g. 2023-08");
        }
        YearMonth month = YearMonth.parse(text);
        if (month.isBefore(EARLIEST)) {
            throw new InvalidInputException(field, "月份不能早于 2000-01", "The month may not be before 2000-01");
        }
        return month;
    }

    /** A date YYYY-MM-DD, null when blank and optional; problems go to {@code checks}. */
    static LocalDate date(FieldChecks checks, String raw, String field, String labelZh, String labelEn, boolean required) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                checks.add(field, labelZh + "不能为空", labelEn + " is required");
            }
            return null;
        }
        String text = raw.strip();
        try {
            if (!DATE.matcher(text).matches()) {
                throw new DateTimeParseException("format", text, 0);
            }
            LocalDate date = LocalDate.parse(text);
            if (date.getYear() < 2000) {
                checks.add(field, labelZh + "不能早于 2000-01-01", labelEn + " may not be before 2000-01-01");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            checks.add(field, labelZh + "“" + text + "”不是有效日期，格式应为 YYYY-MM-DD",
                    labelEn + " '" + text + "' is not a valid date (YYYY-MM-DD)");
            return null;
        }
    }
}
