package cn.huiqi.casefile;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A case as the API shows it; the timeline is filled only for a single case. */
public record CaseView(
        String caseNumber,
        String measure,
        String status,
        String statusZh,
        String statusEn,
        EnterpriseRef enterprise,
        ApplicantRef applicant,
        String localityUnit,
        Map<String, Object> application,
        BigDecimal claimedAmount,
        Boolean eligible,
        BigDecimal rewardAmount,
        String rewardTier,
        BigDecimal settledAmount,
        DecisionRef decision,
        String outcomeReason,
        String flag,
        PaymentRef payment,
        String submittedBy,
        Instant submittedAt,
        Instant updatedAt,
        List<TimelineEntry> timeline,
        List<StepTime> steps,
        boolean provisional,
        String provisionalZh,
        String provisionalEn) {

    public record EnterpriseRef(String name, String uscc) {
    }

    /**
     * The reward part of a case of a measure that pays ({@link CaseRewards}). {@code provisional}: why its figure is
     * not final (decided at a labelled default rate not yet confirmed by policy staff), null when it is.
     */
    public record Reward(BigDecimal claimedAmount, Boolean eligible, BigDecimal rewardAmount, String rewardTier,
                         BigDecimal settledAmount, DecisionRef decision, String outcomeReason, PaymentRef payment,
                         Instant updatedAt, cn.huiqi.common.Label provisional) {

        static final Reward NONE = new Reward(null, null, null, null, null, null, null, null, null, null);
    }

    /** Who applied: kind (ENTERPRISE, PROJECT_OWNER, LOCALITY), name, and code (USCC or unit id). */
    public record ApplicantRef(String kind, String name, String code) {
    }

    public record DecisionRef(String key, Integer version, String definitionId) {
    }

    public record PaymentRef(String reference, LocalDate date) {
    }

    public record TimelineEntry(Instant at, String actor, String action, String detail) {
    }

    /**
     * A limited step of the case on the working-day clock ({@link CaseStepTimes}): its limit, the working days used
     * and left (negative: overdue by that many), its due instant while it runs, and where it stands (RUNNING, PAUSED
     * while the enterprise supplements, DONE; the supplement step itself is SUPPLEMENT).
     */
    public record StepTime(String step, String stepName, String unit, int limitDays, int elapsedDays, int remainingDays,
                           Instant due, String state, String stateZh, String stateEn, boolean overdue) {
    }
}
