package cn.huiqi.casefile;

import java.time.Instant;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import cn.huiqi.catalogue.ApplicantKind;

/**
 * One application under one measure, by one applicant: the case core every measure shares. The record, not
 * the process variables, is the source of truth for who applied and where the case stands. What a measure
 * decides and pays lives in its own table(s) keyed by the case id (rewards: {@code claim.RewardClaim}).
 */
@Entity
@Table(name = "case_record")
public class CaseRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_number")
    private String caseNumber;
    private String measure;
    @Enumerated(EnumType.STRING)
    @Column(name = "applicant_kind")
    private ApplicantKind applicantKind;
    /** The applying enterprise (ENTERPRISE), or the owner of the project (PROJECT_OWNER); null for a locality. */
    @Column(name = "enterprise_id")
    private Long enterpriseId;
    @Column(name = "project_id")
    private Long projectId;
    /** The applying locality unit (LOCALITY). */
    @Column(name = "applicant_unit_id")
    private String applicantUnitId;
    /** {@link Applicant#key()}: the unique keys (measure, applicant, subject) and (applicant, idempotency key) use it. */
    @Column(name = "applicant_key")
    private String applicantKey;
    /** The locality that verifies the case and sees it. */
    @Column(name = "locality_unit_id")
    private String localityUnitId;
    /**
     * What one application is about; one case per (measure, applicant, subject), a database unique key.
     * Measure 1: {@code ENTERPRISE} — the enterprise applies once for the measure as a whole. A withdrawal
     * frees the subject by renaming the key to {@code WITHDRAWN:<case number>} ({@link #releaseSubject}).
     */
    @Column(name = "subject_key")
    private String subjectKey;
    @Column(name = "idempotency_key")
    private String idempotencyKey;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    /** A {@link CaseStatus} name of the measure's {@link CaseLifecycle}; moved only through {@link CaseLifecycles}. */
    private String status;
    @Column(name = "application_json")
    private String applicationJson;
    /** The city units that review this case (DMN responsible-units), comma-separated group ids. */
    @Column(name = "review_units")
    private String reviewUnits;
    /**
     * The same units, one row each (V23 case_review_unit): the list query's visibility for a city bureau reads this
     * table's index ({@link CaseList}); written only with {@link #reviewUnits}, never read by the entity.
     */
    @ElementCollection
    @CollectionTable(name = "case_review_unit", joinColumns = @JoinColumn(name = "case_id"))
    @Column(name = "unit_id")
    private java.util.Set<String> reviewUnitRows = new java.util.HashSet<>();
    /** DMN responsible-units: the unit that leads the measure and the unit that pays it. */
    @Column(name = "lead_unit")
    private String leadUnit;
    @Column(name = "finance_unit")
    private String financeUnit;
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

    protected CaseRecord() {
    }

    public CaseRecord(String measure, Applicant applicant, String localityUnitId, String subjectKey,
                      String idempotencyKey, String applicationJson, String submittedBy, CaseStatus initial) {
        this.measure = measure;
        this.applicantKind = applicant.kind();
        this.enterpriseId = applicant.enterpriseId();
        this.projectId = applicant.projectId();
        this.applicantUnitId = applicant.unitId();
        this.applicantKey = applicant.key();
        this.localityUnitId = localityUnitId;
        this.subjectKey = subjectKey;
        this.idempotencyKey = idempotencyKey;
        this.applicationJson = applicationJson;
        this.submittedBy = submittedBy;
        this.status = initial.name();
        this.submittedAt = Instant.now();
        this.updatedAt = submittedAt;
    }

    /** Readable number such as M1-2023-000123: measure, policy year, database id. */
    public void assignNumber(int policyYear) {
        this.caseNumber = String.format("%s-%d-%06d", measure, policyYear, id);
    }

    /** The measure a case number ({@link #assignNumber}) names, e.g. "M1"; empty if the text is no case number. */
    public static java.util.Optional<String> measureOf(String caseNumber) {
        int end = caseNumber == null ? -1 : caseNumber.indexOf('-');
        return end <= 0 ? java.util.Optional.empty() : java.util.Optional.of(caseNumber.substring(0, end));
    }

    public void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** Only through {@link CaseLifecycles#moveTo}, which refuses a status the measure does not have. */
    void moveTo(CaseStatus newStatus) {
        this.status = newStatus.name();
        this.updatedAt = Instant.now();
    }

    /** Whether the case is in this status (statuses are compared by name, within the case's lifecycle). */
    public boolean is(CaseStatus candidate) {
        return candidate.name().equals(status);
    }

    /** The units DMN responsible-units names for this case; the review chain routes on these only. */
    public void assignResponsibleUnits(java.util.List<String> reviewUnitIds, String leadUnitId, String financeUnitId) {
        this.reviewUnits = String.join(",", reviewUnitIds);
        if (!reviewUnitRows.equals(java.util.Set.copyOf(reviewUnitIds))) {
            reviewUnitRows.clear();
            reviewUnitRows.addAll(reviewUnitIds);
        }
        this.leadUnit = leadUnitId;
        this.financeUnit = financeUnitId;
        this.updatedAt = Instant.now();
    }

    public java.util.List<String> getReviewUnits() {
        return reviewUnits == null || reviewUnits.isEmpty() ? java.util.List.of() : java.util.List.of(reviewUnits.split(","));
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

    /** The applicant withdrew the case: its subject is free for a new application (the row keeps its history). */
    public void releaseSubject() {
        this.subjectKey = "WITHDRAWN:" + caseNumber;
        this.updatedAt = Instant.now();
    }

    public void replaceApplication(String applicationJson) {
        this.applicationJson = applicationJson;
        this.updatedAt = Instant.now();
    }

    public Applicant getApplicant() {
        return new Applicant(applicantKind, enterpriseId, projectId, applicantUnitId);
    }

    public Long getId() { return id; }
    public String getCaseNumber() { return caseNumber; }
    public String getMeasure() { return measure; }
    public ApplicantKind getApplicantKind() { return applicantKind; }
    public Long getEnterpriseId() { return enterpriseId; }
    public Long getProjectId() { return projectId; }
    public String getApplicantUnitId() { return applicantUnitId; }
    public String getLocalityUnitId() { return localityUnitId; }
    public String getSubjectKey() { return subjectKey; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public String getProcessInstanceId() { return processInstanceId; }
    /** The status name; {@link CaseLifecycles#statusOf} gives it with its labels. */
    public String getStatus() { return status; }
    public String getApplicationJson() { return applicationJson; }
    public String getLeadUnit() { return leadUnit; }
    public String getFinanceUnit() { return financeUnit; }
    public String getSubmittedBy() { return submittedBy; }
    public Instant getSubmittedAt() { return submittedAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getFlag() { return flag; }
    public Long getRoundId() { return roundId; }

    public void setRoundId(Long roundId) {
        this.roundId = roundId;
    }
}
