package cn.huiqi.orderreward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import cn.huiqi.casefile.CaseStatus;
import cn.huiqi.casefile.DuplicateApplicationException;
import cn.huiqi.casefile.RewardCase;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.fund.CaseFunds;
import cn.huiqi.fund.FundLedger;
import cn.huiqi.testsupport.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of {@code bpmn/m1-order-reward.bpmn}, driven by the quick start's demo users:
 * ent-hongdu (南昌洪都精密机械, locality donghu), donghu-verifier, gxj-reviewer, swj-reviewer, czj-finance.
 */
class OrderRewardProcessTest extends ProcessTestSupport {

    @Autowired
    FundLedger ledger;

    private static Map<String, Object> order(String amount, String signingDate) {
        Map<String, Object> form = new HashMap<>();
        form.put("counterparty", "上海某某贸易有限公司");
        form.put("contractNumber", "HT-" + UUID.randomUUID());
        form.put("signingDate", signingDate);
        form.put("orderAmount", amount);
        form.put("executionEvidence", "发货单 FH-001、增值税发票 12345678");
        return form;
    }

    private ProcessInstance apply(String enterpriseUser, Map<String, Object> form) {
        return apply(enterpriseUser, OrderApplicationType.PROCESS_KEY, form);
    }

    @Test
    void eligibleOrderRunsThroughVerificationCityReviewNoticeAndDisbursement() {
        ProcessInstance instance = apply("ent-hongdu", order("50000000.00", "2023-08-15"));

        assertThat(instance).hasPassed("Task_Register", "Task_DecideReward", "Task_RecordDecision")
                .isWaitingAt("CallActivity_Review");
        ProcessInstance chain = review(instance);
        assertThat(chain).hasProcessDefinitionKey("review-chain").hasBusinessKey(instance.getBusinessKey())
                .hasPassed("Task_AssignUnits").isWaitingAt("Task_LocalityVerification");
        RewardCase rewardCase = caseOf(instance);
        assertThat(rewardCase.getCaseNumber()).matches("M1-2023-\\d{6}");
        assertThat(rewardCase.getRewardAmount()).isEqualByComparingTo("50000.00");
        assertThat(rewardCase.getRewardTier()).isEqualTo("TIER_50M");
        assertThat(rewardCase.getDecisionKey()).isEqualTo("order-reward");
        assertThat(rewardCase.getDecisionVersion()).isEqualTo(1);
        assertThat(rewardCase.getStatus()).isEqualTo(CaseStatus.LOCALITY_VERIFICATION);
        assertThat(chain).task().hasCandidateGroup("donghu");

        completeAs("donghu-verifier", taskFor(instance, "Task_LocalityVerification", "donghu"), decision("approve", "订单已落地"));

        assertThat(review(instance)).isWaitingAt("Task_CityReview");
        assertThat(caseOf(instance).getStatus()).isEqualTo(CaseStatus.CITY_REVIEW);
        Task gxj = taskFor(instance, "Task_CityReview", "gxj");
        Task swj = taskFor(instance, "Task_CityReview", "swj");
        assertThat(gxj).isNotNull();
        assertThat(swj).isNotNull();

        completeAs("gxj-reviewer", gxj, decision("approve", null));
        assertThat(review(instance)).isWaitingAt("Task_CityReview"); // 市商务局 has not agreed yet
        completeAs("swj-reviewer", swj, decision("approve", null));

        assertThat(chain).hasPassed("Task_ReserveFunds").isWaitingAt("Message_SettlementDecided");
        assertThat(caseOf(instance).getStatus()).isEqualTo(CaseStatus.AWAITING_SETTLEMENT);
        ProcessInstance settlement = settle("M1");

        assertThat(chain).isWaitingAt("Gateway_Notice");
        assertThat(caseOf(instance).getStatus()).isEqualTo(CaseStatus.PUBLIC_NOTICE);
        assertThat(caseOf(instance).getSettledAmount()).isEqualByComparingTo("50000.00");
        Job notice = job("Timer_NoticePeriod", settlement);
        assertThat(Duration.between(new Date().toInstant(), notice.getDuedate().toInstant()))
                .isBetween(Duration.ofDays(5).minusMinutes(1), Duration.ofDays(5));
        endNotice(settlement);

        assertThat(chain).isWaitingAt("Message_PaymentConfirmed");
        assertThat(caseOf(instance).getStatus()).isEqualTo(CaseStatus.DISBURSEMENT);
        assertThat(settlement).isWaitingAt("Task_ConfirmPayments").task().hasCandidateGroup("czj");
        pay(settlement, instance, "CZ-2023-0001", "2023-11-20");

        assertThat(chain).isEnded().hasPassed("End_Paid");
        assertThat(instance).isEnded().hasPassed("End_Paid");
        RewardCase paid = caseOf(instance);
        assertThat(paid.getStatus()).isEqualTo(CaseStatus.PAID);
        assertThat(paid.getPaymentReference()).isEqualTo("CZ-2023-0001");
        assertThat(paid.getPaymentDate()).isEqualTo(LocalDate.of(2023, 11, 20));
        assertThat(timelineActions(instance)).contains("SUBMITTED", "RULE_ELIGIBLE",
                "TASK_LOCALITYVERIFICATION_APPROVE", "TASK_CITYREVIEW_APPROVE", "FUNDS_RESERVED", "STATUS_AWAITING_SETTLEMENT",
                "SETTLED", "STATUS_PUBLIC_NOTICE", "STATUS_DISBURSEMENT", "PAYMENT_RECORDED", "STATUS_PAID");
        assertThat(events.findByCaseIdOrderByOccurredAtAscIdAsc(paid.getId()))
                .extracting(e -> e.getActor())
                .contains("ent-hongdu", "donghu-verifier", "gxj-reviewer", "swj-reviewer", "czj-finance");
    }

