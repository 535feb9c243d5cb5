package cn.huiqi.orderreward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

import cn.huiqi.calendar.WorkingDays;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.DuplicateApplicationException;
import cn.huiqi.casefile.RewardStatus;
import cn.huiqi.common.ConflictException;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.fund.CaseFunds;
import cn.huiqi.fund.FundLedger;
import cn.huiqi.review.FlagResolutionController.FlagResolution;
import cn.huiqi.review.FlagResolutionController;
import cn.huiqi.testsupport.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of {@code bpmn/m1-order-reward.bpmn}, driven by the quick start's demo users:
 * ent-hongdu (南昌洪都精密机械, locality donghu), donghu-verifier, gxj-reviewer, swj-reviewer, czj-finance.
 */
class OrderRewardProcessTest extends ProcessTestSupport {

    @Autowired
    WorkingDays workingDays;
    @Autowired
    FundLedger ledger;
    @Autowired
    FlagResolutionController flagResolution;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** A fresh enterprise of donghu for each test: measure 1 takes one application per enterprise. */
    private String applicant;

    @BeforeEach
    void freshEnterprise() {
        applicant = newEnterpriseUser("donghu");
    }

    private ProcessInstance apply(String enterpriseUser, Map<String, Object> form) {
        return apply(enterpriseUser, OrderApplicationType.PROCESS_KEY, form);
    }

    @Test
    void eligibleOrderRunsThroughVerificationCityReviewNoticeAndDisbursement() {
        ProcessInstance instance = apply(applicant, orders("50000000.00", "2023-08-15"));

        assertThat(instance).hasPassed("Task_Register", "Task_DecideReward", "Task_RecordDecision")
                .isWaitingAt("CallActivity_Review");
        ProcessInstance chain = review(instance);
        assertThat(chain).hasProcessDefinitionKey("review-chain").hasBusinessKey(instance.getBusinessKey())
                .hasPassed("Task_AssignUnits").isWaitingAt("Task_LocalityVerification");
        CaseRecord caseRecord = caseOf(instance);
        assertThat(caseRecord.getCaseNumber()).matches("M1-2023-\\d{6}");
        assertThat(claims.of(caseRecord).getRewardAmount()).isEqualByComparingTo("50000.00");
        assertThat(claims.of(caseRecord).getRewardTier()).isEqualTo("TIER_50M");
        assertThat(claims.of(caseRecord).getDecisionKey()).isEqualTo("order-reward");
        assertThat(claims.of(caseRecord).getDecisionVersion()).isEqualTo(1);
        assertThat(caseRecord.getStatus()).isEqualTo(RewardStatus.LOCALITY_VERIFICATION.name());
        assertThat(chain).task().hasCandidateGroup("donghu");
        // the form's read-only figures come from the case record when the form is read (process.FormFigures), never stored
        Task verification = taskFor(instance, "Task_LocalityVerification", "donghu");
        var shown = formService.getTaskFormVariables(verification.getId());
        assertThat(shown.getValueTyped("systemRewardAmount").getType().getName()).isEqualTo("string");
        assertThat(shown).containsEntry("systemCaseNumber", caseRecord.getCaseNumber()).containsEntry("systemRewardAmount", "50000.00")
                .containsEntry("systemRule", "order-reward 第 1 版 / version 1").containsKey("declaredOrders");
        assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(chain.getId()).list())
                .extracting(v -> v.getName()).noneMatch(name -> name.matches("(system|declared)[A-Z].*|reviewerRequest"));

