package cn.huiqi.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What /api/calendar reads and writes (docs/working-days.md). */
final class CalendarApi {

    private CalendarApi() {
    }

    /**
     * A year as the page shows it: the days that differ from Monday-Friday, whether the year's notice is loaded (if not,
     * {@code warningZh}/{@code warningEn} say that only weekends are rest days), the loaded years, the audit of the
     * year's days (administrators and auditors) and whether the caller may change days.
     */
    record YearView(int year, boolean noticeLoaded, String noticeSource, String warningZh, String warningEn, List<Integer> noticeYears,
                    List<DayView> days, List<ChangeView> changes, boolean canEdit) {
    }

    /** A day that differs from the Monday-Friday week. {@code kind}: rest (休) or work (调休上班). */
    record DayView(LocalDate date, String weekday, String kind, String kindZh, String kindEn, String occasion, String source,
                   int noticeYear, String updatedBy, Instant updatedAt) {
    }

    record ChangeView(LocalDate date, String oldKind, String newKind, String oldOccasion, String occasion, String oldSource,
                      String source, String note, String changedBy, Instant changedAt) {
    }

    /** PUT /api/calendar/days/{date}: what the day becomes. */
    record DayRequest(String kind, String occasion, String source) {
    }

    /** One row of a year's notice, with the columns of cn-working-calendar-*.csv ({@code weekday} optional, checked). */
    record NoticeRow(String date, String weekday, String kind, String occasion, String source) {
    }

    /** POST /api/calendar/{year}/notice: the whole notice of a year; it replaces the days of that year's notice. */
    record NoticeRequest(String source, List<NoticeRow> rows) {
    }

    record ImportResult(int year, int added, int changed, int removed, int unchanged, YearView view) {
    }
}
