package cn.huiqi.project;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Optional;

/**
 * The three lists of measure 4 (梳理开工项目清单、完工项目清单，在库推进重大项目清单), for a month M
 * (first day M-01 .. last day end(M), inclusive), all by the projects' ACTUAL dates:
 * <ul>
 * <li>{@link #STARTED} 开工项目清单: every project actually started on or before end(M) (started in M or
 * earlier, whether or not completed since) — the register of started projects as it stood at the end of M.
 * A project whose actual start is M-01 .. end(M) is flagged "本月开工 started in M".</li>
 * <li>{@link #COMPLETED} 完工项目清单: projects whose actual completion date falls in M (M-01 .. end(M));
 * a completion on the last day of M is in M's list, on the first day of M+1 in M+1's.</li>
 * <li>{@link #MAJOR} 在库推进重大项目清单: major projects (重大项目) not completed by end(M) (no actual
 * completion, or one after end(M)), whether started or still planned; a major project completed in M or
 * before is no longer "advancing".</li>
 * </ul>
 * Each list can be narrowed to one locality; callers see only what {@link ProjectAccess} lets them read.
 */
enum ProjectList {

    STARTED("started", "开工项目清单", "Started projects",
            "截至所选月份月末已实际开工的项目（含本月开工及以前开工、含其后已完工的项目）",
            "Projects actually started on or before the last day of the month (in it or earlier, completed since or not)"),
    COMPLETED("completed", "完工项目清单", "Completed projects",
            "实际完工日期在所选月份内（当月1日至月末，含月末）的项目",
            "Projects whose actual completion date is within the month (first to last day, inclusive)"),
    MAJOR("major", "在库推进重大项目清单", "Major projects advancing in the library",
            "重大项目中截至所选月份月末尚未完工的项目（含已开工在建和尚未开工的）",
            "Major projects not completed by the last day of the month (under construction or not yet started)");

    private final String key;
    private final String titleZh;
    private final String titleEn;
    private final String definitionZh;
    private final String definitionEn;

    ProjectList(String key, String titleZh, String titleEn, String definitionZh, String definitionEn) {
        this.key = key;
        this.titleZh = titleZh;
        this.titleEn = titleEn;
        this.definitionZh = definitionZh;
        this.definitionEn = definitionEn;
    }

    public boolean includes(Project project, YearMonth month) {
        LocalDate end = month.atEndOfMonth();
        LocalDate start = project.getActualStart();
        LocalDate completion = project.getActualCompletion();
        return switch (this) {
            case STARTED -> start != null && !start.isAfter(end);
            case COMPLETED -> completion != null && YearMonth.from(completion).equals(month);
            case MAJOR -> project.isMajor() && (completion == null || completion.isAfter(end));
        };
    }

    public static Optional<ProjectList> ofKey(String key) {
        return Arrays.stream(values()).filter(l -> l.key.equals(key)).findFirst();
    }

    public String key() { return key; }
    public String titleZh() { return titleZh; }
    public String titleEn() { return titleEn; }
    public String definitionZh() { return definitionZh; }
    public String definitionEn() { return definitionEn; }
}