        completeAs("donghu-verifier", verification, approveAccepting(1));
        // history level case-audit (process.CaseAuditHistoryLevel): the last value of each variable, who completed the
        // step (operation log) and the rule's evaluation are kept; the log of every variable write is not
        var history = processEngine.getHistoryService();
        assertThat(processEngine.getManagementService().getProperties()).containsEntry("historyLevel", "30");
        // the decision and comment are handed on (workflow.HandedOnFields): on the timeline, never variables
        assertThat(events.findByCaseIdOrderByOccurredAtAscIdAsc(caseRecord.getId())).extracting(e -> e.getAction() + " " + e.getActor())
                .contains("TASK_LOCALITYVERIFICATION_APPROVE donghu-verifier");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(chain.getId()).list()).extracting(v -> v.getName())
                .doesNotContain("decision", "comment", "verificationDecision", "cityDecision", "supplementRequest");
        assertThat(history.createUserOperationLogQuery().taskId(verification.getId()).operationType("Complete").singleResult().getUserId())
                .isEqualTo("donghu-verifier");
        assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(instance.getId()).decisionDefinitionKey("order-reward")
                .includeInputs().includeOutputs().singleResult().getOutputs()).isNotEmpty();
        assertThat(history.createHistoricDetailQuery().processInstanceId(chain.getId()).count()).isZero();

        assertThat(review(instance)).isWaitingAt("Task_CityReview");
        assertThat(caseOf(instance).getStatus()).isEqualTo(RewardStatus.CITY_REVIEW.name());
        Task gxj = taskFor(instance, "Task_CityReview", "gxj");
        Task swj = taskFor(instance, "Task_CityReview", "swj");
        assertThat(gxj).isNotNull();
        assertThat(swj).isNotNull();
        assertThat(List.of(formOf(gxj), formOf(swj))).as("each unit's step names measure 1's review form").containsOnly("m1-review");

        completeAs("gxj-reviewer", gxj, decision("approve", null));
        assertThat(review(instance)).isWaitingAt("Task_CityReview"); // 市商务局 has not agreed yet
        // the parallel reviews' counters are the engine's bookkeeping, kept at run time only (case-audit)
        assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(chain.getId()).list())
                .extracting(v -> v.getName()).contains("nrOfCompletedInstances", "loopCounter");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(chain.getId()).list()).extracting(v -> v.getName())
                .doesNotContain("nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter").contains("reviewUnit");
        completeAs("swj-reviewer", swj, decision("approve", null));

        assertThat(chain).hasPassed("Task_ReserveFunds").isWaitingAt("Message_SettlementDecided");
        assertThat(caseOf(instance).getStatus()).isEqualTo(RewardStatus.AWAITING_SETTLEMENT.name());
        ProcessInstance settlement = settle("M1");

        assertThat(chain).isWaitingAt("Gateway_Notice");
        assertThat(caseOf(instance).getStatus()).isEqualTo(RewardStatus.PUBLIC_NOTICE.name());
        assertThat(claimOf(instance).getSettledAmount()).isEqualByComparingTo("50000.00");
        Job notice = job("Timer_NoticePeriod", settlement);
        // 5 working days from the day after the notice starts, to 24:00 Asia/Shanghai (docs/working-days.md)
        assertThat(notice.getDuedate().toInstant())
                .isEqualTo(workingDays.endOf(workingDays.lastDayOf(LocalDate.now(WorkingDays.CHINA), 5)));
        endNotice(settlement);

        assertThat(chain).isWaitingAt("Message_PaymentConfirmed");
        assertThat(caseOf(instance).getStatus()).isEqualTo(RewardStatus.DISBURSEMENT.name());
        assertThat(settlement).isWaitingAt("Task_ConfirmPayments").task().hasCandidateGroup("czj");
        pay(settlement, instance, "CZ-2023-0001", "2023-11-20");

        assertThat(chain).isEnded().hasPassed("End_Paid");
        assertThat(instance).isEnded().hasPassed("End_Paid");
        CaseRecord paid = caseOf(instance);
        assertThat(paid.getStatus()).isEqualTo(RewardStatus.PAID.name());
        assertThat(claims.of(paid).getPaymentReference()).isEqualTo("CZ-2023-0001");
        assertThat(claims.of(paid).getPaymentDate()).isEqualTo(LocalDate.of(2023, 11, 20));
        assertThat(timelineActions(instance)).contains("SUBMITTED", "RULE_ELIGIBLE",
                "TASK_LOCALITYVERIFICATION_APPROVE", "TASK_CITYREVIEW_APPROVE", "FUNDS_RESERVED", "STATUS_AWAITING_SETTLEMENT",
                "SETTLED", "STATUS_PUBLIC_NOTICE", "STATUS_DISBURSEMENT", "PAYMENT_RECORDED", "STATUS_PAID");
        assertThat(events.findByCaseIdOrderByOccurredAtAscIdAsc(paid.getId()))
                .extracting(e -> e.getActor())
                .contains(applicant, "donghu-verifier", "gxj-reviewer", "swj-reviewer", "czj-finance");
    }

    /**
     * Formerly a valid application ending "not eligible"; an enterprise now applies once, so an order that
     * can never count is refused at submission, citing the clause, and the enterprise may still apply.
     */
    @Test
    void anOrderSignedOutsideTheWindowIsRefusedAtSubmissionCitingTheClause() {
        long casesBefore = cases.count();

        assertThatThrownBy(() -> apply(applicant, orders("60000000.00", "2023-08-01", "300000000.00", "2023-10-01")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).getProblems()).singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("orders[1].signingDate");
                    assertThat(p.zh()).contains("2023年7月1日至9月30日").contains("第1条");
                }));
        assertThat(cases.count()).isEqualTo(casesBefore);

        ProcessInstance instance = apply(applicant, orders("60000000.00", "2023-08-01"));
        assertThat(claimOf(instance).getRewardAmount()).isEqualByComparingTo("50000.00");
    }

    @Test
    void orderBelowFiftyMillionEndsNotEligible() {
        ProcessInstance instance = apply(applicant, orders("49999999.99", "2023-07-01"));

        assertThat(instance).isEnded().hasPassed("End_NotEligible");
        assertThat(claimOf(instance).getOutcomeReason()).contains("5000万元");
    }

    @Test
    void localitySendsBackForSupplementsThenVerifiesAgain() {
        ProcessInstance instance = apply(applicant, orders("100000000.00", "2023-09-30"));
        completeAs("donghu-verifier", taskFor(instance, "Task_LocalityVerification", "donghu"),
                decision("sendBack", "请补充验收单"));

        assertThat(review(instance)).isWaitingAt("Task_LocalitySupplement").task().isAssignedTo(applicant);
        assertThat(caseOf(instance).getStatus()).isEqualTo(RewardStatus.SUPPLEMENT_REQUESTED.name());
        // what the verifier asked for, as the supplement form shows it: from the timeline, not a variable
        assertThat(formService.getTaskFormVariables(singleTask(instance, "Task_LocalitySupplement").getId()))
                .containsEntry("reviewerRequest", "请补充验收单");
        assertThat(runtimeService.getVariable(review(instance).getId(), "supplementRequest")).isNull();

        completeAs(applicant, singleTask(instance, "Task_LocalitySupplement"),
                Map.of("supplementNote", "已补充验收单", "supplementEvidence", "验收单 YS-009"));

        assertThat(review(instance)).isWaitingAt("Task_LocalityVerification");
        assertThat(caseOf(instance).getStatus()).isEqualTo(RewardStatus.LOCALITY_VERIFICATION.name());
        assertThat(timelineActions(instance)).contains("TASK_LOCALITYVERIFICATION_SEND_BACK", "SUPPLEMENT_PROVIDED");
    }

    @Test
    void localityRejectsWithAReason() {
        ProcessInstance instance = apply(applicant, orders("200000000.00", "2023-08-01"));
        ProcessInstance chain = review(instance);
        completeAs("donghu-verifier", taskFor(instance, "Task_LocalityVerification", "donghu"),
                decision("reject", "订单未实际履行"));

        assertThat(chain).isEnded().hasPassed("End_Rejected").hasNotPassed("Task_CityReview");
        assertThat(instance).isEnded().hasPassed("End_Rejected");
        CaseRecord caseRecord = caseOf(instance);
        assertThat(caseRecord.getStatus()).isEqualTo(RewardStatus.REJECTED.name());
        assertThat(claims.of(caseRecord).getOutcomeReason()).isEqualTo("订单未实际履行");
    }

    @Test
    void oneCityBureauRejectingEndsTheCaseAndWithdrawsTheOtherReview() {
        ProcessInstance instance = approvedByLocality(orders("60000000.00", "2023-08-01"));
        ProcessInstance chain = review(instance);
        completeAs("gxj-reviewer", taskFor(instance, "Task_CityReview", "gxj"), decision("approve", null));
        completeAs("swj-reviewer", taskFor(instance, "Task_CityReview", "swj"), decision("reject", "合同对方为关联企业"));

        assertThat(chain).isEnded().hasPassed("Boundary_CityRejected", "End_Rejected").hasNotPassed("Gateway_Notice");
        assertThat(instance).isEnded().hasPassed("End_Rejected");
        assertThat(claimOf(instance).getOutcomeReason()).isEqualTo("合同对方为关联企业");
    }

    @Test
    void rejectionWhileTheOtherBureauIsStillReviewingCancelsItsTask() {
        ProcessInstance instance = approvedByLocality(orders("60000000.00", "2023-08-01"));
        completeAs("gxj-reviewer", taskFor(instance, "Task_CityReview", "gxj"), decision("reject", "材料虚假"));

        assertThat(instance).isEnded().hasPassed("End_Rejected");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey()).count()).isZero();
    }

    @Test
    void cityBureauSendsBackAndTheSameBureauReviewsAgain() {
        ProcessInstance instance = approvedByLocality(orders("60000000.00", "2023-08-01"));
        completeAs("gxj-reviewer", taskFor(instance, "Task_CityReview", "gxj"), decision("approve", null));
        completeAs("swj-reviewer", taskFor(instance, "Task_CityReview", "swj"), decision("sendBack", "请补充出口报关单"));

        assertThat(review(instance)).isWaitingAt("Task_CitySupplement").task().isAssignedTo(applicant);
        Task supplement = singleTask(instance, "Task_CitySupplement");
        assertThat(formService.getTaskFormVariables(supplement.getId())).as("the form shows what this bureau asked for")
                .containsEntry("reviewerRequest", "请补充出口报关单");
        completeAs(applicant, supplement, Map.of("supplementNote", "已补充报关单"));

        assertThat(review(instance)).isWaitingAt("Task_CityReview");
        assertThat(taskFor(instance, "Task_CityReview", "swj")).isNotNull();
        assertThat(taskFor(instance, "Task_CityReview", "gxj")).as("市工信局 already agreed").isNull();
        completeAs("swj-reviewer", taskFor(instance, "Task_CityReview", "swj"), decision("approve", null));

        assertThat(review(instance)).isWaitingAt("Message_SettlementDecided");
    }

    @Test
    void objectionDuringPublicNoticeSendsTheCaseBackToCityReview() {
        ProcessInstance instance = inPublicNotice(orders("60000000.00", "2023-08-01"));

        runtimeService.createMessageCorrelation("case-objection").processInstanceBusinessKey(instance.getBusinessKey()).correlate();

        assertThat(review(instance)).hasPassed("Message_ObjectionRaised", "Task_WithdrawFromSettlement").isWaitingAt("Task_CityReview");
        assertThat(ledger.ofCase(caseOf(instance).getId()).state()).isEqualTo(CaseFunds.State.RELEASED);
        assertThat(claimOf(instance).getSettledAmount()).isNull();
        assertThat(taskFor(instance, "Task_CityReview", "gxj")).isNotNull();
        assertThat(taskFor(instance, "Task_CityReview", "swj")).isNotNull();
        assertThat(caseOf(instance).getStatus()).isEqualTo(RewardStatus.CITY_REVIEW.name());
        assertThat(timelineActions(instance)).contains("WITHDRAWN_FROM_SETTLEMENT");
    }

    @Test
    void incompleteApplicationIsRefusedAndLeavesNothingBehind() {
        Map<String, Object> form = orders("abc", "2023-13-01");
        ((Map<?, ?>) ((java.util.List<?>) form.get("orders")).get(0)).remove("counterparty");
        long casesBefore = cases.count();
        long instancesBefore = runtimeService.createProcessInstanceQuery().count();

        assertThatThrownBy(() -> apply(applicant, form))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).getProblems())
                        .extracting(p -> p.field())
                        .containsExactlyInAnyOrder("orders[0].counterparty", "orders[0].signingDate", "orders[0].orderAmount"));
        assertThat(cases.count()).isEqualTo(casesBefore);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    }

    @Test
    void twoContractsOfOneEnterpriseMakeOneCaseWithOneRewardTheHighestTierOfTheVerifiedOrders() {
        // the reproduction: 60,000,000 on 2023-08-01 and 250,000,000 on 2023-09-01
        ProcessInstance instance = apply(applicant, orders("60000000.00", "2023-08-01", "250000000.00", "2023-09-01"));

        assertThat(cases.findAll()).filteredOn(c -> c.getSubmittedBy().equals(applicant)).hasSize(1);
        assertThat(claimOf(instance).getRewardAmount()).as("provisional").isEqualByComparingTo("200000.00");
        long evaluations = processEngine.getHistoryService().createHistoricDecisionInstanceQuery().decisionDefinitionKey("order-reward").count();
        completeAs("donghu-verifier", taskFor(instance, "Task_LocalityVerification", "donghu"), approveAccepting(2));
        // both orders accepted, the same version in force: the table is not asked again for the same answer
        assertThat(processEngine.getHistoryService().createHistoricDecisionInstanceQuery().decisionDefinitionKey("order-reward")
                .count()).isEqualTo(evaluations);
        assertThat(claimOf(instance).getRewardAmount()).isEqualByComparingTo("200000.00");
        assertThat(claimOf(instance).getRewardTier()).isEqualTo("TIER_200M");
        completeAs("gxj-reviewer", taskFor(instance, "Task_CityReview", "gxj"), decision("approve", null));
        completeAs("swj-reviewer", taskFor(instance, "Task_CityReview", "swj"), decision("approve", null));

        assertThat(ledger.ofCase(caseOf(instance).getId()).reserved()).isEqualByComparingTo("200000.00");
        assertThat(timelineActions(instance)).containsSubsequence("RULE_ELIGIBLE", "ORDER_VERIFIED", "ORDER_VERIFIED",
                "RULE_CONFIRMED_ELIGIBLE", "FUNDS_RESERVED");
    }

    @Test
    void aSecondApplicationOfTheSameEnterpriseIsRefusedNamingTheExistingCase() {
        ProcessInstance first = apply(applicant, orders("60000000.00", "2023-08-01"));

        assertThatThrownBy(() -> apply(applicant, orders("250000000.00", "2023-09-01")))
                .isInstanceOf(DuplicateApplicationException.class)
                .hasMessageContaining(caseOf(first).getCaseNumber())
                .satisfies(e -> assertThat(((DuplicateApplicationException) e).getExistingCaseNumber())
                        .isEqualTo(caseOf(first).getCaseNumber()));
        assertThat(cases.findAll()).filteredOn(c -> c.getSubmittedBy().equals(applicant)).hasSize(1);
    }

    @Test
    void aContractClaimedByOneEnterpriseIsRefusedToAnother() {
        Map<String, Object> form = orders("60000000.00", "2023-08-01");
        apply(applicant, form);
        String other = newEnterpriseUser("xihu");
        Map<String, Object> sameContract = orders("80000000.00", "2023-08-02", "70000000.00", "2023-08-03");
        @SuppressWarnings("unchecked")
        Map<String, Object> second = ((java.util.List<Map<String, Object>>) sameContract.get("orders")).get(1);
        @SuppressWarnings("unchecked")
        String claimed = (String) ((java.util.List<Map<String, Object>>) form.get("orders")).get(0).get("contractNumber");
        second.put("contractNumber", " " + claimed.toLowerCase() + " "); // another spelling of the same contract
        long casesBefore = cases.count();

        assertThatThrownBy(() -> apply(other, sameContract))
                .isInstanceOf(cn.huiqi.common.ConflictException.class)
                .satisfies(e -> assertThat(((cn.huiqi.common.ConflictException) e).problem().field()).isEqualTo("orders[1].contractNumber"));
        assertThat(cases.count()).isEqualTo(casesBefore);
    }

    @Test
    void theVerifierNotAcceptingTheBiggestOrderLowersTheRewardAfterVerification() {
        ProcessInstance instance = apply(applicant, orders("60000000.00", "2023-08-01", "250000000.00", "2023-09-01"));
        Task verification = taskFor(instance, "Task_LocalityVerification", "donghu");
        Map<String, Object> approve = decision("approve", null);
        approve.put("orderVerification", java.util.List.of(Map.of("line", 1, "result", "accept"),
                Map.of("line", 2, "result", "notAccept")));

        assertThatThrownBy(() -> completeAs("donghu-verifier", verification, approve))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("orderVerification[1].reason");
        approve.put("orderVerification", java.util.List.of(Map.of("line", 1, "result", "accept")));
        assertThatThrownBy(() -> completeAs("donghu-verifier", verification, approve))
                .as("every order needs a result").isInstanceOf(InvalidInputException.class).hasMessageContaining("第2笔");
        assertThat(claimOf(instance).getRewardAmount()).isEqualByComparingTo("200000.00");

        approve.put("orderVerification", java.util.List.of(Map.of("line", 1, "result", "accept"),
                Map.of("line", 2, "result", "notAccept", "reason", "现场核查未发货，合同未履行")));
        completeAs("donghu-verifier", verification, approve);

        CaseRecord verified = caseOf(instance);
        assertThat(claims.of(verified).getRewardAmount()).isEqualByComparingTo("50000.00");
        assertThat(claims.of(verified).getRewardTier()).isEqualTo("TIER_50M");
        assertThat(claims.of(verified).getDecisionVersion()).isNotNull();
        completeAs("gxj-reviewer", taskFor(instance, "Task_CityReview", "gxj"), decision("approve", null));
        completeAs("swj-reviewer", taskFor(instance, "Task_CityReview", "swj"), decision("approve", null));
        assertThat(ledger.ofCase(verified.getId()).reserved()).isEqualByComparingTo("50000.00");
    }

    @Test
    void aCityReviewerChangingAnOrdersVerificationWithAReasonDecidesTheCaseAgain() {
        ProcessInstance instance = approvedByLocality(orders("60000000.00", "2023-08-01", "250000000.00", "2023-09-01"));
        assertThat(claimOf(instance).getRewardAmount()).isEqualByComparingTo("200000.00");
        assertThat(listSortAmountOf(instance)).as("the case list's copy, written at submission").isEqualByComparingTo("200000.00");
        Task gxj = taskFor(instance, "Task_CityReview", "gxj");
        // the form shows every order with its current result: a figure of the form, read from the orders, not a variable
        assertThat(String.valueOf(formService.getTaskFormVariables(gxj.getId()).getValueTyped("orderVerification").getValue()))
                .contains("\"result\":\"accept\"");
        assertThat(taskService.getVariable(gxj.getId(), "orderVerification")).isNull();
        Map<String, Object> change = decision("approve", null);
        change.put("orderVerification", java.util.List.of(Map.of("line", 2, "result", "notAccept")));

        assertThatThrownBy(() -> completeAs("gxj-reviewer", gxj, change)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("reason");
        change.put("orderVerification", java.util.List.of(Map.of("line", 2, "result", "notAccept", "reason", "出口报关单与合同不符")));
        completeAs("gxj-reviewer", gxj, change);

        assertThat(claimOf(instance).getRewardAmount()).isEqualByComparingTo("50000.00");
        assertThat(listSortAmountOf(instance)).as("the copy follows the new decision").isEqualByComparingTo("50000.00");
        assertThat(timelineActions(instance)).contains("ORDER_VERIFICATION_CHANGED", "RULE_REDECIDED_ELIGIBLE");
        completeAs("swj-reviewer", taskFor(instance, "Task_CityReview", "swj"), decision("approve", null));
        assertThat(ledger.ofCase(caseOf(instance).getId()).reserved()).isEqualByComparingTo("50000.00");
    }

    /**
     * Two bureaus review at once. swj's form was read before gxj's change and is sent back as it showed (order 2
     * accepted): gxj's change stands. Only the task still open when an order changes keeps what it showed.
     */
    @Test
    void aParallelReviewersUnchangedRowsDoNotUndoTheOtherBureausChange() {
        ProcessInstance instance = approvedByLocality(orders("60000000.00", "2023-08-01", "250000000.00", "2023-09-01"));
        Task gxj = taskFor(instance, "Task_CityReview", "gxj");
        Task swj = taskFor(instance, "Task_CityReview", "swj");
        assertThat(runtimeService.getVariableLocal(swj.getExecutionId(), "orderVerificationShown")).as("nothing kept while nothing changed").isNull();
        Map<String, Object> change = decision("approve", null);
        change.put("orderVerification", java.util.List.of(Map.of("line", 2, "result", "notAccept", "reason", "出口报关单与合同不符")));
        completeAs("gxj-reviewer", gxj, change);
        assertThat(claimOf(instance).getRewardAmount()).isEqualByComparingTo("50000.00");

        Map<String, Object> asShown = decision("approve", null);
        asShown.put("orderVerification", java.util.List.of(Map.of("line", 1, "result", "accept"), Map.of("line", 2, "result", "accept")));
        completeAs("swj-reviewer", swj, asShown);

        assertThat(timelineActions(instance)).containsOnlyOnce("ORDER_VERIFICATION_CHANGED");
        assertThat(claimOf(instance).getRewardAmount()).isEqualByComparingTo("50000.00");
        assertThat(ledger.ofCase(caseOf(instance).getId()).reserved()).isEqualByComparingTo("50000.00");
    }

    /**
     * swj's form was read after gxj's change (order 2 shown not accepted, and said so in the row's resultWhenOpened), and
     * swj accepts the order again with a reason: swj's own change, though it equals what swj's task showed when created.
     * Rows left as the form showed them stay unchanged.
     */
    @Test
    void aParallelReviewerWhoSawTheOtherBureausChangeMayUndoItDeliberately() {
        ProcessInstance instance = approvedByLocality(orders("60000000.00", "2023-08-01", "250000000.00", "2023-09-01"));
        Task gxj = taskFor(instance, "Task_CityReview", "gxj");
        Task swj = taskFor(instance, "Task_CityReview", "swj");
        Map<String, Object> change = decision("approve", null);
        change.put("orderVerification", java.util.List.of(Map.of("line", 2, "result", "notAccept", "reason", "出口报关单与合同不符")));
        assertThat(swj.getName()).as("named when created").endsWith(" · ¥200,000.00");
        completeAs("gxj-reviewer", gxj, change);
        assertThat(claimOf(instance).getRewardAmount()).isEqualByComparingTo("50000.00");
        assertThat(taskService.createTaskQuery().taskId(swj.getId()).singleResult().getName())
                .as("swj's task named again with the amount as it is now").startsWith("市级审核 · ").endsWith(" · ¥50,000.00");

        assertThat(String.valueOf(formService.getTaskFormVariables(swj.getId()).getValueTyped("orderVerification").getValue()))
                .as("swj's form, read now").contains("\"result\":\"notAccept\",\"resultWhenOpened\":\"notAccept\"");
        Map<String, Object> undo = decision("approve", null);
        undo.put("orderVerification", java.util.List.of(Map.of("line", 1, "result", "accept", "resultWhenOpened", "accept"),
                Map.of("line", 2, "result", "accept", "resultWhenOpened", "notAccept", "reason", "补交的出口报关单与合同一致")));
        completeAs("swj-reviewer", swj, undo);

        assertThat(timelineActions(instance)).filteredOn("ORDER_VERIFICATION_CHANGED"::equals).hasSize(2);
        assertThat(claimOf(instance).getRewardAmount()).isEqualByComparingTo("200000.00");
        assertThat(listSortAmountOf(instance)).isEqualByComparingTo("200000.00");
    }

    @Test
    void approvingACaseWhoseAcceptedOrdersEarnNothingIsRefused() {
        ProcessInstance instance = apply(applicant, orders("60000000.00", "2023-08-01"));
        Map<String, Object> approve = decision("approve", null);
        approve.put("orderVerification", java.util.List.of(Map.of("line", 1, "result", "notAccept", "reason", "未落地实施")));

        assertThatThrownBy(() -> completeAs("donghu-verifier", taskFor(instance, "Task_LocalityVerification", "donghu"), approve))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("驳回");
        assertThat(claimOf(instance).getRewardAmount()).isEqualByComparingTo("50000.00");
        assertThat(review(instance)).isWaitingAt("Task_LocalityVerification");
    }

    @Test
    void aSupplementCannotAddAnOrderNorTouchTheVerification() {
        ProcessInstance instance = apply(applicant, orders("60000000.00", "2023-08-01"));
        completeAs("donghu-verifier", taskFor(instance, "Task_LocalityVerification", "donghu"), decision("sendBack", "请补充验收单"));
        Task supplement = singleTask(instance, "Task_LocalitySupplement");
        Map<String, Object> withNewOrder = new HashMap<>(orders("250000000.00", "2023-09-01"));
        withNewOrder.put("supplementNote", "补充一笔订单");

        assertThatThrownBy(() -> completeAs(applicant, supplement, withNewOrder))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("orders");
        Map<String, Object> verifying = new HashMap<>(Map.of("supplementNote", "已补充",
                "orderVerification", java.util.List.of(Map.of("line", 2, "result", "accept"))));
        assertThatThrownBy(() -> completeAs(applicant, supplement, verifying))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("orderVerification");

        completeAs(applicant, supplement, Map.of("supplementNote", "已补充验收单", "supplementEvidence", "验收单 YS-009"));
        // the verifier cannot reach a line the application does not have either
        Map<String, Object> approve = approveAccepting(2);
        Task verification = taskFor(instance, "Task_LocalityVerification", "donghu");
        assertThatThrownBy(() -> completeAs("donghu-verifier", verification, approve))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("orderVerification[1].line");
        completeAs("donghu-verifier", verification, approveAccepting(1));
        assertThat(claimOf(instance).getRewardAmount()).isEqualByComparingTo("50000.00");
        assertThat(claimOf(instance).getClaimedAmount()).isEqualByComparingTo("60000000.00");
    }

    /** case_record.reward_amount: the case list's sort key (V60), a copy of the claim's amount. */
    private java.math.BigDecimal listSortAmountOf(ProcessInstance instance) {
        return jdbc.queryForObject("SELECT reward_amount FROM case_record WHERE id = ?", java.math.BigDecimal.class,
                caseOf(instance).getId());
    }

    @Test
    void onlyAnEnterpriseUserCanApply() {
        assertThatThrownBy(() -> apply("donghu-verifier", orders("60000000.00", "2023-08-01")))
                .isInstanceOf(AuthorizationException.class);
    }

    @Test
    void anEnterpriseAccountNotBoundToAnEnterpriseCannotApply() {
        if (identityService.createUserQuery().userId("ent-unbound").count() == 0) {
            var user = identityService.newUser("ent-unbound");
            user.setPassword("unbound-" + System.nanoTime());
            identityService.saveUser(user);
            identityService.createMembership("ent-unbound", "enterprise");
        }
        assertThatThrownBy(() -> apply("ent-unbound", orders("60000000.00", "2023-08-01")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("未绑定企业");
    }

    @Test
    void aFlaggedCaseCannotPassCityReviewNorBeSettledUntilTheLeadBureauDecides() {
        ProcessInstance instance = approvedByLocality(orders("60000000.00", "2023-08-01"));
        CaseRecord flagged = caseOf(instance);
        flagged.flag("FLAGGED_SEVERAL_M1_CASES: 同一企业迁移前持有多个措施1案件");
        cases.save(flagged);
        String caseNumber = flagged.getCaseNumber();

        assertThatThrownBy(() -> completeAs("gxj-reviewer", taskFor(instance, "Task_CityReview", "gxj"), decision("approve", null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("市工信局处理");
        assertThatThrownBy(() -> as("swj-reviewer", () -> flagResolution.resolve(caseNumber, new FlagResolution("保留"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("gxj-reviewer", () -> flagResolution.resolve(caseNumber, new FlagResolution(" "))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("reason");
        assertThat(caseOf(instance).getFlag()).isNotNull();

        as("gxj-reviewer", () -> flagResolution.resolve(caseNumber, new FlagResolution("核实为该企业唯一有效的申请，保留")));
        assertThat(caseOf(instance).getFlag()).isNull();
        assertThat(timelineActions(instance)).contains("FLAG_RESOLVED");
        assertThatThrownBy(() -> as("gxj-reviewer", () -> flagResolution.resolve(caseNumber, new FlagResolution("再次"))))
                .isInstanceOf(ConflictException.class);

        completeAs("gxj-reviewer", taskFor(instance, "Task_CityReview", "gxj"), decision("approve", null));
        completeAs("swj-reviewer", taskFor(instance, "Task_CityReview", "swj"), decision("approve", null));
        assertThat(review(instance)).isWaitingAt("Message_SettlementDecided");
    }

    @Test
    void aMeasureWithAFlaggedCaseAwaitingSettlementIsNotSettled() {
        ProcessInstance instance = approvedByCity(orders("60000000.00", "2023-08-01"));
        CaseRecord flagged = caseOf(instance);
        flagged.flag("FLAGGED_SEVERAL_M1_CASES");
        cases.save(flagged);
        long settlementsBefore = settlements.count();
        try {
            assertThatThrownBy(() -> as("gxj-reviewer", () -> settlementAllocation.start(OrderApplicationType.MEASURE, "gxj-reviewer")))
                    .isInstanceOf(ConflictException.class).hasMessageContaining(flagged.getCaseNumber());
            assertThat(settlements.count()).isEqualTo(settlementsBefore);
        } finally {
            flagged = caseOf(instance);
            flagged.clearFlag();
            cases.save(flagged);
        }
    }

    @Test
    void aReviewWithoutADecisionIsRefusedAndTheTaskStays() {
        ProcessInstance instance = apply(applicant, orders("60000000.00", "2023-08-01"));
        Task task = taskFor(instance, "Task_LocalityVerification", "donghu");

        assertThatThrownBy(() -> completeAs("donghu-verifier", task, decision(null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("decision");
        assertThatThrownBy(() -> completeAs("donghu-verifier", task, decision("reject", " ")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("comment");

        assertThat(review(instance)).isWaitingAt("Task_LocalityVerification");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    }

    @Test
    void aPaymentDatedInTheFutureIsRefused() {
        ProcessInstance instance = approvedByCity(orders("60000000.00", "2023-08-01"));
        ProcessInstance settlement = settle("M1");
        endNotice(settlement);

        assertThatThrownBy(() -> pay(settlement, instance, "CZ-1", LocalDate.now().plusDays(2).toString()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("paymentDate");
        assertThat(review(instance)).isWaitingAt("Message_PaymentConfirmed");
        assertThat(caseOf(instance).getStatus()).isEqualTo(RewardStatus.DISBURSEMENT.name());
    }

    private ProcessInstance approvedByLocality(Map<String, Object> form) {
        ProcessInstance instance = apply(applicant, form);
        completeAs("donghu-verifier", taskFor(instance, "Task_LocalityVerification", "donghu"),
                approveAccepting(((java.util.List<?>) form.get("orders")).size()));
        return instance;
    }

    private ProcessInstance approvedByCity(Map<String, Object> form) {
        ProcessInstance instance = approvedByLocality(form);
        completeAs("gxj-reviewer", taskFor(instance, "Task_CityReview", "gxj"), decision("approve", null));
        completeAs("swj-reviewer", taskFor(instance, "Task_CityReview", "swj"), decision("approve", null));
        assertThat(review(instance)).isWaitingAt("Message_SettlementDecided");
        return instance;
    }

    private ProcessInstance inPublicNotice(Map<String, Object> form) {
        ProcessInstance instance = approvedByCity(form);
        settle("M1");
        assertThat(review(instance)).isWaitingAt("Gateway_Notice");
        return instance;
    }
}
