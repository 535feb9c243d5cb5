package cn.huiqi.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.common.ConflictException;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.common.Money;
import cn.huiqi.common.NotFoundException;

/**
 * THE definition of investment progress (投资进度) of 洪府办发〔2023〕81号 measure 3, used by the project
 * library (measure 4) and by the measure 3 reward ("平均投资进度超过项目总体平均进度"). Nothing else in
 * the system computes progress. Also documented in {@code docs/projects.md}.
 *
 * <h2>Definitions</h2>
 * <ol>
 * <li><b>Cumulative completed investment at the end of month M</b> = the cumulative investment of the
 * project's report for M. Reports are cumulative since the project began (see {@link ProgressReport}).
 * <b>Missing month:</b> when there is no report for M, the latest report before M is carried forward
 * (nothing was added that month); before the first report the value is <b>zero</b>. The same rule holds
 * for cumulative equipment investment.</li>
 * <li><b>Investment progress at the end of M</b> = cumulative completed investment at the end of M ÷
 * planned total investment, a ratio (0.350000 = 35 %), rounded half-up to {@value #SCALE} decimals. It
 * may exceed 1 (cost overrun); it is not capped.</li>
 * <li><b>Average progress of a project over months F..T</b> (measure 3: 2023-07..2023-09) = the arithmetic
 * mean of its month-end progress values for every month F..T (each already rounded), rounded half-up to
 * {@value #SCALE} decimals. Every month counts, a missing one with its carried-forward (or zero) value.</li>
 * <li><b>Population</b> ("all projects" of 项目总体): every library project that was under way or due to be
 * under way during the window: the earlier of its planned and actual start is on or before the last day of T,
 * and it was not completed before the first day of F (no actual completion, or actual completion ≥ F-01).
 * Why: a project not due to start until after the window has zero progress by design and would drag the
 * average down; a project completed before the window made no progress in it and would only inflate it; a
 * delayed project that should have started counts with its (low) progress, because lagging behind plan is
 * what the comparison measures. Projects completed inside the window count. The population is city-wide,
 * regardless of who asks.</li>
 * <li><b>Overall average progress</b> = arithmetic mean of the average progress of every project of the
 * population, rounded half-up to {@value #SCALE} decimals; none when the population is empty.</li>
 * <li><b>Exceeds the overall average</b> = the project is in the population and its average is strictly
 * greater than the overall average, both as rounded above. <b>Equal is not eligible.</b></li>
 * <li><b>Equipment investment within F..T</b> = cumulative equipment at the end of T − cumulative equipment
 * at the end of the month before F (both with the missing-month rule). When the project began before F
 * (actual start, or planned start if it has none) but no report exists for any month before F, the amount
 * before the window is unknown and {@link #equipmentInvestmentIn} refuses (409) rather than counting
 * earlier equipment as in-window.</li>
 * </ol>
 * All arithmetic is BigDecimal; ratios have {@value #SCALE} decimals, money two.
 */
@Service
public class InvestmentProgress {

    public static final int SCALE = 6;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    /** One month end of one project: the cumulative value used and whether it was reported or carried forward. */
    public record MonthProgress(YearMonth month, BigDecimal cumulativeInvestment, BigDecimal cumulativeEquipmentInvestment,
                                BigDecimal progress, boolean reported) {
    }

    /**
     * What measure 3 needs for one project and a window: its month-end values and average, the overall
     * average of the population, and whether it strictly exceeds it ({@code exceedsOverall}; equal → false).
     */
    public record ProgressComparison(long projectId, String projectName, YearMonth from, YearMonth to,
                                     List<MonthProgress> months, BigDecimal projectAverage, BigDecimal overallAverage,
                                     int populationSize, boolean inPopulation, boolean exceedsOverall,
                                     String basisZh, String basisEn) {
    }

