package cn.huiqi.investmentreward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.DuplicateApplicationException;
import cn.huiqi.casefile.RewardStatus;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.enterprise.EnterpriseRepository;
import cn.huiqi.identity.Caller;
import cn.huiqi.project.InvestmentProgress;
import cn.huiqi.project.Project;
import cn.huiqi.project.ProjectLibrary;
import cn.huiqi.project.ProjectRepository;
import cn.huiqi.project.ProjectRequest;
import cn.huiqi.project.ReportRequest;
import cn.huiqi.testsupport.ProcessTestSupport;

/**
 * Every path of {@code bpmn/m3-investment-reward.bpmn}, on the quick start's demo project library
 * (db/demo/V1001) plus one small project of its own: progress not above the overall average; above it
 * but equipment below the lowest tier; above it and eligible through the shared review chain to payment.
 * Expectations about the average are checked as preconditions, since the library is shared.
 */
class InvestmentRewardProcessTest extends ProcessTestSupport {

    private static final YearMonth FROM = YearMonth.of(2023, 7);
    private static final YearMonth TO = YearMonth.of(2023, 9);

    @Autowired
    ProjectRepository projects;
    @Autowired
    InvestmentProgress progress;
    @Autowired
    ProjectLibrary library;
    @Autowired
    EnterpriseRepository enterprises;

    @Test
    void aProjectAheadOfTheAverageIsRewardedOnItsEquipmentInvestmentAndPaid() {
        Project extrusion = project("节能型铝型材挤压生产线技术改造项目");
        InvestmentProgress.ProgressComparison comparison = progress.compare(extrusion.getId(), FROM, TO);
        assertThat(comparison.exceedsOverall()).as("precondition from the demo library").isTrue();

        ProcessInstance instance = apply("ent-anyi", extrusion);

        assertThat(instance).hasPassed("Task_Register", "Task_DecideReward", "Task_RecordDecision").isWaitingAt("CallActivity_Review");
        CaseRecord caseRecord = caseOf(instance);
        // equipment: cumulative 18,200,000.00 at 2023-09 − 3,000,000.00 at 2023-06 = 15,200,000.00 → renovation, 5 %
        assertThat(claims.of(caseRecord).getClaimedAmount()).isEqualByComparingTo("15200000.00");
        assertThat(claims.of(caseRecord).getRewardAmount()).isEqualByComparingTo("760000.00");
        assertThat(claims.of(caseRecord).getRewardTier()).isEqualTo("RENOVATION_8M");
        assertThat(claims.of(caseRecord).getDecisionKey()).isEqualTo("investment-reward");
        // the reviewer's form shows the figures from the case record (review-chain is not given the application)
        String verificationTask = taskFor(instance, "Task_LocalityVerification", "anyi").getId();
        String reviewerSees = (String) formService.getTaskFormVariables(verificationTask).get("systemProjectAverageProgress");
        assertThat(reviewerSees).isEqualTo(InvestmentApplicationType.percent(comparison.projectAverage()));
        assertThat(formService.getTaskFormVariables(verificationTask).get("systemOverallAverageProgress"))
                .isEqualTo(InvestmentApplicationType.percent(comparison.overallAverage()));
        assertThat(runtimeService.getVariable(review(instance).getId(), "projectAverageProgress")).isNull();
        assertThat(formOf(taskFor(instance, "Task_LocalityVerification", "anyi"))).isEqualTo("m3-review");

        completeAs("anyi-verifier", taskFor(instance, "Task_LocalityVerification", "anyi"), decision("approve", null));
        completeAs("gxj-reviewer", taskFor(instance, "Task_CityReview", "gxj"), decision("approve", null));
        ProcessInstance settlement = settle("M3");
        endNotice(settlement);
        pay(settlement, instance, "CZ-M3-1", "2023-12-05");

        assertThat(instance).isEnded().hasPassed("End_Paid");
        assertThat(caseOf(instance).getStatus()).isEqualTo(RewardStatus.PAID.name());
    }

