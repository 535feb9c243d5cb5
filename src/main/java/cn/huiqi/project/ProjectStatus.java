package cn.huiqi.project;

import java.time.LocalDate;

import cn.huiqi.common.Label;

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
    PLANNED(Label.of("计划", "Planned")),
    UNDER_CONSTRUCTION(Label.of("在建", "Under construction")),
    COMPLETED(Label.of("完工", "Completed"));

    private final Label label;

    ProjectStatus(Label label) {
        this.label = label;
    }

    public Label label() { return label; }

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
