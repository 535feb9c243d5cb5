package cn.huiqi.financing;

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
import java.util.Set;

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

import cn.huiqi.calendar.WorkingDays;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.common.ConflictException;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.enterprise.EnterpriseRegister;
import cn.huiqi.enterprise.EnterpriseRepository;
import cn.huiqi.identity.Caller;
import cn.huiqi.testsupport.DueJobs;
import cn.huiqi.testsupport.ProcessTestSupport;
import cn.huiqi.testsupport.TestInstitutions;
import cn.huiqi.testsupport.TestUsers;

/**
 * Measure 8's lifecycle ({@code bpmn/m8-financing-demand.bpmn}) path by path, on the engine's clock and the working-day
 * calendar (labelled defaults: publication 10 working days, take-up 5, at most three take-ups at once). Enterprises and
 * institutions act through the module's API classes, which move the process by message correlation; officials
 * complete the two user tasks.
 */
class FinancingLifecycleProcessTest extends ProcessTestSupport {

    private static final String PASSWORD = "Financing-2023";

    @Autowired
    FinancingIntake intake;
    @Autowired
    FinancingDemandRepository demands;
    @Autowired
    TakeUpRepository takeUps;
    @Autowired
    TakeUps institutionSide;
    @Autowired
    EnterpriseActions enterpriseSide;
    @Autowired
    FinancingDemands financingDemands;
    @Autowired
    EnterpriseRegister register;
    @Autowired
    EnterpriseRepository enterprises;
    @Autowired
    JdbcTemplate jdbc;

    private String enterpriseUser;
    private List<TestInstitutions.Created> banks;

    @BeforeEach
    void people() {
        enterpriseUser = newEnterpriseUser("donghu");
        banks = List.of(TestInstitutions.freshBank(context, PASSWORD), TestInstitutions.freshBank(context, PASSWORD),
                TestInstitutions.freshBank(context, PASSWORD), TestInstitutions.freshBank(context, PASSWORD));
        TestUsers.person(identityService, "m8-jrb", "jrb", PASSWORD);
    }

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    // ---- screening -------------------------------------------------------------------------------------------

