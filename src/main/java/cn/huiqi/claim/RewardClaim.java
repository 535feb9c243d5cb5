package cn.huiqi.claim;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import cn.huiqi.common.Money;

/**
 * The reward details of a case of a measure that pays money: what was claimed, decided (by which rule
 * version), settled and paid, and to whom. One per case, sharing its id (case_id = case_record.id): the
 * fund ledger and the settlement lines point at the claim, whichever measure or applicant it belongs to.
 *
 * <p>Table reward_claim: a {@code record…} method changes the object only; {@link RewardClaims#save} writes what changed.
 */
public class RewardClaim {

    /** Who receives the money: the applying enterprise, or a locality (its finance bureau). */
    public enum PayeeKind { ENTERPRISE, LOCALITY }

    /**
     * What a {@code record…} method changed since the row was read or written: the columns {@link RewardClaimRepository#update}
     * writes. REWARD_AMOUNT comes with DECISION (which writes the column) when the amount differs: its case's list copy follows.
     */
    enum Change { DECISION, REWARD_AMOUNT, OUTCOME_REASON, SETTLEMENT, PAYMENT }

    private Long caseId;
    private BigDecimal claimedAmount;
    private Boolean eligible;
    private BigDecimal rewardAmount;
    private String rewardTier;
    private String decisionKey;
    private Integer decisionVersion;
    private String decisionDefinitionId;
    private String outcomeReason;
    /**
     * The decision is the rule task's at submission, on the application as submitted: no decision was recorded since
     * (a re-decision, re-evaluation or round re-decision clears it).
     */
    private boolean decidedAtSubmission;
    /**
     * The version of the claim's decision table that the case's round pins, as read with the claim (round.RoundPins'
     * table); null when the case has no round or the round no pin for the table, or the claim was not read.
     */
    private final Integer roundPinnedVersion;
    /** What the claim is paid after settlement (the decided reward, possibly scaled down to fit the pool). */
    private BigDecimal settledAmount;
    private String paymentReference;
    private LocalDate paymentDate;
    private PayeeKind payeeKind;
    private Long payeeEnterpriseId;
    private String payeeUnitId;
    private Instant updatedAt;
    private long rowVersion;

    private final Set<Change> changes = EnumSet.noneOf(Change.class);

    /** A row of reward_claim. */
    RewardClaim(long caseId, BigDecimal claimedAmount, Boolean eligible, BigDecimal rewardAmount, String rewardTier, String decisionKey,
                Integer decisionVersion, String decisionDefinitionId, String outcomeReason, BigDecimal settledAmount,
                String paymentReference, LocalDate paymentDate, PayeeKind payeeKind, Long payeeEnterpriseId, String payeeUnitId,
                Instant updatedAt, long rowVersion, boolean decidedAtSubmission, Integer roundPinnedVersion) {
        this.caseId = caseId;
        this.claimedAmount = claimedAmount;
        this.eligible = eligible;
        this.rewardAmount = rewardAmount;
        this.rewardTier = rewardTier;
        this.decisionKey = decisionKey;
        this.decisionVersion = decisionVersion;
        this.decisionDefinitionId = decisionDefinitionId;
        this.outcomeReason = outcomeReason;
        this.settledAmount = settledAmount;
        this.paymentReference = paymentReference;
        this.paymentDate = paymentDate;
        this.payeeKind = payeeKind;
        this.payeeEnterpriseId = payeeEnterpriseId;
        this.payeeUnitId = payeeUnitId;
        this.updatedAt = updatedAt;
        this.rowVersion = rowVersion;
        this.decidedAtSubmission = decidedAtSubmission;
        this.roundPinnedVersion = roundPinnedVersion;
    }

    RewardClaim(long caseId, BigDecimal claimedAmount, PayeeKind payeeKind, Long payeeEnterpriseId, String payeeUnitId) {
        this.caseId = caseId;
        this.claimedAmount = claimedAmount;
        this.payeeKind = payeeKind;
        this.payeeEnterpriseId = payeeEnterpriseId;
        this.payeeUnitId = payeeUnitId;
        this.updatedAt = Instant.now();
        this.roundPinnedVersion = null;
    }

