package cn.huiqi.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import cn.huiqi.calendar.WorkingDays;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.enterprise.EnterpriseRegister;
import cn.huiqi.enterprise.EnterpriseRepository;
import cn.huiqi.testsupport.DueJobs;
import cn.huiqi.testsupport.ProcessTestSupport;
import cn.huiqi.timelimit.StepDueSoon;
import cn.huiqi.timelimit.StepOverdue;
import org.camunda.bpm.engine.AuthorizationException;

/**
 * Measure 7's lifecycle ({@code bpmn/m7-assistance-demand.bpmn}) path by path, on the engine's clock (ClockUtil) and
 * real dates across the 2023 National Day holiday (09-29..10-06 off, Saturday 10-07 and Sunday 10-08 调休 working days).
 * Limits come from DMN demand-routing (its labelled defaults: OTHER at locality level 10 working days, extension 5,
 * revisit 5; FINANCING at city level to 市金融办 jrb), stored on the demand.
 */
@RecordApplicationEvents
class DemandLifecycleProcessTest extends ProcessTestSupport {

    @Autowired
    DemandIntake intake;
    @Autowired
    DemandRepository demands;
    @Autowired
    AssignmentRepository assignments;
    @Autowired
    EnterpriseRegister register;
    @Autowired
    EnterpriseRepository enterprises;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEvents published;

    private String enterpriseUser;

    @BeforeEach
    void routingTableAndEnterprise() {
        DemandTestCases.routingTableDeployed(repositoryService);
        enterpriseUser = newEnterpriseUser("donghu");
    }

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    // ---- acceptance -------------------------------------------------------------------------------------------

