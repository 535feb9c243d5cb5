package cn.huiqi.calendar;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.common.NotFoundException;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.CurrentCaller;
import cn.huiqi.identity.Groups;
import cn.huiqi.identity.SecurityLog;

/**
 * The calendar's administration (docs/working-days.md): every signed-in user reads a year; only {@code camunda-admin}
 * sets or removes a day or imports a year's notice. Each changed day is written to calendar_change (who, when, old,
 * new) and the security log; a refused input changes nothing (a year's import is all-or-nothing); the in-memory
 * calendar is reloaded once the change has committed.
 */
@Service
class CalendarDays {

    private static final int MAX_ROWS = 200;

    private final JdbcTemplate jdbc;
    private final CalendarWorkingDays workingDays;
    private final CurrentCaller currentCaller;
    private final Clock clock;

    CalendarDays(JdbcTemplate jdbc, CalendarWorkingDays workingDays, CurrentCaller currentCaller, Clock clock) {
        this.jdbc = jdbc;
        this.workingDays = workingDays;
        this.currentCaller = currentCaller;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public CalendarApi.YearView year(int year) {
        Caller caller = currentCaller.get();
        return view(checkYear(year), caller);
    }

    public int thisYear() {
        return LocalDate.now(clock.withZone(WorkingDays.CHINA)).getYear();
    }

    @Transactional
    public CalendarApi.DayView set(String rawDate, CalendarApi.DayRequest request) {
        Caller caller = administrator();
        CalendarApi.DayRequest r = request == null ? new CalendarApi.DayRequest(null, null, null) : request;
        FieldChecks checks = new FieldChecks();
        DayRules.Day day = DayRules.check(checks, "", rawDate, null, r.kind(), r.occasion(), r.source());
        checks.throwIfAny();
        Instant now = clock.instant();
        Optional<Stored> old = stored(day.date());
        int noticeYear = old.map(Stored::noticeYear).orElse(day.date().getYear());
        if (old.isEmpty() || !old.get().same(day)) {
            upsert(day, noticeYear, old.isPresent(), caller.userId(), now);
            audit(day.date(), old.orElse(null), day, "逐日修改 / edited", caller.userId(), now);
            SecurityLog.event("CALENDAR_DAY_SET", caller.userId(), "day=" + day.date() + " old=" + old.map(Stored::kind).orElse("-")
                    + " new=" + day.kind());
            reloadAfterCommit();
        }
        return stored(day.date()).orElseThrow().view();
    }

    @Transactional
    public void remove(String rawDate) {
        Caller caller = administrator();
        FieldChecks checks = new FieldChecks();
        LocalDate date = DayRules.date(checks, "date", rawDate);
        checks.throwIfAny();
        Stored old = stored(date).orElseThrow(() -> new NotFoundException("date", date + " 不是例外日（周一至周五上班、周六周日休息，无需删除）",
                date + " is no exception to the Monday-Friday week; there is nothing to remove"));
        Instant now = clock.instant();
        jdbc.update("DELETE FROM calendar_day WHERE calendar_date = ?", Date.valueOf(date));
        audit(date, old, null, "删除 / removed", caller.userId(), now);
        SecurityLog.event("CALENDAR_DAY_REMOVED", caller.userId(), "day=" + date + " old=" + old.kind());
        reloadAfterCommit();
    }

    /**
     * Replaces the days of {@code year}'s notice with {@code request.rows()}: rows dated from December of the year
     * before to the end of the year (a notice names the 元旦 days of the old year too); days of the notice that the
     * rows no longer name are removed. The year then counts as loaded.
     */
    @Transactional
    public CalendarApi.ImportResult importNotice(int year, CalendarApi.NoticeRequest request) {
        Caller caller = administrator();
        checkYear(year);
        FieldChecks checks = new FieldChecks();
        List<CalendarApi.NoticeRow> rows = request == null || request.rows() == null ? List.of() : request.rows();
        if (rows.isEmpty()) {
            checks.add("rows", "通知没有任何日期：请逐行给出 date,weekday,kind,occasion,source",
                    "The notice has no days: give one row per day with date, weekday, kind, occasion, source");
        } else if (rows.size() > MAX_ROWS) {
            checks.add("rows", "一年的通知至多 " + MAX_ROWS + " 行，收到 " + rows.size() + " 行",
                    "A year's notice has at most " + MAX_ROWS + " rows, got " + rows.size());
        }
        checks.throwIfAny();
        LocalDate from = LocalDate.of(year - 1, 12, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        Map<LocalDate, DayRules.Day> days = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            CalendarApi.NoticeRow row = rows.get(i);
            String prefix = "rows[" + i + "].";
            if (row == null) {
                checks.add("rows[" + i + "]", "第 " + (i + 1) + " 行为空", "Row " + (i + 1) + " is empty");
                continue;
            }
            DayRules.Day day = DayRules.check(checks, prefix, row.date(), row.weekday(), row.kind(), row.occasion(), row.source());
            if (day == null) {
                continue;
            }
            if (day.date().isBefore(from) || day.date().isAfter(to)) {
                checks.add(prefix + "date", day.date() + " 不属于 " + year + " 年的通知（应在 " + from + " 至 " + to + " 之间）",
                        day.date() + " is not part of the notice for " + year + " (it covers " + from + " to " + to + ")");
            } else if (days.putIfAbsent(day.date(), day) != null) {
                checks.add(prefix + "date", day.date() + " 在通知中出现了两次", day.date() + " appears twice in the notice");
            }
        }
        String source = request.source() == null || request.source().isBlank() ? null
                : checks.requiredText("source", request.source(), "通知文号", "Notice reference", 100);
        checks.throwIfAny();
        if (source == null) {
            source = String.join("；", new LinkedHashSet<>(days.values().stream().map(DayRules.Day::source).toList()));
            if (source.codePointCount(0, source.length()) > 100) {
                throw new InvalidInputException("source", "各行依据不一致，请填写本年通知的文号（不超过100个字符）",
                        "The rows name different sources: give the notice's reference (at most 100 characters)");
            }
        }
        Instant now = clock.instant();
        String note = "导入" + year + "年通知 / notice for " + year + " imported";
        Map<LocalDate, Stored> before = new HashMap<>();
        jdbc.query("SELECT calendar_date, kind, occasion, source, notice_year, updated_by, updated_at FROM calendar_day WHERE notice_year = ? OR (calendar_date >= ? AND calendar_date <= ?)",
                rs -> {
                    Stored s = Stored.of(rs);
                    before.put(s.date(), s);
                }, year, Date.valueOf(from), Date.valueOf(to));
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        int removed = 0;
        for (DayRules.Day day : days.values()) {
            Stored old = before.get(day.date());
            if (old != null && old.same(day) && old.noticeYear() == year) {
                unchanged++;
                continue;
            }
            upsert(day, year, old != null, caller.userId(), now);
            audit(day.date(), old, day, note, caller.userId(), now);
            if (old == null) {
                added++;
            } else {
                changed++;
            }
        }
        for (Stored old : before.values()) {
            if (old.noticeYear() == year && !days.containsKey(old.date())) {
                jdbc.update("DELETE FROM calendar_day WHERE calendar_date = ?", Date.valueOf(old.date()));
                audit(old.date(), old, null, note, caller.userId(), now);
                removed++;
            }
        }
        if (jdbc.update("UPDATE calendar_notice_year SET source = ?, updated_by = ?, updated_at = ? WHERE notice_year = ?", source,
                caller.userId(), Timestamp.from(now), year) == 0) {
            jdbc.update("INSERT INTO calendar_notice_year (notice_year, source, updated_by, updated_at) VALUES (?, ?, ?, ?)", year, source,
                    caller.userId(), Timestamp.from(now));
        }
        SecurityLog.event("CALENDAR_NOTICE_IMPORTED", caller.userId(), "year=" + year + " added=" + added + " changed=" + changed
                + " removed=" + removed + " unchanged=" + unchanged);
        reloadAfterCommit();
        return new CalendarApi.ImportResult(year, added, changed, removed, unchanged, view(year, caller));
    }

    // ---------------------------------------------------------------------------------------------------

    private CalendarApi.YearView view(int year, Caller caller) {
        List<CalendarApi.DayView> days = new ArrayList<>();
        jdbc.query("SELECT calendar_date, kind, occasion, source, notice_year, updated_by, updated_at FROM calendar_day WHERE calendar_date >= ? AND calendar_date <= ? ORDER BY calendar_date",
                rs -> {
                    days.add(Stored.of(rs).view());
                }, Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31)));
        List<Integer> years = jdbc.queryForList("SELECT notice_year FROM calendar_notice_year ORDER BY notice_year", Integer.class);
        List<String> sources = jdbc.queryForList("SELECT source FROM calendar_notice_year WHERE notice_year = ?", String.class, year);
        boolean loaded = !sources.isEmpty();
        List<CalendarApi.ChangeView> changes = caller.isInAny(Groups.CAMUNDA_ADMIN, Groups.AUDITOR) ? changes(year) : List.of();
        return new CalendarApi.YearView(year, loaded, loaded ? sources.get(0) : null,
                loaded ? null : year + "年节假日安排尚未录入：暂按周六、周日休息计算，录入国务院办公厅通知后以通知为准",
                loaded ? null : "The public holidays of " + year + " are not loaded yet: only Saturdays and Sundays count as rest days "
                        + "until the State Council's notice is added",
                years, days, changes, caller.isIn(Groups.CAMUNDA_ADMIN));
    }

    private List<CalendarApi.ChangeView> changes(int year) {
        return jdbc.query("SELECT calendar_date, old_kind, new_kind, old_occasion, occasion, old_source, source, note, changed_by, changed_at "
                        + "FROM calendar_change WHERE calendar_date >= ? AND calendar_date <= ? ORDER BY changed_at DESC, id DESC",
                (rs, n) -> new CalendarApi.ChangeView(rs.getDate("calendar_date").toLocalDate(), rs.getString("old_kind"), rs.getString("new_kind"),
                        rs.getString("old_occasion"), rs.getString("occasion"), rs.getString("old_source"), rs.getString("source"),
                        rs.getString("note"), rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant()),
                Date.valueOf(LocalDate.of(year - 1, 12, 1)), Date.valueOf(LocalDate.of(year, 12, 31)));
    }

    private Caller administrator() {
        Caller caller = currentCaller.get();
        if (!caller.isIn(Groups.CAMUNDA_ADMIN)) {
            throw new AccessDeniedException(caller.userId() + " may not change the working-day calendar");
        }
        return caller;
    }

    private static int checkYear(int year) {
        if (year < 1990 || year > 2199) {
            throw new InvalidInputException("year", "年份应在 1990 至 2199 之间", "The year must be between 1990 and 2199");
        }
        return year;
    }

    private Optional<Stored> stored(LocalDate date) {
        return jdbc.query("SELECT calendar_date, kind, occasion, source, notice_year, updated_by, updated_at FROM calendar_day WHERE calendar_date = ?",
                (rs, n) -> Stored.of(rs), Date.valueOf(date)).stream().findFirst();
    }

    private void upsert(DayRules.Day day, int noticeYear, boolean exists, String actor, Instant now) {
        if (exists) {
            jdbc.update("UPDATE calendar_day SET kind = ?, occasion = ?, source = ?, notice_year = ?, updated_by = ?, updated_at = ? WHERE calendar_date = ?",
                    day.kind(), day.occasion(), day.source(), noticeYear, actor, Timestamp.from(now), Date.valueOf(day.date()));
        } else {
            jdbc.update("INSERT INTO calendar_day (calendar_date, kind, occasion, source, notice_year, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    Date.valueOf(day.date()), day.kind(), day.occasion(), day.source(), noticeYear, actor, Timestamp.from(now));
        }
    }

    private void audit(LocalDate date, Stored old, DayRules.Day now, String note, String actor, Instant at) {
        jdbc.update("INSERT INTO calendar_change (calendar_date, old_kind, new_kind, old_occasion, occasion, old_source, source, note, changed_by, changed_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Date.valueOf(date), old == null ? null : old.kind(), now == null ? null : now.kind(),
                old == null ? null : old.occasion(), now == null ? null : now.occasion(), old == null ? null : old.source(),
                now == null ? null : now.source(), note, actor, Timestamp.from(at));
    }

    private void reloadAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                workingDays.reload();
            }
        });
    }

    private record Stored(LocalDate date, String kind, String occasion, String source, int noticeYear, String updatedBy, Instant updatedAt) {

        static Stored of(java.sql.ResultSet rs) throws java.sql.SQLException {
            return new Stored(rs.getDate("calendar_date").toLocalDate(), rs.getString("kind"), rs.getString("occasion"), rs.getString("source"),
                    rs.getInt("notice_year"), rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
        }

        boolean same(DayRules.Day day) {
            return kind.equals(day.kind()) && occasion.equals(day.occasion()) && source.equals(day.source());
        }

        CalendarApi.DayView view() {
            boolean rest = DayRules.REST.equals(kind);
            return new CalendarApi.DayView(date, DayRules.weekday(date), kind, rest ? "休息日" : "调休上班",
                    rest ? "Rest day" : "Working day (adjusted)", occasion, source, noticeYear, updatedBy, updatedAt);
        }
    }
}
