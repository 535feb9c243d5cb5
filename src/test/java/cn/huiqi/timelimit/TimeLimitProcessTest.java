package cn.huiqi.timelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import cn.huiqi.calendar.WorkingDays;
import cn.huiqi.casefile.CaseView;
import cn.huiqi.casefile.CaseViews;
import cn.huiqi.casefile.RewardStatus;
import cn.huiqi.fund.CaseFunds;
import cn.huiqi.fund.FundFigures;
import cn.huiqi.fund.FundLedger;
import cn.huiqi.fund.PoolBalance;
import cn.huiqi.orderreward.OrderApplicationType;
import cn.huiqi.testsupport.DueJobs;
import cn.huiqi.testsupport.ProcessTestSupport;

/**
 * Time limits of measure 1's steps on the working-day clock, with the engine's clock under the test's control
 * (ClockUtil) and the due jobs executed by the test: due dates, the 80 % reminder and the overdue step with its 督办
 * item, the pause while the enterprise supplements, and the supplement deadline that withdraws the case.
 */
@RecordApplicationEvents
class TimeLimitProcessTest extends ProcessTestSupport {

    @Autowired
    ApplicationEvents published;
    @Autowired
    SupervisionController supervision;
    @Autowired
    CaseViews views;
    @Autowired
    FundLedger ledger;
    @Autowired
    FundFigures figures;
    @Autowired
    StepClocks clocks;
    @Autowired
    JdbcTemplate jdbc;

    private String applicant;

