package cn.huiqi.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The Chinese working-day clock. Every time limit counted in working days is computed here, by one counting rule
 * (docs/working-days.md):
 * <ul>
 * <li>a period counted in days starts the day after the event (民法典 第201条);</li>
 * <li>if its last day is a rest day, it ends at the end of the next working day (第203条): counting working days
 * only gives that at once;</li>
 * <li>an event on a rest day counts as if it happened on the next working day, so the period starts the working day
 * after that (the system's reading, labelled as such where it is shown).</li>
 * </ul>
 * A period ends at the end of its last day, 24:00 Asia/Shanghai. A year whose notice on public holidays is not loaded
 * yet ({@link #hasNotice}) has Saturdays and Sundays as its only rest days until an administrator adds the notice.
 */
public interface WorkingDays {

    ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    boolean isWorkingDay(LocalDate day);

    /**
     * Whether the State Council's notice on public holidays for {@code year} is loaded; without it only Saturdays and
     * Sundays are rest days in that year, and pages showing its dates say so ("2027年节假日安排尚未录入").
     */
    default boolean hasNotice(int year) {
        return true;
    }

    /** The day itself when it is a working day, else the next working day after it. */
    LocalDate workingDayOnOrAfter(LocalDate day);

    /**
     * The last day of a period of {@code workingDays} working days triggered on {@code eventDay}. Example: 5 working
     * days from Thursday 2023-09-28 end on Wednesday 2023-10-11.
     */
    LocalDate lastDayOf(LocalDate eventDay, int workingDays);

    /**
     * Working days after {@code from} up to and including {@code to}: how many days of a period triggered on
     * {@code from} have passed by the end of {@code to} (an event on a rest day counts from the next working
     * day, as in {@link #lastDayOf}). Zero when {@code to} is not after that day.
     */
    int workingDaysBetween(LocalDate from, LocalDate to);

    /** The instant a period whose last day is {@code lastDay} ends: 24:00 of that day in Asia/Shanghai. */
    default Instant endOf(LocalDate lastDay) {
        return lastDay.plusDays(1).atStartOfDay(CHINA).toInstant();
    }

    /** The instant a period of {@code workingDays} working days triggered at {@code event} ends. */
    default Instant deadline(Instant event, int workingDays) {
        return endOf(lastDayOf(event.atZone(CHINA).toLocalDate(), workingDays));
    }
}
