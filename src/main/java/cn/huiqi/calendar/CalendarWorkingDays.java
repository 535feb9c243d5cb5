package cn.huiqi.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@link WorkingDays} over table calendar_day, held in memory and reloaded when an administrator changes a day. */
@Component
class CalendarWorkingDays implements WorkingDays {

    private final JdbcTemplate jdbc;
    private volatile Map<LocalDate, Boolean> exceptions;
    private volatile Set<Integer> noticeYears;

    CalendarWorkingDays(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads calendar_day and calendar_notice_year again (after a change by an administrator has committed). */
    synchronized void reload() {
        Map<LocalDate, Boolean> days = new HashMap<>();
        jdbc.query("SELECT calendar_date, kind FROM calendar_day", rs -> {
            days.put(rs.getDate("calendar_date").toLocalDate(), "work".equals(rs.getString("kind")));
        });
        Set<Integer> years = new HashSet<>(jdbc.queryForList("SELECT notice_year FROM calendar_notice_year", Integer.class));
        noticeYears = Set.copyOf(years);
        exceptions = Map.copyOf(days);
    }

    @Override
    public boolean hasNotice(int year) {
        exceptions();
        return noticeYears.contains(year);
    }

    private Map<LocalDate, Boolean> exceptions() {
        Map<LocalDate, Boolean> days = exceptions;
        if (days == null) {
            synchronized (this) {
                if (exceptions == null) {
                    reload();
                }
                days = exceptions;
            }
        }
        return days;
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        Boolean exception = exceptions().get(day);
        if (exception != null) {
            return exception;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    @Override
    public LocalDate workingDayOnOrAfter(LocalDate day) {
        LocalDate next = day;
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    @Override
    public LocalDate lastDayOf(LocalDate eventDay, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("a period has no negative length: " + workingDays);
        }
        LocalDate day = workingDayOnOrAfter(eventDay);
        for (int counted = 0; counted < workingDays; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    @Override
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = workingDayOnOrAfter(from).plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }
}
