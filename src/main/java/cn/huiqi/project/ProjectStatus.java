package cn.huiqi.project;

import java.time.LocalDate;

/**
 * Where a project stands on a given day, derived from its actual dates only (never set by hand):
 * <ul>
 * <li>{@code COMPLETED} 完工 — actual completion date on or before the day;</li>
 * <li>{@code UNDER_CONSTRUCTION} 在建 — actual start on or before the day, not completed by then;</li>
 * <li>{@code PLANNED} 计划 — not (yet) actually started by the day.</li>
 * </ul>
 * The stored {@code project.status} is the status as of today; the lists use the status at a month end.
 */
enum ProjectStatus {
    PLANNED("计划", "Planned"),
    UNDER_CONSTRUCTION("在建", "Under construction"),
    COMPLETED("完工", "Completed");

    private final String zh;
    private final String en;

    ProjectStatus(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() { return zh; }
    public String en() { return en; }

    public static ProjectStatus on(LocalDate actualStart, LocalDate actualCompletion, LocalDate day) {
        if (actualCompletion != null && !actualCompletion.isAfter(day)) {
            return COMPLETED;
        }
        if (actualStart != null && !actualStart.isAfter(day)) {
            return UNDER_CONSTRUCTION;
        }
        return PLANNED;
    }
}
