package cn.huiqi.timelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.huiqi.catalogue.ApplicantKind;
import cn.huiqi.catalogue.Measure;
import cn.huiqi.common.Label;

/**
 * Every task of a unit's queue has a due date: a measure whose cases reach a unit's step (a user task with candidate
 * groups, in its own processes, the ones they call, or, for a paying measure, the fund's settlement) without a limit
 * for it stops the start. Plain JUnit on the models the application deploys.
 */
class TimeLimitSetupTest {

    private final Map<String, ProcessOutline> models = ProcessOutline.bundled();

    /** Measures 5 and 6 (locality evaluation): their gxj steps, measure 6's veto check and the payment batch. */
    static final Map<String, Integer> EVALUATION_LIMITS = Map.of("Task_SafetyVetoCheck", 5, "Task_CloseDataEntry", 10, "Task_Propose", 5,
            "Task_CheckProposal", 3, "Task_CityApproval", 10, "Task_HandleReviewRequests", 5, "Task_ConfirmPayments", 5);
    static final Measure M5 = measure("M5", "m5-pilot-zone-evaluation", true);
    static final Measure M6 = measure("M6", "m6-contribution-evaluation", true);
    /** Measure 7 (demands, no money): gxj's steps configured, 受理 and 办理 from its own StepLimits (the routing table). */
    static final Map<String, Integer> DEMAND_LIMITS = Map.of("Task_Accept", 1, "Task_DecideTransfer", 2, "Task_ApproveExtension", 2,
            "Task_ReportUpward", 2, "Task_Supervise", 2, "Task_OverdueSupervision", 2);
    static final Measure M7 = measure("M7", "m7-assistance-demand", false);
    /** Measure 8 (financing demands, no money): screening and jrb's coordination. */
    static final Map<String, Integer> FINANCING_LIMITS = Map.of("Task_Screen", 3, "Task_Coordinate", 5);
    static final Measure M8 = measure("M8", "m8-financing-demand", false);
    static final Map<String, java.util.Set<String>> OWN = Map.of("M7", java.util.Set.of("Task_Accept", "Task_Handle"));

    @Test
    void theShippedLimitsGiveEveryUnitsStepOfMeasuresOneToThreeADueDate() {
        TimeLimitProperties shipped = limits(Map.of(
                "M1", Map.of("Task_LocalityVerification", 5, "Task_CityReview", 10, "Task_ConfirmPayments", 5),
                "M2", Map.of("Task_LocalityVerification", 5, "Task_CityReview", 10, "Task_ConfirmPayments", 5),
                "M3", Map.of("Task_LocalityVerification", 5, "Task_CityReview", 10, "Task_ConfirmPayments", 5),
                "M5", EVALUATION_LIMITS, "M6", EVALUATION_LIMITS, "M7", DEMAND_LIMITS, "M8", FINANCING_LIMITS));

        assertThat(TimeLimitSetup.unitStepsWithoutLimit(shipped, List.of(
                measure("M1", "m1-order-reward", true), measure("M2", "m2-growth-reward", true),
                measure("M3", "m3-investment-reward", true), measure("M4", null, false), M5, M6, M7, M8), models, OWN)).isEmpty();
        assertThat(TimeLimitSetup.unitStepsWithoutLimit(shipped, List.of(M7), models)).as("办理 without measure 7's own limits")
                .singleElement().asString().contains("M7 Task_Handle");
    }

    @Test
    void aUnitsStepWithoutALimitStopsTheStartNamingMeasureAndStep() {
        TimeLimitProperties missing = limits(Map.of("M1", Map.of("Task_LocalityVerification", 5, "Task_CityReview", 10),
                "M5", EVALUATION_LIMITS, "M6", EVALUATION_LIMITS, "M7", DEMAND_LIMITS, "M8", FINANCING_LIMITS));

        assertThat(TimeLimitSetup.unitStepsWithoutLimit(missing, List.of(measure("M1", "m1-order-reward", true), M5, M6, M7, M8), models, OWN))
                .singleElement().asString()
                .contains("M1 Task_ConfirmPayments").contains("fund-settlement").contains("due date");
        // reached through the call to review-chain; the supplement tasks are the enterprise's (an assignee), not a unit's
        assertThat(TimeLimitSetup.unitStepsWithoutLimit(limits(Map.of("M5", EVALUATION_LIMITS, "M6", EVALUATION_LIMITS, "M7", DEMAND_LIMITS,
                "M8", FINANCING_LIMITS)), List.of(measure("M2", "m2-growth-reward", true), M5, M6, M7, M8), models, OWN))
                .hasSize(3)
                .anySatisfy(problem -> assertThat(problem).contains("M2 Task_LocalityVerification").contains("review-chain"))
                .anySatisfy(problem -> assertThat(problem).contains("M2 Task_CityReview"))
                .noneSatisfy(problem -> assertThat(problem).contains("Supplement"));
    }

    @Test
    void aMeasureThatPaysNothingNeedsNoLimitForThePaymentStep() {
        TimeLimitProperties noPayment = limits(Map.of("M2", Map.of("Task_LocalityVerification", 5, "Task_CityReview", 10)));

        assertThat(TimeLimitSetup.unitStepsWithoutLimit(noPayment, List.of(measure("M2", "m2-growth-reward", false)), models))
                .isEmpty();
    }

    private static TimeLimitProperties limits(Map<String, Map<String, Integer>> steps) {
        TimeLimitProperties properties = new TimeLimitProperties();
        properties.setSteps(new LinkedHashMap<>(steps));
        return properties;
    }

    private static Measure measure(String id, String process, boolean pays) {
        return new Measure(id, "洪府办发〔2023〕81号", "第1条", Label.of("措施", "Measure"), ApplicantKind.ENTERPRISE,
                process == null ? List.of() : List.of(process), List.of(), pays, false);
    }
}