    static final String BASIS_ZH = "投资进度＝截至月末累计完成投资÷计划总投资（6位小数，四舍五入）；缺报月份沿用上月累计数，首次填报前为0；"
            + "项目平均进度＝各月末进度的算术平均；总体平均进度＝期间内在库项目（计划或实际开工不晚于期末、且未在期初前完工）平均进度的算术平均；"
            + "须严格高于总体平均进度，相等不符合。";
    static final String BASIS_EN = "Progress = cumulative completed investment at the month end / planned total investment "
            + "(6 decimals, half-up); a month without a report carries the previous cumulative value forward, zero before the first "
            + "report; a project's average = mean of its month-end values; overall = mean of the averages of all library projects "
            + "under way in the window (planned or actual start on or before its end, not completed before its start); "
            + "the project must be strictly above the overall average, equal does not qualify.";

    private final ProjectRepository projects;
    private final ProgressReportRepository reports;

    public InvestmentProgress(ProjectRepository projects, ProgressReportRepository reports) {
        this.projects = projects;
        this.reports = reports;
    }

    /** The project's average progress over from..to against the overall average (measure 3's test). */
    @Transactional(readOnly = true)
    public ProgressComparison compare(long projectId, YearMonth from, YearMonth to) {
        checkWindow(from, to);
        Project project = find(projectId);
        List<ProgressReport> own = reports.findByProjectIdOrderByMonth(projectId);
        List<MonthProgress> months = monthEnds(project, own, from, to);
        BigDecimal average = mean(months.stream().map(MonthProgress::progress).toList());
        Population population = population(from, to);
        boolean inPopulation = inPopulation(project, from, to);
        boolean exceeds = inPopulation && population.overall() != null && average.compareTo(population.overall()) > 0;
        return new ProgressComparison(projectId, project.getName(), from, to, months, average, population.overall(),
                population.size(), inPopulation, exceeds, BASIS_ZH, BASIS_EN);
    }

    /** The overall average progress over from..to, or null when no project was under way. */
    @Transactional(readOnly = true)
    public BigDecimal overallAverage(YearMonth from, YearMonth to) {
        checkWindow(from, to);
        return population(from, to).overall();
    }

    /** The project's average progress over from..to. */
    @Transactional(readOnly = true)
    public BigDecimal averageProgress(long projectId, YearMonth from, YearMonth to) {
        checkWindow(from, to);
        Project project = find(projectId);
        return averageProgress(project, reports.findByProjectIdOrderByMonth(projectId), from, to);
    }

    /**
     * Production-equipment investment completed within from..to, from the monthly reports (measure 3's
     * reward base). 409 when the project began before {@code from} and has no report before it.
     */
    @Transactional(readOnly = true)
    public BigDecimal equipmentInvestmentIn(long projectId, YearMonth from, YearMonth to) {
        checkWindow(from, to);
        Project project = find(projectId);
        List<ProgressReport> own = reports.findByProjectIdOrderByMonth(projectId);
        return equipmentInvestmentIn(project, own, from, to);
    }

    // ---- the definition itself, on a project and its reports (no database) ----

    static BigDecimal equipmentInvestmentIn(Project project, List<ProgressReport> reports, YearMonth from, YearMonth to) {
        YearMonth before = from.minusMonths(1);
        LocalDate began = project.getActualStart() != null ? project.getActualStart() : project.getPlannedStart();
        boolean baselineReported = reports.stream().anyMatch(r -> !r.getMonth().isAfter(before));
        if (began.isBefore(from.atDay(1)) && !baselineReported) {
            throw new ConflictException("month",
                    "项目“" + project.getName() + "”于 " + from + " 之前开工，但没有 " + before + " 或更早的月报，无法确定期间内的设备投资；请先补报 " + before + " 的累计数",
                    "Project '" + project.getName() + "' began before " + from + " but has no report for " + before
                            + " or earlier, so the equipment investment within the window cannot be determined; report " + before + " first");
        }
        BigDecimal amount = reportAt(reports, to, ProgressReport::getCumulativeEquipment)
                .subtract(reportAt(reports, before, ProgressReport::getCumulativeEquipment));
        return Money.fen(amount.max(BigDecimal.ZERO));
    }

    /** Cumulative completed investment at the end of {@code month}: carried forward, zero before the first report. */
    public static BigDecimal cumulativeInvestmentAt(List<ProgressReport> reports, YearMonth month) {
        return reportAt(reports, month, ProgressReport::getCumulativeInvestment);
    }

