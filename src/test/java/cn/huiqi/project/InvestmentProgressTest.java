package cn.huiqi.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import cn.huiqi.common.ConflictException;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.project.InvestmentProgress.MonthProgress;
import cn.huiqi.project.InvestmentProgress.ProgressComparison;

/** The one definition of investment progress (measure 3 over the project library of measure 4). */
class InvestmentProgressTest extends ProjectLibraryTestBase {

    static final YearMonth FROM = YearMonth.of(2023, 7);
    static final YearMonth TO = YearMonth.of(2023, 9);
    static final String PLANNED = "100000000.00";

    /**
     * Planned total 100,000,000.00 each; month-end progress 07 / 08 / 09 → average:
     * A .1/.2/.3 → .200000, B .4/.5/.599997 → .499999, C .3/.35/.4 → .350000, D .3/.35/.400003 → .350001;
     * overall of A-D = 1.4 / 4 = .350000, so C is exactly equal (not eligible) and D just above.
     * E (planned to start 2023-10-01) and F (completed 2023-06-30, 100 %) are outside the population.
     */
    @Test
    void projectExactlyAtTheOverallAverageIsNotEligibleAndOneJustAboveIs() {
        Project a = project("A", "donghu", PLANNED, "2023-03-01", "2024-06-30", "2023-03-01", null, false);
        report(a, "2023-06", "5000000.00", "1000000.00");
        report(a, "2023-07", "10000000.00", "3000000.00");
        report(a, "2023-08", "20000000.00", "8000000.00");
        report(a, "2023-09", "30000000.00", "12500000.00");
        Project b = project("B", "xihu", PLANNED, "2023-01-01", "2024-06-30", "2023-01-01", null, true);
        report(b, "2023-07", "40000000.00", "0");
        report(b, "2023-08", "50000000.00", "0");
        report(b, "2023-09", "59999700.00", "0");
        Project c = project("C", "donghu", PLANNED, "2023-01-01", "2024-06-30", "2023-01-01", null, false);
        report(c, "2023-07", "30000000.00", "0");
        report(c, "2023-08", "35000000.00", "0");
        report(c, "2023-09", "40000000.00", "0");
        Project d = project("D", "donghu", PLANNED, "2023-01-01", "2024-06-30", "2023-01-01", null, false);
        report(d, "2023-07", "30000000.00", "0");
        report(d, "2023-08", "35000000.00", "0");
        report(d, "2023-09", "40000300.00", "0");
        Project e = project("E", "donghu", PLANNED, "2023-10-01", "2024-06-30", null, null, false);
        Project f = project("F", "donghu", PLANNED, "2023-01-10", "2023-06-30", "2023-01-10", "2023-06-30", false);
        report(f, "2023-06", "100000000.00", "0");

        ProgressComparison atAverage = progress.compare(c.getId(), FROM, TO);
        assertThat(atAverage.projectAverage()).isEqualTo(new BigDecimal("0.350000"));
        assertThat(atAverage.overallAverage()).isEqualTo(new BigDecimal("0.350000"));
        assertThat(atAverage.populationSize()).isEqualTo(4);
        assertThat(atAverage.inPopulation()).isTrue();
        assertThat(atAverage.exceedsOverall()).as("equal is not eligible").isFalse();
        assertThat(atAverage.months()).extracting(MonthProgress::progress)
                .containsExactly(new BigDecimal("0.300000"), new BigDecimal("0.350000"), new BigDecimal("0.400000"));

        ProgressComparison justAbove = progress.compare(d.getId(), FROM, TO);
        assertThat(justAbove.projectAverage()).isEqualTo(new BigDecimal("0.350001"));
        assertThat(justAbove.exceedsOverall()).isTrue();

        assertThat(progress.compare(a.getId(), FROM, TO).projectAverage()).isEqualTo(new BigDecimal("0.200000"));
        assertThat(progress.compare(a.getId(), FROM, TO).exceedsOverall()).isFalse();
        assertThat(progress.compare(b.getId(), FROM, TO).projectAverage()).isEqualTo(new BigDecimal("0.499999"));
        assertThat(progress.compare(b.getId(), FROM, TO).exceedsOverall()).isTrue();

        ProgressComparison completedBefore = progress.compare(f.getId(), FROM, TO);
        assertThat(completedBefore.projectAverage()).isEqualTo(new BigDecimal("1.000000"));
        assertThat(completedBefore.inPopulation()).isFalse();
        assertThat(completedBefore.exceedsOverall()).as("outside the population").isFalse();
        assertThat(progress.compare(e.getId(), FROM, TO).inPopulation()).isFalse();
        assertThat(progress.overallAverage(FROM, TO)).isEqualTo(new BigDecimal("0.350000"));

        assertThat(progress.equipmentInvestmentIn(a.getId(), FROM, TO)).isEqualTo(new BigDecimal("11500000.00"));
        assertThatThrownBy(() -> progress.equipmentInvestmentIn(b.getId(), FROM, TO))
                .as("began before July without a June report: the amount before the window is unknown")
                .isInstanceOf(ConflictException.class).hasMessageContaining("2023-06");
    }

