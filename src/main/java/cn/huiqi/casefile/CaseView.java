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
        List<TimelineEntry> timeline) {

    public record EnterpriseRef(String name, String uscc) {
    }

    public record DecisionRef(String key, Integer version, String definitionId) {
    }

    public record PaymentRef(String reference, LocalDate date) {
    }

    public record TimelineEntry(Instant at, String actor, String action, String detail) {
    }
}
