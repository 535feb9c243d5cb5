package cn.huiqi.casefile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import cn.huiqi.catalogue.ApplicantKind;

/**
 * One application under one measure, by one applicant: the case core every measure shares. The record, not
 * the process variables, is the source of truth for who applied and where the case stands. What a measure
 * decides and pays lives in its own table(s) keyed by the case id (rewards: {@code claim.RewardClaim}).
 *
 * <p>Table {@code case_record}, read and written by {@link CaseRecordRepository}: a mutator changes the object only;
 * the caller saves it ({@link CaseRecordRepository#save}), which writes the columns changed since it was read.
 */
public class CaseRecord {

    /** What a mutator changed since the row was read or last written: the columns {@link CaseRecordRepository#save} writes. */
    enum Change { CASE_NUMBER, PROCESS_INSTANCE_ID, STATUS, RESPONSIBLE_UNITS, FLAG, SUBJECT_KEY, APPLICATION_JSON, ROUND_ID, REWARD_AMOUNT }

    private Long id;
    private String caseNumber;
    private String measure;
    private ApplicantKind applicantKind;
    /** The applying enterprise (ENTERPRISE), or the owner of the project (PROJECT_OWNER); null for a locality. */
    private Long enterpriseId;
    private Long projectId;
    /** The applying locality unit (LOCALITY). */
    private String applicantUnitId;
    /** {@link Applicant#key()}: the unique keys (measure, applicant, subject) and (applicant, idempotency key) use it. */
    private String applicantKey;
    /** The locality that verifies the case and sees it. */
    private String localityUnitId;
    /**
     * What one application is about; one case per (measure, applicant, subject), a database unique key.
     * Measure 1: {@code ENTERPRISE} — the enterprise applies once for the measure as a whole. A withdrawal
     * frees the subject by renaming the key to {@code WITHDRAWN:<case number>} ({@link #releaseSubject}).
     */
    private String subjectKey;
    private String idempotencyKey;
    private String processInstanceId;
    /** A {@link CaseStatus} name of the measure's {@link CaseLifecycle}; moved only through {@link CaseLifecycles}. */
    private String status;
    private String applicationJson;
    /** The city units that review this case (DMN responsible-units), comma-separated group ids. */
    private String reviewUnits;
    /** DMN responsible-units: the unit that leads the measure and the unit that pays it. */
    private String leadUnit;
    private String financeUnit;
    private String submittedBy;
    private Instant submittedAt;
    private Instant updatedAt;
    /** The application round the case was submitted in (cn.huiqi.round); null for a measure without rounds or an old row. */
    private Long roundId;
    /** Why the lead bureau must decide on this case before it goes on (e.g. several measure 1 cases of one enterprise); null when none. */
    private String flag;
    private long rowVersion;
    /** A copy of the reward claim's amount, the case list's sort key (V60): written only, never read by the entity. */
    private BigDecimal rewardAmount;

    private final Set<Change> changes = EnumSet.noneOf(Change.class);
    /**
     * The review units as the table case_review_unit holds them (V23, one row each: the list query's visibility for a
     * city bureau reads its index, {@link CaseList}), while {@link #reviewUnits} has changed and is not yet written;
     * null otherwise. Written only with {@link #reviewUnits}, never read by the entity.
     */
    private Set<String> reviewUnitRowsWritten;

    /** A row of case_record, as {@link CaseRecordRepository} reads it. */
    CaseRecord(Long id, String caseNumber, String measure, ApplicantKind applicantKind, Long enterpriseId, Long projectId,
               String applicantUnitId, String applicantKey, String localityUnitId, String subjectKey, String idempotencyKey,
               String processInstanceId, String status, String applicationJson, String reviewUnits, String leadUnit,
               String financeUnit, String submittedBy, Instant submittedAt, Instant updatedAt, Long roundId, String flag,
               long rowVersion) {
        this.id = id;
        this.caseNumber = caseNumber;
        this.measure = measure;
        this.applicantKind = applicantKind;
        this.enterpriseId = enterpriseId;
        this.projectId = projectId;
        this.applicantUnitId = applicantUnitId;
        this.applicantKey = applicantKey;
        this.localityUnitId = localityUnitId;
        this.subjectKey = subjectKey;
        this.idempotencyKey = idempotencyKey;
        this.processInstanceId = processInstanceId;
        this.status = status;
        this.applicationJson = applicationJson;
        this.reviewUnits = reviewUnits;
        this.leadUnit = leadUnit;
        this.financeUnit = financeUnit;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
        this.updatedAt = updatedAt;
        this.roundId = roundId;
        this.flag = flag;
        this.rowVersion = rowVersion;
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
        changes.add(Change.CASE_NUMBER);
    }