    @Test
    void declineEndsTheDemandWithAReasonTheEnterpriseReads() {
        at("2023-09-28T10:00"); // Thursday before the National Day week
        ProcessInstance demand = submit(DemandCategory.OTHER, DemandScope.LOCALITY);
        Task accept = taskFor(demand, "Task_Accept", "donghu");
        assertThat(accept.getDueDate()).as("1 working day: the next is Saturday 10-07 (调休)").isEqualTo(endOf("2023-10-07"));

        assertThatThrownBy(() -> completeAs("donghu-verifier", accept, Map.of("decision", "decline")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("reason");
        assertThat(demand).isWaitingAt("Task_Accept");
        assertThat(caseOf(demand).getStatus()).isEqualTo("SUBMITTED");

        completeAs("donghu-verifier", accept, Map.of("decision", "decline", "reason", "不属于涉企诉求"));

        assertThat(demand).isEnded().hasPassed("Task_Accept", "EndEvent_Declined").hasNotPassed("Task_Route");
        assertThat(caseOf(demand).getStatus()).isEqualTo("DECLINED");
        assertThat(demandOf(demand).getDeclineReason()).isEqualTo("不属于涉企诉求");
        assertThat(timelineActions(demand)).contains("SUBMITTED", "DEMAND_DECLINE");
        assertThat(noticeBodies(demand, "DEMAND_DECLINED")).singleElement().asString().contains("不属于涉企诉求");
    }

    @Test
    void aDuplicateMergesIntoAnOpenDemandOfTheSameEnterpriseOnly() {
        ProcessInstance first = submit(DemandCategory.OTHER, DemandScope.LOCALITY);
        ProcessInstance second = submit(DemandCategory.OTHER, DemandScope.LOCALITY);
        String otherEnterprise = newEnterpriseUser("donghu");
        ProcessInstance foreign = submitAs(otherEnterprise, DemandCategory.OTHER, DemandScope.LOCALITY);
        Task accept = taskFor(second, "Task_Accept", "donghu");

        for (String into : List.of(number(foreign), number(second), "M7-2023-999999")) {
            assertThatThrownBy(() -> completeAs("donghu-verifier", accept, Map.of("decision", "merge", "mergeInto", into)))
                    .as(into).isInstanceOf(InvalidInputException.class).hasMessageContaining("mergeInto");
        }
        completeAs("donghu-verifier", accept, Map.of("decision", "merge", "mergeInto", number(first)));

        assertThat(second).isEnded().hasPassed("EndEvent_Merged");
        assertThat(caseOf(second).getStatus()).isEqualTo("MERGED");
        assertThat(demandOf(second).getMergedInto()).isEqualTo(caseOf(first).getId());
        assertThat(timelineActions(first)).contains("DEMAND_MERGED_IN");
        assertThat(first).isWaitingAt("Task_Accept");
        assertThat(noticeBodies(second, "DEMAND_MERGED")).hasSize(1);
    }

    // ---- the main path --------------------------------------------------------------------------------------

    @Test
    void acceptedRoutedHandledRepliedRatedSatisfiedAndClosed() {
        at("2023-09-28T10:00");
        ProcessInstance demand = submit(DemandCategory.OTHER, DemandScope.CITY);
        at("2023-09-28T15:00");
        completeAs("donghu-verifier", taskFor(demand, "Task_Accept", "donghu"),
                Map.of("decision", "accept", "scope", "LOCALITY")); // corrected: a locality matter

        assertThat(demand).hasPassed("Task_Accept", "Task_Route").isWaitingAt("Task_Handle");
        Demand routed = demandOf(demand);
        assertThat(routed.getScope()).isEqualTo(DemandScope.LOCALITY);
        assertThat(routed.getResponsibleUnit()).as("\"locality\" resolved to the enterprise's locality").isEqualTo("donghu");
        assertThat(routed.getRoutingVersion()).isNotNull();
        assertThat(routed.getHandlingDays()).isEqualTo(10);
        assertThat(routed.getAcceptedOnTime()).isTrue();
        assertThat(assignments.findByCaseIdAndEndedAtIsNull(caseOf(demand).getId())).extracting(Assignment::getUnitId).containsExactly("donghu");
        assertThat(caseOf(demand).getStatus()).isEqualTo("ASSIGNED");
        Task handle = taskFor(demand, "Task_Handle", "donghu");
        assertThat(handle.getDueDate()).as("10 working days: 10-07, 08, 09, 10, 11, 12, 13, 16, 17, 18").isEqualTo(endOf("2023-10-18"));

        assertThatThrownBy(() -> completeAs("donghu-verifier", handle, Map.of("action", "reply", "text", "已协调")))
                .as("no reply without its outcome").isInstanceOf(InvalidInputException.class).hasMessageContaining("replyOutcome");
        at("2023-10-10T11:00");
        completeAs("donghu-verifier", handle, Map.of("action", "reply", "replyOutcome", "SOLVED", "text", "已协调供地方案"));

        assertThat(demand).isWaitingAt("Task_Revisit");
        Task revisit = singleTask(demand, "Task_Revisit");
        assertThat(revisit.getAssignee()).isEqualTo(enterpriseUser);
        assertThat(revisit.getDueDate()).as("5 working days to rate").isEqualTo(endOf("2023-10-17"));
        assertThat(caseOf(demand).getStatus()).isEqualTo("REPLIED");
        assertThat(demandOf(demand).getRepliedOnTime()).isTrue();

        completeAs(enterpriseUser, revisit, Map.of("rating", "SATISFIED", "comment", "感谢"));

        assertThat(demand).isEnded().hasPassed("Task_Revisit", "Task_Close", "EndEvent_Closed").hasNotPassed("Task_Supervise"); // Gateway_Reopen chose "close" (gateways keep no history)
        assertThat(caseOf(demand).getStatus()).isEqualTo("CLOSED");
        Demand closed = demandOf(demand);
        assertThat(closed.getRating()).isEqualTo(Rating.SATISFIED);
        assertThat(closed.getClosedAt()).isNotNull();
        assertThat(assignments.findByCaseIdAndEndedAtIsNull(caseOf(demand).getId())).isEmpty();
        assertThat(noticeKinds(demand)).contains("DEMAND_ACCEPTED", "DEMAND_REPLIED", "DEMAND_CLOSED");
    }

    // ---- handling outcomes ------------------------------------------------------------------------------------

    @Test
    void transferBackOnceThenGxjDecidesTheUnit() {
        ProcessInstance demand = accepted(DemandCategory.FINANCING, DemandScope.CITY);
        assertThat(taskFor(demand, "Task_Handle", "jrb")).as("FINANCING at city level: 市金融办").isNotNull();

        completeAs("jrb-reviewer", taskFor(demand, "Task_Handle", "jrb"), Map.of("action", "transfer", "text", "属地可解决"));
        assertThat(demand).isWaitingAt("Task_DecideTransfer");
        assertThat(caseOf(demand).getStatus()).isEqualTo("TRANSFER_REQUESTED");
        assertThatThrownBy(() -> completeAs("gxj-reviewer", singleTask(demand, "Task_DecideTransfer"), Map.of("unit", "no-such-unit")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unit");
        completeAs("gxj-reviewer", singleTask(demand, "Task_DecideTransfer"), Map.of("unit", "donghu", "reason", "由属地协调银企对接"));

        Task handle = taskFor(demand, "Task_Handle", "donghu");
        assertThat(handle).isNotNull();
        assertThat(demandOf(demand).getResponsibleUnit()).isEqualTo("donghu");
        assertThat(assignments.findByCaseIdOrderByAssignedAtAscIdAsc(caseOf(demand).getId()))
                .extracting(Assignment::getUnitId, Assignment::getEndReason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("jrb", "TRANSFERRED"), org.assertj.core.groups.Tuple.tuple("donghu", null));
        assertThatThrownBy(() -> completeAs("donghu-verifier", handle, Map.of("action", "transfer", "text", "再退回")))
                .as("one transfer back only").isInstanceOf(InvalidInputException.class).hasMessageContaining("action");
        assertThatThrownBy(() -> completeAs("jrb-reviewer", handle, Map.of("action", "reply", "replyOutcome", "SOLVED", "text", "x")))
                .as("the unit it left acts no more").isInstanceOf(AuthorizationException.class);
    }

    @Test
    void anApprovedExtensionLengthensTheLimitOnceARefusedOneDoesNot() {
        at("2023-09-04T09:00"); // Monday
        ProcessInstance demand = accepted(DemandCategory.OTHER, DemandScope.LOCALITY);
        assertThat(taskFor(demand, "Task_Handle", "donghu").getDueDate()).isEqualTo(endOf("2023-09-18"));

        at("2023-09-06T15:00"); // 2 working days used
        completeAs("donghu-verifier", taskFor(demand, "Task_Handle", "donghu"), Map.of("action", "extend", "text", "需协调多部门"));
        assertThat(demand).isWaitingAt("Task_ApproveExtension");
        completeAs("gxj-reviewer", singleTask(demand, "Task_ApproveExtension"), Map.of("decision", "refuse", "reason", "时限内可办结"));
        assertThat(taskFor(demand, "Task_Handle", "donghu").getDueDate()).as("refused: 10 − 2 = 8 working days from 09-06")
                .isEqualTo(endOf("2023-09-18"));
        assertThat(demandOf(demand).isExtended()).isFalse();

        completeAs("donghu-verifier", taskFor(demand, "Task_Handle", "donghu"), Map.of("action", "extend", "text", "确需延期"));
        completeAs("gxj-reviewer", singleTask(demand, "Task_ApproveExtension"), Map.of("decision", "approve"));
        assertThat(demandOf(demand).isExtended()).isTrue();
        assertThat(taskFor(demand, "Task_Handle", "donghu").getDueDate()).as("approved: + 5 working days")
                .isEqualTo(endOf("2023-09-25"));
        assertThatThrownBy(() -> completeAs("donghu-verifier", taskFor(demand, "Task_Handle", "donghu"), Map.of("action", "extend", "text", "再延")))
                .as("one extension only").isInstanceOf(InvalidInputException.class);
    }

    @Test
    void askingTheEnterprisePausesTheHandlingClock() {
        at("2023-09-04T09:00");
        ProcessInstance demand = accepted(DemandCategory.OTHER, DemandScope.LOCALITY);
        at("2023-09-06T15:00"); // day 3 of 10 (09-05, 09-06 used)
        completeAs("donghu-verifier", taskFor(demand, "Task_Handle", "donghu"), Map.of("action", "askInfo", "text", "请提供用地红线图"));
        assertThat(demand).isWaitingAt("Task_ProvideInfo");
        assertThat(caseOf(demand).getStatus()).isEqualTo("WAITING_ENTERPRISE");
        assertThat(singleTask(demand, "Task_ProvideInfo").getAssignee()).isEqualTo(enterpriseUser);
        assertThat(noticeBodies(demand, "DEMAND_INFO_REQUESTED")).singleElement().asString().contains("请提供用地红线图");

        at("2023-09-12T10:00"); // four working days later
        completeAs(enterpriseUser, singleTask(demand, "Task_ProvideInfo"), Map.of("text", "已上传红线图"));
        assertThat(caseOf(demand).getStatus()).isEqualTo("ASSIGNED");
        assertThat(taskFor(demand, "Task_Handle", "donghu").getDueDate())
                .as("10 − 2 = 8 working days from 09-12, not 09-18: the four days waiting do not count").isEqualTo(endOf("2023-09-22"));
        assertThat(timelineActions(demand)).contains("DEMAND_INFO_REQUEST", "DEMAND_ADDITION");
    }

    @Test
    void dissatisfiedIsReopenedOnceUnderSupervisionThenClosed() {
        ProcessInstance demand = accepted(DemandCategory.OTHER, DemandScope.LOCALITY);
        reply(demand, "PARTLY_SOLVED");
        completeAs(enterpriseUser, singleTask(demand, "Task_Revisit"), Map.of("rating", "DISSATISFIED", "comment", "未解决"));
        assertThat(demand).isWaitingAt("Task_Supervise");
        assertThatThrownBy(() -> completeAs("gxj-reviewer", singleTask(demand, "Task_Supervise"), Map.of("decision", "reopen")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("reason");
        completeAs("gxj-reviewer", singleTask(demand, "Task_Supervise"), Map.of("decision", "reopen", "reason", "请重新协调"));

        assertThat(demand).isWaitingAt("Task_Handle");
        assertThat(caseOf(demand).getStatus()).as("handled again under supervision").isEqualTo("REOPENED");
        assertThat(demandOf(demand).isReopened()).isTrue();
        assertThat(noticeKinds(demand)).contains("DEMAND_REOPENED");
        reply(demand, "SOLVED");
        completeAs(enterpriseUser, singleTask(demand, "Task_Revisit"), Map.of("rating", "DISSATISFIED"));

        assertThat(demand).isEnded().hasPassed("EndEvent_Closed");
        assertThat(caseOf(demand).getStatus()).isEqualTo("CLOSED");
        assertThat(historicCount(demand, "Task_Supervise")).as("reopened once only").isEqualTo(1);
        assertThat(historicCount(demand, "Task_Handle")).isEqualTo(2);
    }

    @Test
    void silenceAtTheRevisitCountsAsTheRuleSays() {
        at("2023-09-04T09:00");
        ProcessInstance demand = accepted(DemandCategory.OTHER, DemandScope.LOCALITY);
        at("2023-09-05T09:00");
        reply(demand, "SOLVED");
        assertThat(singleTask(demand, "Task_Revisit").getDueDate()).isEqualTo(endOf("2023-09-12"));

        at("2023-09-12T23:59");
        runDueJobs(demand);
        assertThat(demand).isWaitingAt("Task_Revisit");
        at("2023-09-13T00:00");
        runDueJobs(demand);

        assertThat(demand).isEnded().hasPassed("BoundaryEvent_RevisitSilence", "Task_Silence", "EndEvent_Closed");
        Demand closed = demandOf(demand);
        assertThat(closed.getRating()).isEqualTo(Rating.SATISFIED);
        assertThat(closed.isRatingBySilence()).isTrue();
        assertThat(timelineActions(demand)).contains("DEMAND_RATED_BY_SILENCE");
    }

    @Test
    void beyondTheCitysPowerGxjReportsItUpward() {
        ProcessInstance demand = accepted(DemandCategory.OTHER, DemandScope.LOCALITY);
        completeAs("donghu-verifier", taskFor(demand, "Task_Handle", "donghu"), Map.of("action", "reportUpward", "text", "涉及省级审批权限"));
        assertThat(demand).isWaitingAt("Task_ReportUpward");
        assertThatThrownBy(() -> completeAs("gxj-reviewer", singleTask(demand, "Task_ReportUpward"), Map.of("decision", "report")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("upwardTo");
        completeAs("gxj-reviewer", singleTask(demand, "Task_ReportUpward"),
                Map.of("decision", "report", "upwardTo", "江西省工业和信息化厅", "upwardRef", "洪工信函〔2023〕12号"));

        assertThat(demand).isEnded().hasPassed("EndEvent_Reported", "EndEvent_ReportedUpward").hasNotPassed("Task_Revisit");
        assertThat(caseOf(demand).getStatus()).isEqualTo("REPORTED_UPWARD");
        Demand reported = demandOf(demand);
        assertThat(reported.isReportedUpward()).isTrue();
        assertThat(reported.getUpwardTo()).isEqualTo("江西省工业和信息化厅");
        assertThat(reported.getUpwardRef()).isEqualTo("洪工信函〔2023〕12号");
        assertThat(noticeKinds(demand)).contains("DEMAND_REPORTED_UPWARD");
    }

    // ---- time limits ---------------------------------------------------------------------------------------------

    @Test
    void handlingIsRemindedAt80PercentUrgedAtTheLimitAndSupervisedFiveWorkingDaysLater() {
        at("2023-09-28T10:00"); // Thursday; 10 working days end on 10-18 (09-29..10-06 off, 10-07 and 10-08 worked)
        ProcessInstance demand = accepted(DemandCategory.OTHER, DemandScope.LOCALITY);
        assertThat(taskFor(demand, "Task_Handle", "donghu").getDueDate()).isEqualTo(endOf("2023-10-18"));

        at("2023-10-16T09:00"); // day 8 of 10 begins: 7 used
        runDueJobs(demand);
        assertThat(published.stream(StepDueSoon.class).filter(e -> e.caseId() == caseOf(demand).getId() && e.step().equals("Task_Handle"))).isEmpty();
        at("2023-10-17T00:00"); // 8 of 10 used: 80 %
        runDueJobs(demand);
        assertThat(published.stream(StepDueSoon.class).filter(e -> e.caseId() == caseOf(demand).getId() && e.step().equals("Task_Handle"))).singleElement()
                .satisfies(soon -> assertThat(soon.unit()).isEqualTo("donghu"));

        at("2023-10-19T00:00"); // the limit
        runDueJobs(demand);
        assertThat(published.stream(StepOverdue.class).filter(e -> e.caseId() == caseOf(demand).getId() && e.step().equals("Task_Handle"))).singleElement().satisfies(overdue -> {
            assertThat(overdue.unit()).isEqualTo("donghu");
            assertThat(overdue.leadUnit()).isEqualTo("gxj");
        });
        assertThat(noticeRecipients(demand, "STEP_OVERDUE")).containsExactly("donghu");
        assertThat(noticeRecipients(demand, "SUPERVISION")).containsExactly("gxj");
        assertThat(singleTask(demand, "Task_OverdueSupervision")).isNull();

        at("2023-10-25T23:59"); // 5 working days past the limit: 10-19, 20, 23, 24, 25
        runDueJobs(demand);
        assertThat(singleTask(demand, "Task_OverdueSupervision")).isNull();
        at("2023-10-26T00:00");
        runDueJobs(demand);
        Task supervision = taskFor(demand, "Task_OverdueSupervision", "gxj");
        assertThat(supervision).isNotNull();
        assertThat(supervision.getDueDate()).as("gxj's own limit: 2 working days from Thursday 10-26 (labelled default)").isEqualTo(endOf("2023-10-30"));
        assertThat(taskFor(demand, "Task_Handle", "donghu")).as("the unit still handles it").isNotNull();

        reply(demand, "SOLVED");
        assertThat(singleTask(demand, "Task_OverdueSupervision")).as("ends with the step").isNull();
        assertThat(demandOf(demand).getRepliedOnTime()).isFalse();
        assertThat(demand).isWaitingAt("Task_Revisit");
    }

    // ---- trust -------------------------------------------------------------------------------------------------

    @Test
    void aCompletionCannotWriteTheUnitTheLimitsOrTheCandidateGroupAndOtherUnitsCannotAct() {
        ProcessInstance demand = accepted(DemandCategory.OTHER, DemandScope.LOCALITY);
        Task handle = taskFor(demand, "Task_Handle", "donghu");
        for (String field : List.of("responsibleUnit", "handlingDays", "candidateGroup", "extensionDays", "silenceMeans")) {
            Map<String, Object> variables = new HashMap<>(Map.of("action", "reply", "replyOutcome", "SOLVED", "text", "答复"));
            variables.put(field, "jrb".equals(field) ? 1 : "jrb");
            assertThatThrownBy(() -> completeAs("donghu-verifier", handle, variables)).as(field)
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining(field);
        }
        assertThat(demand).isWaitingAt("Task_Handle");
        Demand unchanged = demandOf(demand);
        assertThat(unchanged.getResponsibleUnit()).isEqualTo("donghu");
        assertThat(unchanged.getHandlingDays()).isEqualTo(10);
        assertThat(unchanged.getReplyText()).isNull();

        for (String outsider : List.of("jrb-reviewer", "gxj-reviewer", "swj-reviewer", enterpriseUser)) {
            assertThatThrownBy(() -> as(outsider, () -> {
                taskService.claim(handle.getId(), outsider);
                return null;
            })).as(outsider + " claims").isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> completeAs(outsider, handle, Map.of("action", "reply", "replyOutcome", "SOLVED", "text", "x")))
                    .as(outsider + " completes").isInstanceOf(AuthorizationException.class);
        }
        assertThatThrownBy(() -> completeAs("donghu-verifier", handle, Map.of("action", "close")))
                .as("a unit cannot close without a reply").isInstanceOf(InvalidInputException.class);
        assertThat(demand).isWaitingAt("Task_Handle");
        assertThat(caseOf(demand).getStatus()).isEqualTo("ASSIGNED");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private ProcessInstance submit(DemandCategory category, DemandScope scope) {
        return submitAs(enterpriseUser, category, scope);
    }

    private ProcessInstance submitAs(String user, DemandCategory category, DemandScope scope) {
        long enterpriseId = register.ownEnterpriseOf(user).orElseThrow();
        CaseRecord opened = as(user, () -> intake.open(new NewDemand(enterprises.findById(enterpriseId).orElseThrow(), DemandOrigin.ENTERPRISE,
                category, scope, null, "诉求 " + category, "诉求说明", null, null, null, null)));
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(opened.getCaseNumber()).singleResult();
    }

    private ProcessInstance accepted(DemandCategory category, DemandScope scope) {
        ProcessInstance demand = submit(category, scope);
        completeAs("donghu-verifier", taskFor(demand, "Task_Accept", "donghu"), Map.of("decision", "accept"));
        return demand;
    }

    private void reply(ProcessInstance demand, String outcome) {
        String unit = demandOf(demand).getResponsibleUnit();
        completeAs(unit + ("donghu".equals(unit) ? "-verifier" : "-reviewer"), taskFor(demand, "Task_Handle", unit),
                Map.of("action", "reply", "replyOutcome", outcome, "text", "答复：" + outcome));
    }

    private Demand demandOf(ProcessInstance demand) {
        return demands.findById(caseOf(demand).getId()).orElseThrow();
    }

    @Override
    protected CaseRecord caseOf(ProcessInstance instance) {
        return cases.findByCaseNumber(instance.getBusinessKey()).orElseThrow();
    }

    private String number(ProcessInstance demand) {
        return demand.getBusinessKey();
    }

    private long historicCount(ProcessInstance demand, String activityId) {
        return processEngine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(demand.getId())
                .taskDefinitionKey(activityId).count();
    }

    private List<String> noticeKinds(ProcessInstance demand) {
        return jdbc.queryForList("SELECT kind FROM inbox_message WHERE case_number = ? ORDER BY id", String.class, number(demand));
    }

    private List<String> noticeBodies(ProcessInstance demand, String kind) {
        return jdbc.queryForList("SELECT body_zh FROM inbox_message WHERE case_number = ? AND kind = ? ORDER BY id", String.class,
                number(demand), kind);
    }

    private List<String> noticeRecipients(ProcessInstance demand, String kind) {
        return jdbc.queryForList("SELECT recipient_id FROM inbox_message WHERE case_number = ? AND kind = ? ORDER BY id", String.class,
                number(demand), kind);
    }

    private static void at(String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(WorkingDays.CHINA).toInstant()));
    }

    private static Date endOf(String lastDay) {
        return Date.from(ZonedDateTime.of(LocalDate.parse(lastDay).plusDays(1).atStartOfDay(), WorkingDays.CHINA).toInstant());
    }

    /** The time limits' checks and this instance's due jobs, as the job executor would run them. */
    private void runDueJobs(ProcessInstance demand) {
        DueJobs.run(processEngine, demand.getId());
    }
}