    /** A decision taken after the submission's (a re-decision, a re-evaluation, a round's re-decision, an award). */
    public void recordDecision(String key, int version, String definitionId, boolean eligible,
                               BigDecimal rewardAmount, String tier, String reason) {
        record(key, version, definitionId, eligible, rewardAmount, tier, reason, false);
    }

    /** The decision of the measure's rule task as the case is submitted, by the version in force for the case. */
    public void recordSubmissionDecision(String key, int version, String definitionId, boolean eligible,
                                         BigDecimal rewardAmount, String tier, String reason) {
        record(key, version, definitionId, eligible, rewardAmount, tier, reason, true);
    }

    private void record(String key, int version, String definitionId, boolean eligible, BigDecimal rewardAmount, String tier,
                        String reason, boolean atSubmission) {
        this.decidedAtSubmission = atSubmission;
        this.decisionKey = key;
        this.decisionVersion = version;
        this.decisionDefinitionId = definitionId;
        this.eligible = eligible;
        amount(rewardAmount);
        this.rewardTier = tier;
        this.outcomeReason = reason;
        touch(Change.DECISION);
    }

    /** Not eligible for a reason outside any decision table (e.g. measure 3's progress condition). */
    public void recordIneligibility(String reason) {
        this.decidedAtSubmission = false;
        this.eligible = false;
        amount(BigDecimal.ZERO.setScale(2));
        this.rewardTier = "NONE";
        this.outcomeReason = reason;
        touch(Change.DECISION);
    }

    private void amount(BigDecimal amount) {
        if (!Money.sameAmount(rewardAmount, amount)) {
            touch(Change.REWARD_AMOUNT);
        }
        this.rewardAmount = amount;
    }

    public void recordOutcomeReason(String reason) {
        this.outcomeReason = reason;
        touch(Change.OUTCOME_REASON);
    }

    public void recordSettlement(BigDecimal amount) {
        this.settledAmount = amount;
        touch(Change.SETTLEMENT);
    }

    public void recordPayment(String reference, LocalDate date) {
        this.paymentReference = reference;
        this.paymentDate = date;
        touch(Change.PAYMENT);
    }

    private void touch(Change change) {
        this.updatedAt = Instant.now();
        changes.add(change);
    }

    long rowVersion() { return rowVersion; }

    /** What changed since the row was read or written (a live view). */
    Set<Change> changes() { return changes; }

    /** Inserted with row_version 0: what was recorded on it so far is written. */
    void inserted() {
        changes.clear();
    }

    /** Written: row_version + 1 (an update), nothing pending. */
    void updated() {
        rowVersion++;
        changes.clear();
    }

    /** The claim's id: the id of its case. */
    public Long getId() { return caseId; }
    public Long getCaseId() { return caseId; }
    public BigDecimal getClaimedAmount() { return claimedAmount; }
    public Boolean getEligible() { return eligible; }
    public BigDecimal getRewardAmount() { return rewardAmount; }
    public String getRewardTier() { return rewardTier; }
    public String getDecisionKey() { return decisionKey; }
    public Integer getDecisionVersion() { return decisionVersion; }
    public String getDecisionDefinitionId() { return decisionDefinitionId; }
    public String getOutcomeReason() { return outcomeReason; }
    public boolean isDecidedAtSubmission() { return decidedAtSubmission; }
    public Integer getRoundPinnedVersion() { return roundPinnedVersion; }
    public BigDecimal getSettledAmount() { return settledAmount; }
    public String getPaymentReference() { return paymentReference; }
    public LocalDate getPaymentDate() { return paymentDate; }
    public PayeeKind getPayeeKind() { return payeeKind; }
    public Long getPayeeEnterpriseId() { return payeeEnterpriseId; }
    public String getPayeeUnitId() { return payeeUnitId; }
    public Instant getUpdatedAt() { return updatedAt; }
}