    @Test
    void aProjectNotAheadOfTheAverageIsNotEligibleAndTheCaseSaysBothNumbers() {
        Project display = project("新型显示模组生产线新建项目");
        InvestmentProgress.ProgressComparison comparison = progress.compare(display.getId(), FROM, TO);
        assertThat(comparison.exceedsOverall()).as("precondition from the demo library").isFalse();

        ProcessInstance instance = apply("ent-jixiang", display);

        assertThat(instance).isEnded().hasPassed("Task_ProgressBelowAverage", "End_NotEligible").hasNotPassed("Task_DecideReward");
        CaseRecord caseRecord = caseOf(instance);
        assertThat(caseRecord.getStatus()).isEqualTo(RewardStatus.NOT_ELIGIBLE.name());
        assertThat(claims.of(caseRecord).getRewardAmount()).isEqualByComparingTo("0");
        assertThat(claims.of(caseRecord).getOutcomeReason())
                .contains(InvestmentApplicationType.percent(comparison.projectAverage()))
                .contains(InvestmentApplicationType.percent(comparison.overallAverage()))
                .contains("未超过项目总体平均进度");
    }

    @Test
    void aProjectAheadOfTheAverageWithTooLittleEquipmentInvestmentIsNotEligibleByTheTable() {
        Project small = smallRenovationAheadOfSchedule();
        assertThat(progress.compare(small.getId(), FROM, TO).exceedsOverall()).isTrue();

        ProcessInstance instance = apply("ent-xiaolan", small);

        assertThat(instance).isEnded().hasPassed("Task_DecideReward", "End_NotEligible").hasNotPassed("CallActivity_Review");
        assertThat(claimOf(instance).getOutcomeReason()).contains("200万元");
        assertThat(claimOf(instance).getClaimedAmount()).isEqualByComparingTo("1500000.00");
    }

    @Test
    void eachProjectIsAppliedForOnceAndOnlyByItsOwner() {
        Project bearings = project("年产50万套精密轴承扩建项目");

        assertThatThrownBy(() -> apply("ent-anyi", bearings))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("projectId");
        assertThatThrownBy(() -> apply("ent-hongdu", Map.of("projectId", "abc", "equipmentEvidence", "x")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("projectId");
        Project renovation = project("数控加工中心智能化技术改造项目");
        apply("ent-hongdu", renovation);
        assertThatThrownBy(() -> apply("ent-hongdu", renovation)).isInstanceOf(DuplicateApplicationException.class);
    }

    /** 10,000,000.00 planned, 90 % done in July, finished in August; only 1,500,000.00 of equipment in the window. */
    private Project smallRenovationAheadOfSchedule() {
        Caller officer = new Caller("xiaolan-verifier", List.of("xiaolan"));
        long owner = enterprises.findByUscc("91360121MA35XL0N86").orElseThrow().getId();
        Project project = library.create(officer, new ProjectRequest(owner, "xiaolan", "喷涂线环保技术改造项目", "renovation",
                "10000000.00", "2000000.00", "2023-06-01", "2023-08-31", "2023-06-01", "2023-08-31", false));
        library.addReport(officer, project.getId(), new ReportRequest("2023-06", "0.00", "0.00", null, null));
        library.addReport(officer, project.getId(), new ReportRequest("2023-07", "9000000.00", "1000000.00", null, null));
        library.addReport(officer, project.getId(), new ReportRequest("2023-08", "10000000.00", "1500000.00", null, null));
        return project;
    }

    private Project project(String name) {
        return projects.findAll().stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow();
    }

    private ProcessInstance apply(String user, Project project) {
        Map<String, Object> form = new HashMap<>();
        form.put("projectId", project.getId().toString());
        form.put("equipmentEvidence", "设备采购合同 SB-2023-07、发票 33445566");
        return apply(user, form);
    }

    private ProcessInstance apply(String user, Map<String, Object> form) {
        return apply(user, InvestmentApplicationType.PROCESS_KEY, new HashMap<>(form));
    }
}