    /**
     * G reports June and August only: July carries June forward, September carries August forward.
     * H starts in July with its first report in August: July counts as zero.
     */
    @Test
    void missingMonthsCarryTheLastReportForwardAndCountZeroBeforeTheFirst() {
        Project g = project("G", "donghu", PLANNED, "2023-05-01", "2024-06-30", "2023-05-01", null, false);
        report(g, "2023-06", "10000000.00", "2000000.00");
        report(g, "2023-08", "30000000.00", "5000000.00");
        Project h = project("H", "donghu", PLANNED, "2023-07-01", "2024-06-30", "2023-07-10", null, false);
        report(h, "2023-08", "20000000.00", "4000000.00");

        ProgressComparison gp = progress.compare(g.getId(), FROM, TO);
        assertThat(gp.months()).extracting(MonthProgress::cumulativeInvestment).containsExactly(
                new BigDecimal("10000000.00"), new BigDecimal("30000000.00"), new BigDecimal("30000000.00"));
        assertThat(gp.months()).extracting(MonthProgress::reported).containsExactly(false, true, false);
        assertThat(gp.projectAverage()).isEqualTo(new BigDecimal("0.233333")); // (0.1 + 0.3 + 0.3) / 3, half-up

        ProgressComparison hp = progress.compare(h.getId(), FROM, TO);
        assertThat(hp.months()).extracting(MonthProgress::progress).containsExactly(
                new BigDecimal("0.000000"), new BigDecimal("0.200000"), new BigDecimal("0.200000"));
        assertThat(hp.projectAverage()).isEqualTo(new BigDecimal("0.133333"));
        assertThat(gp.overallAverage()).isEqualTo(new BigDecimal("0.183333")); // (0.233333 + 0.133333) / 2 = 0.183333

        assertThat(progress.equipmentInvestmentIn(g.getId(), FROM, TO)).isEqualTo(new BigDecimal("3000000.00"));
        assertThat(progress.equipmentInvestmentIn(h.getId(), FROM, TO)).as("began inside the window: baseline zero")
                .isEqualTo(new BigDecimal("4000000.00"));
    }

    @Test
    void ratiosHaveSixDecimalsRoundedHalfUp() {
        assertThat(InvestmentProgress.ratio(new BigDecimal("200.00"), new BigDecimal("300.00"))).isEqualTo(new BigDecimal("0.666667"));
        assertThat(InvestmentProgress.ratio(new BigDecimal("0.05"), new BigDecimal("100000.00"))).isEqualTo(new BigDecimal("0.000001"));
        assertThat(InvestmentProgress.mean(java.util.List.of(new BigDecimal("0.000001"), new BigDecimal("0.000002"))))
                .isEqualTo(new BigDecimal("0.000002")); // 0.0000015 half-up
    }

    @Test
    void populationIsEveryProjectDueOrStartedByTheWindowEndAndNotCompletedBeforeItsStart() {
        Project delayed = project("delayed", "donghu", PLANNED, "2023-08-01", "2024-06-30", null, null, true);
        Project later = project("later", "donghu", PLANNED, "2023-10-01", "2024-06-30", null, null, false);
        Project early = project("early", "donghu", PLANNED, "2023-11-01", "2024-06-30", "2023-09-30", null, false);
        Project doneBefore = project("doneBefore", "donghu", PLANNED, "2023-01-01", "2023-06-30", "2023-01-01", "2023-06-30", false);
        Project doneOnFirstDay = project("doneOnFirstDay", "donghu", PLANNED, "2023-01-01", "2023-07-01", "2023-01-01", "2023-07-01", false);
        assertThat(InvestmentProgress.inPopulation(delayed, FROM, TO)).isTrue();
        assertThat(InvestmentProgress.inPopulation(later, FROM, TO)).isFalse();
        assertThat(InvestmentProgress.inPopulation(early, FROM, TO)).isTrue();
        assertThat(InvestmentProgress.inPopulation(doneBefore, FROM, TO)).isFalse();
        assertThat(InvestmentProgress.inPopulation(doneOnFirstDay, FROM, TO)).isTrue();
        // the delayed project has no report: zero progress, and it pulls the overall average down
        assertThat(progress.compare(delayed.getId(), FROM, TO).projectAverage()).isEqualTo(new BigDecimal("0.000000"));
        assertThat(progress.compare(delayed.getId(), FROM, TO).populationSize()).isEqualTo(3);
    }

    @Test
    void windowMustBeInOrder() {
        Project a = project("A", "donghu", PLANNED, "2023-03-01", "2024-06-30", "2023-03-01", null, false);
        assertThatThrownBy(() -> progress.compare(a.getId(), TO, FROM)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> progress.compare(999_999L, FROM, TO)).isInstanceOf(cn.huiqi.common.NotFoundException.class);
    }
}