    public static BigDecimal cumulativeEquipmentAt(List<ProgressReport> reports, YearMonth month) {
        return reportAt(reports, month, ProgressReport::getCumulativeEquipment);
    }

    /** Investment progress at the end of {@code month}, {@value #SCALE} decimals half-up. */
    public static BigDecimal progressAt(Project project, List<ProgressReport> reports, YearMonth month) {
        return ratio(cumulativeInvestmentAt(reports, month), project.getPlannedTotalInvestment());
    }

    static List<MonthProgress> monthEnds(Project project, List<ProgressReport> reports, YearMonth from, YearMonth to) {
        List<MonthProgress> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            YearMonth month = m;
            BigDecimal cumulative = cumulativeInvestmentAt(reports, month);
            months.add(new MonthProgress(month, cumulative, cumulativeEquipmentAt(reports, month),
                    ratio(cumulative, project.getPlannedTotalInvestment()),
                    reports.stream().anyMatch(r -> r.getMonth().equals(month))));
        }
        return months;
    }

    public static BigDecimal averageProgress(Project project, List<ProgressReport> reports, YearMonth from, YearMonth to) {
        return mean(monthEnds(project, reports, from, to).stream().map(MonthProgress::progress).toList());
    }

    /** Whether the project belongs to the population of "all projects" for the window (definition 4). */
    public static boolean inPopulation(Project project, YearMonth from, YearMonth to) {
        boolean dueOrStarted = !project.earliestStart().isAfter(to.atEndOfMonth());
        boolean notCompletedBefore = project.getActualCompletion() == null || !project.getActualCompletion().isBefore(from.atDay(1));
        return dueOrStarted && notCompletedBefore;
    }

    record Population(int size, BigDecimal overall) {
    }

    private Population population(YearMonth from, YearMonth to) {
        List<Project> members = projects.findAll().stream().filter(p -> inPopulation(p, from, to)).toList();
        if (members.isEmpty()) {
            return new Population(0, null);
        }
        Map<Long, List<ProgressReport>> byProject = reports.findByProjectIdIn(members.stream().map(Project::getId).toList())
                .stream().collect(Collectors.groupingBy(ProgressReport::getProjectId));
        List<BigDecimal> averages = members.stream()
                .map(p -> averageProgress(p, byProject.getOrDefault(p.getId(), List.of()), from, to)).toList();
        return new Population(members.size(), mean(averages));
    }

    static BigDecimal overallOf(Map<Project, List<ProgressReport>> library, YearMonth from, YearMonth to) {
        List<BigDecimal> averages = library.entrySet().stream().filter(e -> inPopulation(e.getKey(), from, to))
                .map(e -> averageProgress(e.getKey(), e.getValue(), from, to)).toList();
        return averages.isEmpty() ? null : mean(averages);
    }

    static BigDecimal ratio(BigDecimal amount, BigDecimal planned) {
        return amount.divide(planned, SCALE, ROUNDING);
    }

    static BigDecimal mean(List<BigDecimal> values) {
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(values.size()), SCALE, ROUNDING);
    }

    private static BigDecimal reportAt(List<ProgressReport> reports, YearMonth month,
                                       java.util.function.Function<ProgressReport, BigDecimal> value) {
        return reports.stream().filter(r -> !r.getMonth().isAfter(month))
                .max(Comparator.comparing(ProgressReport::getMonth))
                .map(value).map(Money::fen).orElse(Money.fen(BigDecimal.ZERO));
    }

    private Project find(long projectId) {
        return projects.findById(projectId).orElseThrow(() -> new NotFoundException("projectId",
                "项目 " + projectId + " 不存在", "Project " + projectId + " does not exist"));
    }

    static void checkWindow(YearMonth from, YearMonth to) {
        if (from == null || to == null) {
            throw new InvalidInputException("from", "期间的起止月份不能为空", "The window's first and last month are required");
        }
        if (from.isAfter(to)) {
            throw new InvalidInputException("to", "期间的结束月份不能早于开始月份", "The window may not end before it begins");
        }
        if (from.plusYears(10).isBefore(to)) {
            throw new InvalidInputException("to", "期间不能超过10年", "The window may not exceed 10 years");
        }
    }
}
