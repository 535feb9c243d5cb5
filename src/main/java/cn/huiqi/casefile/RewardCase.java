package cn.huiqi.casefile;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One application for one measure's reward. The case record, not the process variables, is the
 * source of truth for who applied, what was decided and what was paid.
 */
@Entity
@Table(name = "reward_case")
public class RewardCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_number")
    private String caseNumber;
    private String measure;
    @Column(name = "enterprise_id")
    private Long enterpriseId;
    @Column(name = "locality_unit_id")
    private String localityUnitId;
    /**
     * What one application is about; one case per (measure, enterprise, subject), a database unique key.
     * Measure 1: {@code ENTERPRISE} — the enterprise applies once for the measure as a whole. A future
     * withdrawal before verification frees the enterprise by renaming the key (e.g. {@code WITHDRAWN:<case number>}).
     */
    @Column(name = "subject_key")
    private String subjectKey;
    @Column(name = "idempotency_key")
    private String idempotencyKey;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Enumerated(EnumType.STRING)
    private CaseStatus status;
    @Column(name = "application_json")
    private String applicationJson;
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
    /** The city units that review this case (DMN responsible-units), comma-separated group ids. */
    @Column(name = "review_units")
    private String reviewUnits;
    /** DMN responsible-units: the unit that leads the measure and the unit that pays it. */
    @Column(name = "lead_unit")
    private String leadUnit;
    @Column(name = "finance_unit")
    private String financeUnit;
    @Column(name = "outcome_reason")
    private String outcomeReason;
    /** What the case is paid after settlement (the decided reward, possibly scaled down to fit the pool). */
    @Column(name = "settled_amount")
    private BigDecimal settledAmount;
    @Column(name = "payment_reference")
    private String paymentReference;
    @Column(name = "payment_date")
    private LocalDate paymentDate;
    @Column(name = "submitted_by")
    private String submittedBy;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    /** The application round the case was submitted in (cn.huiqi.round); null for a measure without rounds or an old row. */
    @Column(name = "round_id")
    private Long roundId;
    /** Why the lead bureau must decide on this case before it goes on (e.g. several measure 1 cases of one enterprise); null when none. */
    private String flag;
    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected RewardCase() {
    }

    public RewardCase(String measure, Long enterpriseId, String localityUnitId, String subjectKey,
                      String idempotencyKey, String applicationJson, BigDecimal claimedAmount, String submittedBy) {
        this.measure = measure;
        this.enterpriseId = enterpriseId;
        this.localityUnitId = localityUnitId;
        this.subjectKey = subjectKey;
        this.idempotencyKey = idempotencyKey;
        this.applicationJson = applicationJson;
        this.claimedAmount = claimedAmount;
        this.submittedBy = submittedBy;
        this.status = CaseStatus.SUBMITTED;
        this.submittedAt = Instant.now();
        this.updatedAt = submittedAt;
    }

    /** Readable number such as M1-2023-000123: measure, policy year, database id. */
    public void assignNumber(int policyYear) {
        this.caseNumber = String.format("%s-%d-%06d", measure, policyYear, id);
    }

    public void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public void moveTo(CaseStatus newStatus) {
        this.status = newStatus;
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
        this.updatedAt = Instant.now();
    }

    /** The units DMN responsible-units names for this case; the review chain routes on these only. */
    public void assignResponsibleUnits(java.util.List<String> reviewUnitIds, String leadUnitId, String financeUnitId) {
        this.reviewUnits = String.join(",", reviewUnitIds);
        this.leadUnit = leadUnitId;
        this.financeUnit = financeUnitId;
        this.updatedAt = Instant.now();
    }

    public java.util.List<String> getReviewUnits() {
        return reviewUnits == null || reviewUnits.isEmpty() ? java.util.List.of() : java.util.List.of(reviewUnits.split(","));
    }

    /** Not eligible for a reason outside any decision table (e.g. measure 3's progress condition). */
    public void recordIneligibility(String reason) {
        this.eligible = false;
        this.rewardAmount = BigDecimal.ZERO.setScale(2);
        this.rewardTier = "NONE";
        this.outcomeReason = reason;
        this.updatedAt = Instant.now();
    }

    public void recordOutcomeReason(String reason) {
        this.outcomeReason = reason;
        this.updatedAt = Instant.now();
    }

    public void recordSettlement(BigDecimal amount) {
        this.settledAmount = amount;
        this.updatedAt = Instant.now();
    }

    public void recordPayment(String reference, LocalDate date) {
        this.paymentReference = reference;
        this.paymentDate = date;
        this.updatedAt = Instant.now();
    }

    public void flag(String reason) {
        this.flag = reason;
        this.updatedAt = Instant.now();
    }

    /** The lead bureau has decided on the flagged case (recorded on the timeline by the caller). */
    public void clearFlag() {
        this.flag = null;
        this.updatedAt = Instant.now();
    }

    public void replaceApplication(String applicationJson) {
        this.applicationJson = applicationJson;
        this.updatedAt = Instant.now();
    }

    public Long getId() { return id; }
    public String getCaseNumber() { return caseNumber; }
    public String getMeasure() { return measure; }
    public Long getEnterpriseId() { return enterpriseId; }
    public String getLocalityUnitId() { return localityUnitId; }
    public String getSubjectKey() { return subjectKey; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public String getProcessInstanceId() { return processInstanceId; }
    public CaseStatus getStatus() { return status; }
    public String getApplicationJson() { return applicationJson; }
    public BigDecimal getClaimedAmount() { return claimedAmount; }
    public Boolean getEligible() { return eligible; }
    public BigDecimal getRewardAmount() { return rewardAmount; }
    public String getRewardTier() { return rewardTier; }
    public String getDecisionKey() { return decisionKey; }
    public Integer getDecisionVersion() { return decisionVersion; }
    public String getDecisionDefinitionId() { return decisionDefinitionId; }
    public String getLeadUnit() { return leadUnit; }
    public String getFinanceUnit() { return financeUnit; }
    public String getOutcomeReason() { return outcomeReason; }
    public BigDecimal getSettledAmount() { return settledAmount; }
    public String getPaymentReference() { return paymentReference; }
    public LocalDate getPaymentDate() { return paymentDate; }
    public String getSubmittedBy() { return submittedBy; }
    public Instant getSubmittedAt() { return submittedAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getFlag() { return flag; }
    public Long getRoundId() { return roundId; }

    public void setRoundId(Long roundId) {
        this.roundId = roundId;
    }
}
