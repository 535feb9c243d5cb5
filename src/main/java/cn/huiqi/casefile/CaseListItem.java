package cn.huiqi.casefile;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A case as a list shows it: no application, timeline or steps (those are in {@code GET /api/cases/{number}}).
 * {@code provisional}: the reward is a figure at a labelled default rate awaiting policy staff, with the label to show.
 */
public record CaseListItem(
        String caseNumber,
        String measure,
        String status,
        String statusZh,
        String statusEn,
        CaseView.EnterpriseRef enterprise,
        CaseView.ApplicantRef applicant,
        String localityUnit,
        Long roundId,
        BigDecimal claimedAmount,
        BigDecimal rewardAmount,
        String outcomeReason,
        String flag,
        Instant submittedAt,
        Instant updatedAt,
        boolean provisional,
        String provisionalZh,
        String provisionalEn) {
}