    @BeforeEach
    void freshEnterprise() {
        applicant = newEnterpriseUser("donghu");
    }

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    @Test
    void limitedTasksAreDueOnTheirLastWorkingDayRemindedOnceAndSupervisedWhenOverdue() {
        at("2023-09-28T10:00"); // Thursday before the National Day week
        ProcessInstance instance = apply();
        ProcessInstance chain = review(instance);

        Task verification = taskFor(instance, "Task_LocalityVerification", "donghu");
        assertThat(verification.getDueDate()).as("5 working days: 10-07, 10-08 (调休), 10-09, 10-10, 10-11")
                .isEqualTo(endOf("2023-10-11"));
        assertThat(step(instance, "Task_LocalityVerification")).extracting(CaseView.StepTime::limitDays, CaseView.StepTime::elapsedDays,
                CaseView.StepTime::remainingDays, CaseView.StepTime::state).containsExactly(5, 0, 5, "RUNNING");

        at("2023-10-10T09:00");
        runDueJobs(chain);
        assertThat(ofCase(StepDueSoon.class, instance)).as("4 of 5 working days pass only at the end of 10-10").isEmpty();
        at("2023-10-11T09:00");
        runDueJobs(chain);
        runDueJobs(chain);
        assertThat(ofCase(StepDueSoon.class, instance)).singleElement().satisfies(soon -> {
            assertThat(soon.step()).isEqualTo("Task_LocalityVerification");
            assertThat(soon.unit()).isEqualTo("donghu");
            assertThat(soon.due()).isEqualTo(endOf("2023-10-11").toInstant());
        });
        assertThat(step(instance, "Task_LocalityVerification")).as("10-11 is day 5 of 5: the last day")
                .extracting(CaseView.StepTime::elapsedDays, CaseView.StepTime::remainingDays).containsExactly(5, 0);
        assertThat(ofCase(StepOverdue.class, instance)).isEmpty();

        at("2023-10-12T08:30");
        runDueJobs(chain);
        runDueJobs(chain);
        assertThat(ofCase(StepOverdue.class, instance)).singleElement().satisfies(overdue -> {
            assertThat(overdue.caseId()).isEqualTo(caseOf(instance).getId());
            assertThat(overdue.unit()).isEqualTo("donghu");
            assertThat(overdue.leadUnit()).isEqualTo("gxj");
        });
        assertThat(step(instance, "Task_LocalityVerification").overdue()).isTrue();
        assertThat(as("gxj-reviewer", () -> supervision.open(null, null, null, null, null, "100").items())).filteredOn(item -> item.subject().equals(caseNumber(instance)))
                .singleElement().satisfies(item -> {
                    assertThat(item.step()).isEqualTo("Task_LocalityVerification");
                    assertThat(item.unit()).isEqualTo("donghu");
                    assertThat(item.unitName()).isEqualTo("东湖区");
                    assertThat(item.overdueDays()).isEqualTo(1);
                });
        for (String notLead : List.of("swj-reviewer", "donghu-verifier", "czj-finance", applicant)) {
            assertThatThrownBy(() -> as(notLead, () -> supervision.open(null, null, null, null, null, "100").items())).as(notLead).isInstanceOf(AccessDeniedException.class);
        }

        completeAs("donghu-verifier", taskFor(instance, "Task_LocalityVerification", "donghu"), approveAccepting(1));
        assertThat(as("gxj-reviewer", () -> supervision.open(null, null, null, null, null, "100").items())).as("closed when the step is done")
                .noneMatch(item -> item.subject().equals(caseNumber(instance)));
        for (String unit : List.of("gxj", "swj")) {
            assertThat(taskFor(instance, "Task_CityReview", unit).getDueDate()).as("10 working days from Thursday 10-12")
                    .isEqualTo(endOf("2023-10-26"));
        }
        assertThat(views.withTimeline(caseOf(instance)).steps()).extracting(CaseView.StepTime::step, CaseView.StepTime::unit,
                CaseView.StepTime::state).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Task_LocalityVerification", "donghu", "DONE"),
                        org.assertj.core.groups.Tuple.tuple("Task_CityReview", "gxj", "RUNNING"),
                        org.assertj.core.groups.Tuple.tuple("Task_CityReview", "swj", "RUNNING"));
    }

    @Test
    void theStepClockPausesWhileTheEnterpriseSupplementsEvenWhenSentBackTwice() {
        at("2023-09-04T09:00"); // Monday
        ProcessInstance instance = apply();
        assertThat(taskFor(instance, "Task_LocalityVerification", "donghu").getDueDate()).isEqualTo(endOf("2023-09-11"));

        at("2023-09-06T15:00"); // day 2
        completeAs("donghu-verifier", taskFor(instance, "Task_LocalityVerification", "donghu"), decision("sendBack", "请补充验收单"));
        assertThat(singleTask(instance, "Task_LocalitySupplement").getDueDate()).as("the enterprise's deadline: 10 working days")
                .isEqualTo(endOf("2023-09-20"));
        assertThat(step(instance, "Task_LocalityVerification")).extracting(CaseView.StepTime::elapsedDays, CaseView.StepTime::remainingDays,
                CaseView.StepTime::state).containsExactly(2, 3, "PAUSED");

        at("2023-09-12T10:00"); // 4 working days later
        supplement(instance);
        assertThat(taskFor(instance, "Task_LocalityVerification", "donghu").getDueDate()).as("5 − 2 = 3 working days later")
                .isEqualTo(endOf("2023-09-15"));

        at("2023-09-14T10:00"); // 2 more days used: 4 in all
        completeAs("donghu-verifier", taskFor(instance, "Task_LocalityVerification", "donghu"), decision("sendBack", "请补充发票"));
        at("2023-09-18T10:00");
        supplement(instance);
        assertThat(taskFor(instance, "Task_LocalityVerification", "donghu").getDueDate()).as("1 working day left")
                .isEqualTo(endOf("2023-09-19"));
        assertThat(step(instance, "Task_LocalityVerification")).extracting(CaseView.StepTime::elapsedDays, CaseView.StepTime::remainingDays)
                .containsExactly(4, 1);
        assertThat(ofCase(StepDueSoon.class, instance)).as("no task ran up to 80 % (4 of 5 days) before").isEmpty();
        runDueJobs(review(instance));
        assertThat(ofCase(StepDueSoon.class, instance)).as("past 80 % on resuming: reminded at once, once").hasSize(1);
    }

    @Test
    void noSupplementByTheDeadlineWithdrawsTheCaseAfterAReminder() {
        at("2023-09-04T09:00");
        ProcessInstance instance = apply();
        ProcessInstance chain = review(instance);
        at("2023-09-06T15:00");
        completeAs("donghu-verifier", taskFor(instance, "Task_LocalityVerification", "donghu"), decision("sendBack", "请补充验收单"));
        assertThat(chain).isWaitingAt("Task_LocalitySupplement");

        at("2023-09-18T10:00");
        runDueJobs(chain);
        assertThat(ofCase(SupplementDeadlineNear.class, instance)).isEmpty();
        at("2023-09-19T10:00"); // 8 of 10 working days have passed: 2 are left, 09-19 and 09-20
        runDueJobs(chain);
        runDueJobs(chain);
        assertThat(ofCase(SupplementDeadlineNear.class, instance)).singleElement()
                .isEqualTo(new SupplementDeadlineNear(caseOf(instance).getId(), LocalDate.parse("2023-09-20")));
        at("2023-09-20T23:59");
        runDueJobs(chain);
        assertThat(chain).isWaitingAt("Task_LocalitySupplement");

        at("2023-09-21T00:00");
        runDueJobs(chain);

        assertThat(chain).isEnded().hasPassed("Boundary_LocalitySupplementExpired", "Task_ReleaseWithdrawn", "End_Withdrawn");
        assertThat(instance).isEnded().hasPassed("End_Withdrawn");
        assertThat(caseOf(instance).getStatus()).isEqualTo(RewardStatus.WITHDRAWN.name());
        assertThat(timelineActions(instance)).contains("SUPPLEMENT_DEADLINE_PASSED", "STATUS_WITHDRAWN");
        assertThat(views.withTimeline(caseOf(instance)).timeline()).anyMatch(e -> e.detail().startsWith("逾期未补正，视为撤回"));
        assertThat(views.withTimeline(caseOf(instance)).steps()).allMatch(s -> s.state().equals("DONE"));
    }

    @Test
    void aCitySupplementDeadlineLeavesTheWholeChainReleasesTheMoneyAndHoldsUpNoSettlement() {
        at("2023-09-04T09:00");
        ProcessInstance instance = apply();
        ProcessInstance chain = review(instance);
        completeAs("donghu-verifier", taskFor(instance, "Task_LocalityVerification", "donghu"), approveAccepting(1));
        completeAs("gxj-reviewer", taskFor(instance, "Task_CityReview", "gxj"), decision("sendBack", "请补充合同原件"));
        assertThat(taskFor(instance, "Task_CityReview", "swj")).as("市商务局 still reviews").isNotNull();
        // money the case still holds (in the shipped models a reservation comes after city review; whatever it holds goes back)
        long caseId = caseOf(instance).getId();
        PoolBalance before = ledger.balance("M1");
        assertThat(ledger.reserve("M1", caseId, new BigDecimal("1000.00"), "system").isReserved()).isTrue();

        ProcessInstance other = apply(newEnterpriseUser("donghu"));
        completeAs("donghu-verifier", taskFor(other, "Task_LocalityVerification", "donghu"), approveAccepting(1));
        completeAs("gxj-reviewer", taskFor(other, "Task_CityReview", "gxj"), decision("approve", null));
        completeAs("swj-reviewer", taskFor(other, "Task_CityReview", "swj"), decision("approve", null));

        at("2023-09-15T10:00");
        runDueJobs(chain);
        assertThat(ofCase(SupplementDeadlineNear.class, instance)).hasSize(1);
        at("2023-09-18T23:59"); // the deadline: 10 working days from Monday 09-04 end with 09-18
        runDueJobs(chain);
        assertThat(chain).isWaitingAt("Task_CitySupplement", "Task_CityReview");
        at("2023-09-19T00:00");
        runDueJobs(chain);

        assertThat(chain).isEnded().hasPassed("Boundary_CitySupplementExpired", "End_CityWithdrawn", "Boundary_CityWithdrawn",
                "Task_ReleaseWithdrawn", "End_Withdrawn").hasNotPassed("End_Rejected");
        assertThat(taskFor(instance, "Task_CityReview", "swj")).as("the other unit's review ends with the chain").isNull();
        assertThat(instance).isEnded().hasPassed("End_Withdrawn");
        assertThat(caseOf(instance).getStatus()).isEqualTo(RewardStatus.WITHDRAWN.name());
        assertThat(ledger.ofCase(caseId).state()).isEqualTo(CaseFunds.State.RELEASED);
        assertThat(ledger.balance("M1").reserved()).isEqualByComparingTo(before.reserved()
                .add(ledger.ofCase(caseOf(other).getId()).reserved()));
        assertThat(figures.check()).allSatisfy(check -> assertThat(check.consistent()).as(check.poolId()).isTrue());

        ProcessInstance settlement = settle("M1");
        long settlementId = settlementId(settlement);
        assertThat(review(other)).as("the measure settles without the withdrawn case").hasPassed("Message_SettlementDecided");
        assertThat(claimOf(instance).getSettledAmount()).isNull();
        assertThat(settlements.findById(settlementId)).isPresent();
    }

    @Test
    void aClockMarkedOverdueAfterItWasReadIsStoppedWithItsSupervisionClosed() {
        at("2023-09-04T09:00");
        ProcessInstance instance = apply();
        Task verification = taskFor(instance, "Task_LocalityVerification", "donghu");
        StepClock read = clocks.byTask(verification.getId()).orElseThrow();
        assertThat(read.overdueAt()).isNull();

        // the overdue check commits between the task's end reading the clock and stopping it
        java.time.Instant now = TimeLimits.now();
        assertThat(clocks.markOverdue(read.id(), verification.getId(), now)).isTrue();
        assertThat(clocks.stopUnlessOverdue(read.id(), 0, now)).as("not stopped as a clock never overdue").isFalse();
        assertThat(clocks.byId(read.id()).orElseThrow()).extracting(StepClock::state, StepClock::taskId)
                .containsExactly(StepClock.State.RUNNING, verification.getId());

        Task another = taskFor(apply(newEnterpriseUser("donghu")), "Task_LocalityVerification", "donghu");
        StepClock other = clocks.byTask(another.getId()).orElseThrow();
        assertThat(clocks.stopUnlessOverdue(other.id(), 1, now)).isTrue();
        assertThat(clocks.byId(other.id()).orElseThrow()).extracting(StepClock::state, StepClock::taskId, StepClock::elapsedDays)
                .containsExactly(StepClock.State.WAITING, null, 1);
    }

    /**
     * A task's clock is stopped in one statement only when it has been running since the task's creation day; one
     * that started on another day (a task created just before midnight, its clock started just after) is read and
     * stopped by its own start: the working days it used are counted from the day it started.
     */
    @Test
    void aClockStartedOnAnotherDayThanItsTaskCountsFromItsOwnStart() {
        at("2023-09-04T23:59"); // Monday
        ProcessInstance instance = apply();
        Task verification = taskFor(instance, "Task_LocalityVerification", "donghu");
        jdbc.update("UPDATE step_clock SET running_since = ? WHERE task_id = ?",
                java.sql.Timestamp.from(LocalDateTime.parse("2023-09-05T00:00:01").atZone(WorkingDays.CHINA).toInstant()), verification.getId());

        at("2023-09-06T15:00"); // Wednesday: one working day after Tuesday, two after Monday
        completeAs("donghu-verifier", verification, decision("sendBack", "请补充验收单"));

        assertThat(step(instance, "Task_LocalityVerification")).extracting(CaseView.StepTime::elapsedDays, CaseView.StepTime::state)
                .containsExactly(1, "PAUSED");
        ProcessInstance another = apply(newEnterpriseUser("donghu"));
        completeAs("donghu-verifier", taskFor(another, "Task_LocalityVerification", "donghu"), decision("sendBack", "请补充验收单"));
        long clock = jdbc.queryForObject("SELECT id FROM step_clock WHERE case_id = ? AND step = 'Task_LocalityVerification'", Long.class,
                caseOf(another).getId());
        assertThat(clocks.byId(clock).orElseThrow()).as("running since the task's day: stopped at once, the same way")
                .extracting(StepClock::state, StepClock::taskId, StepClock::elapsedDays).containsExactly(StepClock.State.PAUSED, null, 0);
    }

    private ProcessInstance apply() {
        return apply(applicant);
    }

    private ProcessInstance apply(String user) {
        return apply(user, OrderApplicationType.PROCESS_KEY, orders("60000000.00", "2023-08-01"));
    }

    private void supplement(ProcessInstance instance) {
        Task task = singleTask(instance, "Task_LocalitySupplement");
        completeAs(task.getAssignee(), task, Map.of("supplementNote", "已补充", "supplementEvidence", "验收单 YS-1"));
    }

    /** The events about this case: a test's checks check every clock due in the shared database, other tests' too. */
    private <T> java.util.stream.Stream<T> ofCase(Class<T> type, ProcessInstance instance) {
        long caseId = caseOf(instance).getId();
        return published.stream(type).filter(event -> caseId == (event instanceof StepDueSoon soon ? soon.caseId()
                : event instanceof StepOverdue overdue ? overdue.caseId() : ((SupplementDeadlineNear) event).caseId()));
    }

    private CaseView.StepTime step(ProcessInstance instance, String step) {
        return views.withTimeline(caseOf(instance)).steps().stream().filter(s -> s.step().equals(step)).reduce((a, b) -> b).orElseThrow();
    }

    private String caseNumber(ProcessInstance instance) {
        return caseOf(instance).getCaseNumber();
    }

    /** The engine's clock at this local time in Asia/Shanghai. */
    private static void at(String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(WorkingDays.CHINA).toInstant()));
    }

    private static Date endOf(String lastDay) {
        return Date.from(ZonedDateTime.of(LocalDate.parse(lastDay).plusDays(1).atStartOfDay(), WorkingDays.CHINA).toInstant());
    }

    /** The time limits' checks and this instance's due jobs, as the job executor would run them. */
    private void runDueJobs(ProcessInstance chain) {
        DueJobs.run(processEngine, chain.getId());
    }
}
