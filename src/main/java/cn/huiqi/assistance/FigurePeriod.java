package cn.huiqi.assistance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import java.time.ZoneId;
import cn.huiqi.common.InvalidInputException;

/** The days (China time, both included) whose submitted demands the figures count; by default this year up to today. */
record FigurePeriod(LocalDate from, LocalDate to) {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final int MAX_DAYS = 366 * 5;

    static FigurePeriod of(String from, String to, Instant now) {
        LocalDate today = now.atZone(CHINA).toLocalDate();
        LocalDate end = to == null || to.isBlank() ? today : date("to", to);
        LocalDate start = from == null || from.isBlank() ? end.withDayOfYear(1) : date("from", from);
        if (start.isAfter(end)) {
            throw new InvalidInputException("from", "起始日期不能晚于截止日期", "from must not be after to");
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw new InvalidInputException("from", "统计期间最长五年", "The period may span at most five years");
        }
        return new FigurePeriod(start, end);
    }

    private static LocalDate date(String field, String text) {
        try {
            if (text.length() != 10) {
                throw new DateTimeParseException("length", text, 0);
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "日期格式应为 YYYY-MM-DD", "The date must be YYYY-MM-DD");
        }
    }

    Instant start() {
        return from.atStartOfDay(CHINA).toInstant();
    }

    Instant endExclusive() {
        return to.plusDays(1).atStartOfDay(CHINA).toInstant();
    }
}
