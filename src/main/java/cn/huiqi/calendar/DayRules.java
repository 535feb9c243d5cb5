package cn.huiqi.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import cn.huiqi.common.FieldChecks;

/**
 * What a day of the calendar may be (docs/working-days.md, "Administration"): a weekday becomes a rest day for any
 * named occasion; a Saturday or Sunday is recorded as a rest day only inside a statutory holiday (it is one anyway)
 * and as a working day (调休上班) only when the notice moves work there; Monday-Friday cannot be "made" working days.
 */
final class DayRules {

    static final String REST = "rest";
    static final String WORK = "work";

    /** The statutory holidays (全国年节及纪念日放假办法, 第二条): the occasions a weekend rest day may name. */
    static final List<String> HOLIDAYS = List.of("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节");

    private static final String[] WEEKDAYS = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};

    record Day(LocalDate date, String kind, String occasion, String source) {
    }

    private DayRules() {
    }

    static String weekday(LocalDate date) {
        return WEEKDAYS[date.getDayOfWeek().getValue() - 1];
    }

    static boolean weekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Required text on one line: no line break or other control character (it is shown in lists and written to the log). */
    private static String oneLine(FieldChecks checks, String field, String raw, String labelZh, String labelEn, int maxLength) {
        String text = checks.requiredText(field, raw, labelZh, labelEn, maxLength);
        if (text != null && text.codePoints().anyMatch(Character::isISOControl)) {
            checks.add(field, labelZh + "只能是一行文字，不能含换行或控制字符", labelEn + " must be one line, without line breaks or control characters");
            return null;
        }
        return text;
    }

    /** A date written YYYY-MM-DD, or null with the problem recorded under {@code field}. */
    static LocalDate date(FieldChecks checks, String field, String raw) {
        String text = checks.requiredText(field, raw, "日期", "Date", 10);
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        checks.add(field, "日期格式应为 YYYY-MM-DD 且是存在的日期（如 2027-01-01），收到「" + text + "」",
                "A date must be an existing day written YYYY-MM-DD (e.g. 2027-01-01), got '" + text + "'");
        return null;
    }

    /** One day as an administrator gives it; null (with every problem in {@code checks}) when it is refused. */
    static Day check(FieldChecks checks, String prefix, String rawDate, String weekday, String rawKind, String rawOccasion,
                     String rawSource) {
        return check(checks, prefix, date(checks, prefix + "date", rawDate), weekday, rawKind, rawOccasion, rawSource);
    }

    static Day check(FieldChecks checks, String prefix, LocalDate date, String weekday, String rawKind, String rawOccasion,
                     String rawSource) {
        String kind = rawKind == null ? "" : rawKind.strip();
        if (!kind.equals(REST) && !kind.equals(WORK)) {
            checks.add(prefix + "kind", "类型只能是 rest（休息日）或 work（调休上班日）",
                    "The kind must be rest (a rest day) or work (an adjusted working day)");
            kind = null;
        }
        String occasion = oneLine(checks, prefix + "occasion", rawOccasion, "名目（节日）", "Occasion", 50);
        String source = oneLine(checks, prefix + "source", rawSource, "依据（通知文号）", "Source (the notice)", 100);
        if (date == null) {
            return null;
        }
        if (weekday != null && !weekday.isBlank() && !weekday.strip().equals(weekday(date))) {
            checks.add(prefix + "weekday", date + " 是" + weekday(date) + "，不是" + weekday.strip(),
                    date + " is a " + date.getDayOfWeek() + ", not '" + weekday.strip() + "'");
        }
        if (WORK.equals(kind) && !weekend(date)) {
            checks.add(prefix + "kind", date + "（" + weekday(date) + "）本来就是工作日：只有周六、周日能登记为调休上班日",
                    date + " (" + date.getDayOfWeek() + ") is a working day anyway: only a Saturday or Sunday can be an adjusted working day");
        }
        if (REST.equals(kind) && weekend(date) && occasion != null && HOLIDAYS.stream().noneMatch(occasion::contains)) {
            checks.add(prefix + "occasion", date + "（" + weekday(date) + "）本来就是休息日：周末只有在法定节假日（"
                            + String.join("、", HOLIDAYS) + "）假期内才登记，名目须写明节日",
                    date + " (" + date.getDayOfWeek() + ") is a rest day anyway: a weekend day is recorded only inside a statutory "
                            + "holiday, and its occasion names the holiday");
        }
        if (REST.equals(kind) && occasion != null && occasion.contains("调休")) {
            checks.add(prefix + "occasion", "休息日的名目是节日，不是调休", "A rest day's occasion is the holiday, not an adjustment (调休)");
        }
        return kind == null || occasion == null || source == null ? null : new Day(date, kind, occasion, source);
    }
}
