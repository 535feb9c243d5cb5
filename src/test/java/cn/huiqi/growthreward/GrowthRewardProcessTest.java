package cn.huiqi.growthreward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseView;
import cn.huiqi.casefile.CaseViews;
import cn.huiqi.claim.ProvisionalRates;
import cn.huiqi.casefile.DuplicateApplicationException;
import cn.huiqi.casefile.RewardStatus;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.testsupport.ProcessTestSupport;

/**
 * Every path of {@code bpmn/m2-growth-reward.bpmn}: not eligible by the table, or eligible and then the
 * shared review chain (市工信局 alone reviews measure 2) to payment or rejection. Each test uses its
 * own demo enterprise, since an enterprise may apply only once.
 */
class GrowthRewardProcessTest extends ProcessTestSupport {

    @Autowired
    CaseViews caseViews;
    @Autowired
    ProvisionalRates rates;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void growingRevenueAboveOneHundredMillionIsReviewedByTheBureauAndPaid() {
        ProcessInstance instance = apply("ent-ganjiang", revenue("123456789.99", "100000000.00"));

        assertThat(instance).hasPassed("Task_Register", "Task_DecideReward", "Task_RecordDecision").isWaitingAt("CallActivity_Review");
        CaseRecord caseRecord = caseOf(instance);
        assertThat(caseRecord.getCaseNumber()).startsWith("M2-2023-");
        assertThat(claims.of(caseRecord).getRewardAmount()).isEqualByComparingTo("123456.79");
        assertThat(claims.of(caseRecord).getRewardTier()).isEqualTo("TIER_100M");
        assertThat(claims.of(caseRecord).getDecisionKey()).isEqualTo("growth-reward");
        assertThat(caseRecord.getReviewUnits()).containsExactly("gxj");

        ProcessInstance chain = review(instance);
        assertThat(formOf(taskFor(instance, "Task_LocalityVerification", "gaoxin"))).isEqualTo("m2-review");
        completeAs("gaoxin-verifier", taskFor(instance, "Task_LocalityVerification", "gaoxin"), decision("approve", null));
        assertThat(chain).isWaitingAt("Task_CityReview").task().hasCandidateGroup("gxj");
        assertThat(formOf(taskFor(instance, "Task_CityReview", "gxj"))).isEqualTo("m2-review");
        assertThat(taskFor(instance, "Task_CityReview", "swj")).as("市商务局 does not review measure 2").isNull();
        completeAs("gxj-reviewer", taskFor(instance, "Task_CityReview", "gxj"), decision("approve", null));
        assertThat(chain).isWaitingAt("Message_SettlementDecided");
        ProcessInstance settlement = settle("M2");
        assertThat(chain).isWaitingAt("Gateway_Notice");
        endNotice(settlement);
        pay(settlement, instance, "CZ-M2-1", "2023-12-01");

        assertThat(instance).isEnded().hasPassed("End_Paid");
        assertThat(caseOf(instance).getStatus()).isEqualTo(RewardStatus.PAID.name());
    }

    @Test
    void aRewardAtTheDefaultRateIsProvisionalUntilPolicyStaffConfirmTheVersion() {
        ProcessInstance instance = apply(newEnterpriseUser("gaoxin"), revenue("150000000.00", "100000000.00"));
        CaseRecord caseRecord = caseOf(instance);
        int version = claims.of(caseRecord).getDecisionVersion();

        CaseView view = caseViews.withTimeline(caseRecord);
        assertThat(view.rewardAmount()).isEqualByComparingTo("150000.00");
        assertThat(view.provisional()).isTrue();
        assertThat(view.provisionalZh()).isEqualTo("暂按系统默认比例计算，待政策部门确认");
        assertThat(caseViews.listItem(caseRecord).provisional()).isTrue();

        rates.confirm("growth-reward", version, claims.of(caseRecord).getDecisionDefinitionId(), "测试：政策部门确认比例", "policy-staff");
        try {
            assertThat(caseViews.withTimeline(caseRecord).provisional()).isFalse();
            assertThat(caseViews.listItem(caseRecord).provisionalZh()).isNull();
        } finally { // the shared context's other tests see the seed version unconfirmed
            jdbc.update("DELETE FROM rule_rate_confirmation WHERE decision_key = 'growth-reward' AND version = ?", version);
        }
        assertThat(caseViews.withTimeline(caseRecord).provisional()).isTrue();
    }

    @Test
    void revenueWithoutGrowthEndsNotEligible() {
        ProcessInstance instance = apply("ent-xiaolan", revenue("600000000.00", "600000000.00"));

        assertThat(instance).isEnded().hasPassed("End_NotEligible").hasNotPassed("CallActivity_Review");
        assertThat(caseOf(instance).getStatus()).isEqualTo(RewardStatus.NOT_ELIGIBLE.name());
        assertThat(claimOf(instance).getOutcomeReason()).contains("同比正增长");
    }

    @Test
    void theBureauRejectsWithAReason() {
        ProcessInstance instance = apply("ent-anyi", revenue("1500000000.00", "900000000.00"));
        ProcessInstance chain = review(instance);
        assertThat(claimOf(instance).getRewardAmount()).as("capped at 200万").isEqualByComparingTo("2000000.00");
        completeAs("anyi-verifier", taskFor(instance, "Task_LocalityVerification", "anyi"), decision("approve", null));
        completeAs("gxj-reviewer", taskFor(instance, "Task_CityReview", "gxj"), decision("reject", "收入口径不符"));

        assertThat(chain).isEnded().hasPassed("End_Rejected");
        assertThat(instance).isEnded().hasPassed("End_Rejected");
        assertThat(claimOf(instance).getOutcomeReason()).isEqualTo("收入口径不符");
    }

    @Test
    void anEnterpriseAppliesOnlyOnceForTheWindow() {
        apply("ent-jixiang", revenue("99999999.99", "1.00"));

        assertThatThrownBy(() -> apply("ent-jixiang", revenue("300000000.00", "1.00")))
                .isInstanceOf(DuplicateApplicationException.class);
    }

    @Test
    void revenuesAreCheckedOnTheServer() {
        Map<String, Object> form = revenue("-5", "abc");
        form.remove("revenueEvidence");

        assertThatThrownBy(() -> apply("ent-hongdu", form))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).getProblems()).extracting(p -> p.field())
                        .containsExactlyInAnyOrder("taxableRevenue", "priorYearRevenue", "revenueEvidence"));
    }

    private ProcessInstance apply(String user, Map<String, Object> form) {
        return apply(user, GrowthApplicationType.PROCESS_KEY, form);
    }

    private static Map<String, Object> revenue(String taxable, String prior) {
        Map<String, Object> form = new HashMap<>();
        form.put("taxableRevenue", taxable);
        form.put("priorYearRevenue", prior);
        form.put("revenueEvidence", "2023年第三季度增值税申报表");
        return form;
    }
}