    @Test
    void orderSignedOutsideTheWindowEndsNotEligibleWithAReason() {
        ProcessInstance instance = apply("ent-hongdu", order("300000000.00", "2023-10-01"));

        assertThat(instance).isEnded().hasPassed("End_NotEligible").hasNotPassed("CallActivity_Review");
        RewardCase rewardCase = caseOf(instance);
        assertThat(rewardCase.getStatus()).isEqualTo(CaseStatus.NOT_ELIGIBLE);
        assertThat(rewardCase.getEligible()).isFalse();
        assertThat(rewardCase.getRewardAmount()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(rewardCase.getOutcomeReason()).contains("2023年7月1日至9月30日");
    }

    @Test
    void orderBelowFiftyMillionEndsNotEligible() {
        ProcessInstance instance = apply("ent-hongdu", order("49999999.99", "2023-07-01"));

        assertThat(instance).isEnded().hasPassed("End_NotEligible");
        assertThat(caseOf(instance).getOutcomeReason()).contains("5000万元");
    }

    @Test
    void localitySendsBackForSupplementsThenVerifiesAgain() {
        ProcessInstance instance = apply("ent-hongdu", order("100000000.00", "2023-09-30"));
        completeAs("donghu-verifier", taskFor(instance, "Task_LocalityVerification", "donghu"),
                decision("sendBack", "请补充验收单"));

        assertThat(review(instance)).isWaitingAt("Task_LocalitySupplement").task().isAssignedTo("ent-hongdu");
        assertThat(caseOf(instance).getStatus()).isEqualTo(CaseStatus.SUPPLEMENT_REQUESTED);
        assertThat(runtimeService.getVariable(review(instance).getId(), "supplementRequest")).isEqualTo("请补充验收单");

        completeAs("ent-hongdu", singleTask(instance, "Task_LocalitySupplement"),
                Map.of("supplementNote", "已补充验收单", "supplementEvidence", "验收单 YS-009"));

        assertThat(review(instance)).isWaitingAt("Task_LocalityVerification");
        assertThat(caseOf(instance).getStatus()).isEqualTo(CaseStatus.LOCALITY_VERIFICATION);
        assertThat(timelineActions(instance)).contains("TASK_LOCALITYVERIFICATION_SEND_BACK", "SUPPLEMENT_PROVIDED");
    }

    @Test
    void localityRejectsWithAReason() {
        ProcessInstance instance = apply("ent-hongdu", order("200000000.00", "2023-08-01"));
        ProcessInstance chain = review(instance);
        completeAs("donghu-verifier", taskFor(instance, "Task_LocalityVerification", "donghu"),
                decision("reject", "订单未实际履行"));

        assertThat(chain).isEnded().hasPassed("End_Rejected").hasNotPassed("Task_CityReview");
        assertThat(instance).isEnded().hasPassed("End_Rejected");
        RewardCase rewardCase = caseOf(instance);
        assertThat(rewardCase.getStatus()).isEqualTo(CaseStatus.REJECTED);
        assertThat(rewardCase.getOutcomeReason()).isEqualTo("订单未实际履行");
    }

    @Test
    void oneCityBureauRejectingEndsTheCaseAndWithdrawsTheOtherReview() {
        ProcessInstance instance = approvedByLocality(order("60000000.00", "2023-08-01"));
        ProcessInstance chain = review(instance);
        completeAs("gxj-reviewer", taskFor(instance, "Task_CityReview", "gxj"), decision("approve", null));
        completeAs("swj-reviewer", taskFor(instance, "Task_CityReview", "swj"), decision("reject", "合同对方为关联企业"));

        assertThat(chain).isEnded().hasPassed("Boundary_CityRejected", "End_Rejected").hasNotPassed("Gateway_Notice");
        assertThat(instance).isEnded().hasPassed("End_Rejected");
        assertThat(caseOf(instance).getOutcomeReason()).isEqualTo("合同对方为关联企业");
    }

    @Test
    void rejectionWhileTheOtherBureauIsStillReviewingCancelsItsTask() {
        ProcessInstance instance = approvedByLocality(order("60000000.00", "2023-08-01"));
        completeAs("gxj-reviewer", taskFor(instance, "Task_CityReview", "gxj"), decision("reject", "材料虚假"));

        assertThat(instance).isEnded().hasPassed("End_Rejected");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey()).count()).isZero();
    }

    @Test
    void cityBureauSendsBackAndTheSameBureauReviewsAgain() {
        ProcessInstance instance = approvedByLocality(order("60000000.00", "2023-08-01"));
        completeAs("gxj-reviewer", taskFor(instance, "Task_CityReview", "gxj"), decision("approve", null));
        completeAs("swj-reviewer", taskFor(instance, "Task_CityReview", "swj"), decision("sendBack", "请补充出口报关单"));

        assertThat(review(instance)).isWaitingAt("Task_CitySupplement").task().isAssignedTo("ent-hongdu");
        Task supplement = singleTask(instance, "Task_CitySupplement");
        assertThat(taskService.getVariable(supplement.getId(), "supplementRequest")).isEqualTo("请补充出口报关单");
        completeAs("ent-hongdu", supplement, Map.of("supplementNote", "已补充报关单"));

        assertThat(review(instance)).isWaitingAt("Task_CityReview");
        assertThat(taskFor(instance, "Task_CityReview", "swj")).isNotNull();
        assertThat(taskFor(instance, "Task_CityReview", "gxj")).as("市工信局 already agreed").isNull();
        completeAs("swj-reviewer", taskFor(instance, "Task_CityReview", "swj"), decision("approve", null));

        assertThat(review(instance)).isWaitingAt("Message_SettlementDecided");
    }

    @Test
    void objectionDuringPublicNoticeSendsTheCaseBackToCityReview() {
        ProcessInstance instance = inPublicNotice(order("60000000.00", "2023-08-01"));

        runtimeService.createMessageCorrelation("case-objection").processInstanceBusinessKey(instance.getBusinessKey()).correlate();

        assertThat(review(instance)).hasPassed("Message_ObjectionRaised", "Task_WithdrawFromSettlement").isWaitingAt("Task_CityReview");
        assertThat(ledger.ofCase(caseOf(instance).getId()).state()).isEqualTo(CaseFunds.State.RELEASED);
        assertThat(caseOf(instance).getSettledAmount()).isNull();
        assertThat(taskFor(instance, "Task_CityReview", "gxj")).isNotNull();
        assertThat(taskFor(instance, "Task_CityReview", "swj")).isNotNull();
        assertThat(caseOf(instance).getStatus()).isEqualTo(CaseStatus.CITY_REVIEW);
        assertThat(timelineActions(instance)).contains("WITHDRAWN_FROM_SETTLEMENT");
    }

    @Test
    void incompleteApplicationIsRefusedAndLeavesNothingBehind() {
        Map<String, Object> form = order("abc", "2023-13-01");
        form.remove("counterparty");
        long casesBefore = cases.count();
        long instancesBefore = runtimeService.createProcessInstanceQuery().count();

        assertThatThrownBy(() -> apply("ent-hongdu", form))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).getProblems())
                        .extracting(p -> p.field())
                        .containsExactlyInAnyOrder("counterparty", "signingDate", "orderAmount"));
        assertThat(cases.count()).isEqualTo(casesBefore);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    }

    @Test
    void theSameContractCannotBeAppliedForTwice() {
        Map<String, Object> form = order("60000000.00", "2023-08-01");
        apply("ent-hongdu", form);

        assertThatThrownBy(() -> apply("ent-hongdu", new java.util.HashMap<>(form)))
                .isInstanceOf(DuplicateApplicationException.class)
                .hasMessageContaining("contractNumber");
    }

    @Test
    void onlyAnEnterpriseUserCanApply() {
        assertThatThrownBy(() -> apply("donghu-verifier", order("60000000.00", "2023-08-01")))
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
        assertThatThrownBy(() -> apply("ent-unbound", order("60000000.00", "2023-08-01")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("未绑定企业");
    }

    @Test
    void aReviewWithoutADecisionIsRefusedAndTheTaskStays() {
        ProcessInstance instance = apply("ent-hongdu", order("60000000.00", "2023-08-01"));
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
        ProcessInstance instance = approvedByCity(order("60000000.00", "2023-08-01"));
        ProcessInstance settlement = settle("M1");
        endNotice(settlement);

        assertThatThrownBy(() -> pay(settlement, instance, "CZ-1", LocalDate.now().plusDays(2).toString()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("paymentDate");
        assertThat(review(instance)).isWaitingAt("Message_PaymentConfirmed");
        assertThat(caseOf(instance).getStatus()).isEqualTo(CaseStatus.DISBURSEMENT);
    }

    private ProcessInstance approvedByLocality(Map<String, Object> form) {
        ProcessInstance instance = apply("ent-hongdu", form);
        completeAs("donghu-verifier", taskFor(instance, "Task_LocalityVerification", "donghu"), decision("approve", null));
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