    /** The measure a case number ({@link #assignNumber}) names, e.g. "M1"; empty if the text is no case number. */
    public static java.util.Optional<String> measureOf(String caseNumber) {
        int end = caseNumber == null ? -1 : caseNumber.indexOf('-');
        return end <= 0 ? java.util.Optional.empty() : java.util.Optional.of(caseNumber.substring(0, end));
    }

    public void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
        changes.add(Change.PROCESS_INSTANCE_ID);
    }

    /** Only through {@link CaseLifecycles#moveTo}, which refuses a status the measure does not have. */
    void moveTo(CaseStatus newStatus) {
        this.status = newStatus.name();
        this.updatedAt = Instant.now();
        changes.add(Change.STATUS);
    }

    /** Whether the case is in this status (statuses are compared by name, within the case's lifecycle). */
    public boolean is(CaseStatus candidate) {
        return candidate.name().equals(status);
    }

    /** The units DMN responsible-units names for this case; the review chain routes on these only. */
    public void assignResponsibleUnits(java.util.List<String> reviewUnitIds, String leadUnitId, String financeUnitId) {
        if (reviewUnitRowsWritten == null) {
            reviewUnitRowsWritten = Set.copyOf(getReviewUnits());
        }
        this.reviewUnits = String.join(",", reviewUnitIds);
        this.leadUnit = leadUnitId;
        this.financeUnit = financeUnitId;
        this.updatedAt = Instant.now();
        changes.add(Change.RESPONSIBLE_UNITS);
    }

    public java.util.List<String> getReviewUnits() {
        return reviewUnits == null || reviewUnits.isEmpty() ? java.util.List.of() : java.util.List.of(reviewUnits.split(","));
    }

    public void flag(String reason) {
        this.flag = reason;
        this.updatedAt = Instant.now();
        changes.add(Change.FLAG);
    }

    /** The lead bureau has decided on the flagged case (recorded on the timeline by the caller). */
    public void clearFlag() {
        this.flag = null;
        this.updatedAt = Instant.now();
        changes.add(Change.FLAG);
    }

    /** The applicant withdrew the case: its subject is free for a new application (the row keeps its history). */
    public void releaseSubject() {
        this.subjectKey = "WITHDRAWN:" + caseNumber;
        this.updatedAt = Instant.now();
        changes.add(Change.SUBJECT_KEY);
    }

    public void replaceApplication(String applicationJson) {
        this.applicationJson = applicationJson;
        this.updatedAt = Instant.now();
        changes.add(Change.APPLICATION_JSON);
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
        changes.add(Change.ROUND_ID);
    }

    // --- for CaseRecordRepository ----------------------------------------------------------------

    long rowVersion() { return rowVersion; }

    String applicantKey() { return applicantKey; }

    /** The claim's amount, to be written as the list's sort key with the case's other changes (REWARD_AMOUNT). */
    void copyRewardAmount(BigDecimal amount) {
        this.rewardAmount = amount;
        changes.add(Change.REWARD_AMOUNT);
    }

    BigDecimal rewardAmountColumn() { return rewardAmount; }

    /** review_units as stored: null until assigned. */
    String reviewUnitsColumn() { return reviewUnits; }

    /** What changed since the row was read or written (a live view: {@link #written} empties it). */
    Set<Change> changes() { return changes; }

    /** The review units case_review_unit holds while {@link #reviewUnits} has changed unwritten; null when none changed. */
    Set<String> reviewUnitRowsWritten() { return reviewUnitRowsWritten; }

    /** Inserted as {@code id} with row_version 0. */
    void inserted(long newId) {
        this.id = newId;
        this.rowVersion = 0;
        written();
    }

    /** Updated: row_version + 1. */
    void updated() {
        this.rowVersion++;
        written();
    }

    private void written() {
        changes.clear();
        reviewUnitRowsWritten = null;
    }
}
