package cn.huiqi.claim;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The reward details of a case of a measure that pays money: what was claimed, decided (by which rule
 * version), settled and paid, and to whom. One per case, sharing its id (case_id = case_record.id): the
 * fund ledger and the settlement lines point at the claim, whichever measure or applicant it belongs to.
 */
@Entity
@Table(name = "reward_claim")
public class RewardClaim {

    /** Who receives the money: the applying enterprise, or a locality (its finance bureau). */
    public enum PayeeKind { ENTERPRISE, LOCALITY }

    @Id
    @Column(name = "case_id")
    private Long caseId;
    @Column(name = "claimed_amount")
    private BigDecimal claimedAmount;
    private Boolean eligible;
    @Column(name = "reward_amount")
    private BigDecimal rewardAmount;
    @Column(name = "reward_tier")
    private String rewardTier;
    @Column(name = "decision_key")
    private String decisionKey;
    @Column(name = "decision_version")
    private Integer decisionVersion;
    @Column(name = "decision_definition_id")
    private String decisionDefinitionId;
    @Column(name = "outcome_reason")
    private String outcomeReason;
    /** What the claim is paid after settlement (the decided reward, possibly scaled down to fit the pool). */
    @Column(name = "settled_amount")
    private BigDecimal settledAmount;
    @Column(name = "payment_reference")
    private String paymentReference;
    @Column(name = "payment_date")
    private LocalDate paymentDate;
    @Enumerated(EnumType.STRING)
    @Column(name = "payee_kind")
    private PayeeKind payeeKind;
    @Column(name = "payee_enterprise_id")
    private Long payeeEnterpriseId;
    @Column(name = "payee_unit_id")
    private String payeeUnitId;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected RewardClaim() {
    }

    RewardClaim(long caseId, BigDecimal claimedAmount, PayeeKind payeeKind, Long payeeEnterpriseId, String payeeUnitId) {
        this.caseId = caseId;
        this.claimedAmount = claimedAmount;
        this.payeeKind = payeeKind;
        this.payeeEnterpriseId = payeeEnterpriseId;
        this.payeeUnitId = payeeUnitId;
        this.updatedAt = Instant.now();
    }

    public void recordDecision(String key, int version, String definitionId, boolean eligible,
                               BigDecimal rewardAmount, String tier, String reason) {
        this.decisionKey = key;
        this.decisionVersion = version;
        this.decisionDefinitionId = definitionId;
        this.eligible = eligible;
        this.rewardAmount = rewardAmount;
        this.rewardTier = tier;
        this.outcomeReason = reason;
        touch();
    }

    /** Not eligible for a reason outside any decision table (e.g. measure 3's progress condition). */
    public void recordIneligibility(String reason) {
        this.eligible = false;
        this.rewardAmount = BigDecimal.ZERO.setScale(2);
        this.rewardTier = "NONE";
        this.outcomeReason = reason;
        touch();
    }

    public void recordOutcomeReason(String reason) {
        this.outcomeReason = reason;
        touch();
    }

    public void recordSettlement(BigDecimal amount) {
        this.settledAmount = amount;
        touch();
    }

    public void recordPayment(String reference, LocalDate date) {
        this.paymentReference = reference;
        this.paymentDate = date;
        touch();
    }

    private void touch() {
        this.updatedAt = Instant.now();
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
    public BigDecimal getSettledAmount() { return settledAmount; }
    public String getPaymentReference() { return paymentReference; }
    public LocalDate getPaymentDate() { return paymentDate; }
    public PayeeKind getPayeeKind() { return payeeKind; }
    public Long getPayeeEnterpriseId() { return payeeEnterpriseId; }
    public String getPayeeUnitId() { return payeeUnitId; }
    public Instant getUpdatedAt() { return updatedAt; }
}