    @Test
    void returnedForSupplementThenPublishedOrRejectedWithAReason() {
        at("2023-09-04T10:00"); // Monday
        ProcessInstance demand = submit();
        Task screen = taskFor(demand, "Task_Screen", "donghu");
        assertThat(screen.getDueDate()).as("3 working days (system default): 09-05 … 09-07").isEqualTo(endOf("2023-09-07"));

        assertThatThrownBy(() -> completeAs("donghu-verifier", screen, Map.of("decision", "return")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("reason");
        completeAs("donghu-verifier", screen, Map.of("decision", "return", "reason", "请补充资金用途明细"));
        assertThat(demand).isWaitingAt("Wait_Supplement");
        assertThat(caseOf(demand).getStatus()).isEqualTo("RETURNED");
        assertThat(noticeBodies(demand, "FINANCING_SCREENED")).singleElement().asString().contains("请补充资金用途明细");

        asEnterprise(() -> enterpriseSide.supplement(caller(enterpriseUser, "enterprise"), number(demand), Map.of("amount", "3000000",
                "termMonths", 12, "purpose", "采购原材料：钢材1200吨", "guaranteeKind", "CREDIT")));
        assertThat(demand).isWaitingAt("Task_Screen");
        assertThat(caseOf(demand).getStatus()).isEqualTo("SUBMITTED");
        assertThat(demandOf(demand).getPurpose()).isEqualTo("采购原材料：钢材1200吨");

        completeAs("donghu-verifier", taskFor(demand, "Task_Screen", "donghu"), Map.of("decision", "reject", "reason", "不属于工业企业"));
        assertThat(demand).isEnded().hasPassed("EndEvent_Rejected").hasNotPassed("Task_Publish");
        assertThat(caseOf(demand).getStatus()).isEqualTo("REJECTED");
        assertThat(noticeBodies(demand, "REJECTED")).singleElement().asString().contains("不属于工业企业");
    }

    @Test
    void aDemandWhoseConsentWasRevokedIsNotPublished() {
        ProcessInstance demand = submit();
        asEnterprise(() -> enterpriseSide.revokeConsent(caller(enterpriseUser, "enterprise"), number(demand)));

        assertThatThrownBy(() -> completeAs("donghu-verifier", taskFor(demand, "Task_Screen", "donghu"), Map.of("decision", "publish")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("decision");
        assertThat(demand).isWaitingAt("Task_Screen");
    }

    // ---- the main path ---------------------------------------------------------------------------------------

    @Test
    void threeTakeUpsAtMostOneDeclinesOneOffersTheEnterpriseAcceptsAndTheLoanIsGranted() {
        at("2023-09-04T10:00");
        ProcessInstance demand = published();
        assertThat(demandOf(demand).getPublicationDueAt()).as("10 working days: 09-05 … 09-18")
                .isEqualTo(endOf("2023-09-18").toInstant());

        long first = takeUp(demand, banks.get(0));
        long second = takeUp(demand, banks.get(1));
        long third = takeUp(demand, banks.get(2));
        assertThat(caseOf(demand).getStatus()).isEqualTo("TAKEN_UP");
        assertThat(takeUps.findById(first).orElseThrow().getDueOn()).as("5 working days: 09-05 … 09-11").isEqualTo(LocalDate.parse("2023-09-11"));
        assertThatThrownBy(() -> takeUp(demand, banks.get(3))).as("a fourth while three are active")
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> takeUp(demand, banks.get(0))).as("the same institution twice in one publication")
                .isInstanceOf(ConflictException.class);
        assertThat(noticeBodies(demand, "FINANCING_TAKEN_UP")).hasSize(3);

        decide(banks.get(1), second, Map.of("decision", "DECLINE", "reason", "抵押物不足"));
        long fourth = takeUp(demand, banks.get(3));
        assertThat(takeUps.countByCaseIdAndStatus(caseOf(demand).getId(), TakeUpStatus.ACTIVE)).as("the declined one freed its slot").isEqualTo(3);

        institutionDoes(banks.get(0), () -> institutionSide.notes(caller(banks.get(0)), first,
                Map.of("contactNotes", "09-05 电话联系财务总监", "diligenceNotes", "已实地查看厂房")));
        decide(banks.get(0), first, Map.of("decision", "OFFER", "approvedAmount", "2500000.00", "rate", "3.45", "termMonths", 12));
        assertThat(takeUps.findById(first).orElseThrow().getRate()).isEqualByComparingTo("3.4500");
        assertThat(noticeBodies(demand, "FINANCING_OFFERED")).singleElement().asString().contains("2500000.00");

        assertThatThrownBy(() -> asEnterprise(() -> enterpriseSide.accept(caller(enterpriseUser, "enterprise"), number(demand),
                Map.of("takeUpId", third)))).as("an offer not made").isInstanceOf(ConflictException.class);
        asEnterprise(() -> enterpriseSide.accept(caller(enterpriseUser, "enterprise"), number(demand), Map.of("takeUpId", first)));
        assertThat(demand).isWaitingAt("Wait_Grant");
        assertThat(caseOf(demand).getStatus()).isEqualTo("ACCEPTED");
        assertThat(takeUps.findById(third).orElseThrow().getStatus()).isEqualTo(TakeUpStatus.NOT_CHOSEN);
        assertThat(takeUps.findById(fourth).orElseThrow().getStatus()).isEqualTo(TakeUpStatus.NOT_CHOSEN);

        assertThatThrownBy(() -> institutionDoes(banks.get(0), () -> institutionSide.grant(caller(banks.get(0)), first,
                Map.of("amount", "2600000", "grantedOn", "2023-09-04")))).as("more than approved").isInstanceOf(InvalidInputException.class);
        institutionDoes(banks.get(0), () -> institutionSide.grant(caller(banks.get(0)), first, Map.of("amount", "2500000", "grantedOn", "2023-09-04")));

        assertThat(demand).isEnded().hasPassed("Wait_Matching", "Wait_Grant", "EndEvent_Granted");
        assertThat(caseOf(demand).getStatus()).isEqualTo("GRANTED");
        assertThat(demandOf(demand).getGrantedAmount()).isEqualByComparingTo("2500000.00");
        assertThat(timelineActions(demand)).contains("FINANCING_PUBLISHED", "FINANCING_TAKEN_UP", "FINANCING_DECLINED", "FINANCING_OFFERED",
                "FINANCING_ACCEPTED", "FINANCING_GRANTED");
        assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(demand.getId()).list())
                .as("the engine holds no enterprise data and no offer").extracting(v -> v.getName())
                .isSubsetOf("caseNumber", "measure", "enterpriseName", "decision", "reason", "outcome");
    }

    @Test
    void anUndecidedTakeUpLapsesAtItsLimitAndFreesItsSlot() {
        at("2023-09-04T10:00");
        ProcessInstance demand = published();
        long first = takeUp(demand, banks.get(0));
        takeUp(demand, banks.get(1));
        takeUp(demand, banks.get(2));

        at("2023-09-12T00:00"); // Monday 09-11 has ended
        runDueJobs(demand);

        assertThat(takeUps.findById(first).orElseThrow().getStatus()).isEqualTo(TakeUpStatus.LAPSED);
        assertThat(noticeBodies(demand, "FINANCING_LAPSED")).hasSize(3);
        assertThat(caseOf(demand).getStatus()).as("nothing lives: published again for others").isEqualTo("PUBLISHED");
        takeUp(demand, banks.get(3));
        assertThat(demand).isWaitingAt("Wait_Matching");
    }

    // ---- nothing came of it: jrb coordinates ------------------------------------------------------------------

    @Test
    void nothingTakenUpWithinThePublicationGoesToJrbWhoPublishesAgainPutsItOnTheNextEventAndFinallyCloses() {
        at("2023-09-04T10:00");
        ProcessInstance demand = published();

        at("2023-09-19T00:00");
        runDueJobs(demand);
        assertThat(demand).hasPassed("Timer_PublicationDue").isWaitingAt("Task_Coordinate");
        assertThat(caseOf(demand).getStatus()).isEqualTo("COORDINATING");
        Task coordinate = taskFor(demand, "Task_Coordinate", "jrb");
        assertThat(coordinate.getDueDate()).as("5 working days: 09-20 … 09-26").isEqualTo(endOf("2023-09-26"));

        completeAs("m8-jrb", coordinate, Map.of("outcome", "REPUBLISH"));
        assertThat(demand).isWaitingAt("Wait_Matching");
        assertThat(demandOf(demand).getPublications()).isEqualTo(2);
        assertThat(caseOf(demand).getStatus()).isEqualTo("PUBLISHED");

        at("2023-10-20T00:00");
        runDueJobs(demand);
        completeAs("m8-jrb", taskFor(demand, "Task_Coordinate", "jrb"), Map.of("outcome", "NEXT_EVENT", "reason", "列入10月产融对接会"));
        assertThat(caseOf(demand).getStatus()).isEqualTo("COORDINATING");
        assertThat(financingDemands.forNextEvent()).contains(caseOf(demand).getId());
        assertThat(financingDemands.isOpen(caseOf(demand).getId())).isTrue();
        takeUp(demand, banks.get(0)); // at the event, an institution takes it up through the API

        at("2023-12-01T00:00");
        runDueJobs(demand); // its take-up lapsed, the publication ended: jrb again
        assertThat(demand).isWaitingAt("Task_Coordinate");
        assertThatThrownBy(() -> completeAs("m8-jrb", taskFor(demand, "Task_Coordinate", "jrb"), Map.of("outcome", "CLOSE")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("reason");
        completeAs("m8-jrb", taskFor(demand, "Task_Coordinate", "jrb"), Map.of("outcome", "CLOSE", "reason", "企业已通过其他渠道解决"));
        assertThat(demand).isEnded().hasPassed("EndEvent_Closed");
        assertThat(caseOf(demand).getStatus()).isEqualTo("CLOSED");
        assertThat(noticeBodies(demand, "FINANCING_COORDINATED")).hasSize(3);
    }

    @Test
    void afterThePublicationAStillLiveTakeUpKeepsItUntilItsDeclineSendsItToJrb() {
        at("2023-09-04T10:00");
        ProcessInstance demand = published();
        at("2023-09-14T10:00");
        long late = takeUp(demand, banks.get(0)); // due 09-21

        at("2023-09-19T00:00");
        runDueJobs(demand);
        assertThat(demand).isWaitingAt("Wait_Offers");

        decide(banks.get(0), late, Map.of("decision", "DECLINE", "reason", "行业授信额度已满"));
        assertThat(demand).hasPassed("Message_Unmatched").isWaitingAt("Task_Coordinate");
    }

    @Test
    void theEnterpriseWithdrawsAndEveryLiveTakeUpEnds() {
        ProcessInstance demand = published();
        long first = takeUp(demand, banks.get(0));
        asEnterprise(() -> enterpriseSide.withdraw(caller(enterpriseUser, "enterprise"), number(demand), Map.of("reason", "已获得股东借款")));

        assertThat(demand).isEnded().hasPassed("EndEvent_Withdrawn");
        assertThat(caseOf(demand).getStatus()).isEqualTo("WITHDRAWN");
        assertThat(takeUps.findById(first).orElseThrow().getStatus()).isEqualTo(TakeUpStatus.ENDED);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private ProcessInstance submit() {
        long enterpriseId = register.ownEnterpriseOf(enterpriseUser).orElseThrow();
        CaseRecord opened = as(enterpriseUser, () -> intake.open(new NewFinancingDemand(enterprises.findById(enterpriseId).orElseThrow(),
                new DemandTerms(new BigDecimal("3000000.00"), 12, "采购原材料", GuaranteeKind.CREDIT, null, null, null, null),
                new ConsentTerms(Audience.ALL, Set.of(SharedField.AMOUNT, SharedField.TERM, SharedField.GUARANTEE_KIND, SharedField.ENTERPRISE_NAME),
                        Set.of()), null)));
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(opened.getCaseNumber()).singleResult();
    }

    private ProcessInstance published() {
        ProcessInstance demand = submit();
        completeAs("donghu-verifier", taskFor(demand, "Task_Screen", "donghu"), Map.of("decision", "publish"));
        assertThat(demand).isWaitingAt("Wait_Matching");
        assertThat(caseOf(demand).getStatus()).isEqualTo("PUBLISHED");
        return demand;
    }

    private long takeUp(ProcessInstance demand, TestInstitutions.Created bank) {
        return institutionDoes(bank, () -> institutionSide.takeUp(caller(bank), number(demand))).id();
    }

    private void decide(TestInstitutions.Created bank, long takeUpId, Map<String, Object> body) {
        institutionDoes(bank, () -> institutionSide.decide(caller(bank), takeUpId, body));
    }

    private <T> T institutionDoes(TestInstitutions.Created bank, java.util.function.Supplier<T> work) {
        return as(bank.userId(), work);
    }

    private void asEnterprise(Runnable work) {
        as(enterpriseUser, () -> {
            work.run();
            return null;
        });
    }

    private static Caller caller(TestInstitutions.Created bank) {
        return new Caller(bank.userId(), List.of(bank.unitId()));
    }

    private static Caller caller(String userId, String group) {
        return new Caller(userId, List.of(group));
    }

    private FinancingDemand demandOf(ProcessInstance demand) {
        return demands.findById(caseOf(demand).getId()).orElseThrow();
    }

    @Override
    protected CaseRecord caseOf(ProcessInstance instance) {
        return cases.findByCaseNumber(instance.getBusinessKey()).orElseThrow();
    }

    private String number(ProcessInstance demand) {
        return demand.getBusinessKey();
    }

    private List<String> noticeBodies(ProcessInstance demand, String kind) {
        return jdbc.queryForList("SELECT body_zh FROM inbox_message WHERE case_number = ? AND kind = ? ORDER BY id", String.class,
                number(demand), kind);
    }

    /** The time limits' checks and this instance's due jobs, as the job executor would run them. */
    private void runDueJobs(ProcessInstance demand) {
        DueJobs.run(processEngine, demand.getId());
    }

    private static void at(String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(WorkingDays.CHINA).toInstant()));
    }

    private static Date endOf(String lastDay) {
        return Date.from(ZonedDateTime.of(LocalDate.parse(lastDay).plusDays(1).atStartOfDay(), WorkingDays.CHINA).toInstant());
    }
}
