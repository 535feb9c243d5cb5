package cn.huiqi.financing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One institution taking up one publication of a demand: its notes and its credit decision. Table financing_take_up
 * ({@link TakeUpRepository}): a change is written by {@code update}.
 */
class TakeUp {

    private Long id;
    private final Long caseId;
    private final String institution;
    private final int publication;
    private final String takenBy;
    private final Instant takenAt;
    private final LocalDate dueOn;
    private final Instant dueAt;
    private TakeUpStatus status;
    private String contactNotes;
    private String diligenceNotes;
    private BigDecimal approvedAmount;
    private BigDecimal rate;
    private Integer termMonths;
    private String declinedReason;
    private String decidedBy;
    private Instant decidedAt;
    private Instant endedAt;
    private long version;

    TakeUp(long caseId, String institution, int publication, String takenBy, Instant takenAt, LocalDate dueOn, Instant dueAt) {
        this(null, caseId, institution, publication, takenBy, takenAt, dueOn, dueAt, TakeUpStatus.ACTIVE, null, null, null, null, null,
                null, null, null, null, 0);
    }

    /** A take-up as stored, every column ({@link TakeUpRepository}). */
    TakeUp(Long id, long caseId, String institution, int publication, String takenBy, Instant takenAt, LocalDate dueOn, Instant dueAt,
           TakeUpStatus status, String contactNotes, String diligenceNotes, BigDecimal approvedAmount, BigDecimal rate, Integer termMonths,
           String declinedReason, String decidedBy, Instant decidedAt, Instant endedAt, long version) {
        this.id = id;
        this.caseId = caseId;
        this.institution = institution;
        this.publication = publication;
        this.takenBy = takenBy;
        this.takenAt = takenAt;
        this.dueOn = dueOn;
        this.dueAt = dueAt;
        this.status = status;
        this.contactNotes = contactNotes;
        this.diligenceNotes = diligenceNotes;
        this.approvedAmount = approvedAmount;
        this.rate = rate;
        this.termMonths = termMonths;
        this.declinedReason = declinedReason;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.endedAt = endedAt;
        this.version = version;
    }

    void offer(BigDecimal amount, BigDecimal rate, int termMonths, String by, Instant at) {
        this.approvedAmount = amount;
        this.rate = rate;
        this.termMonths = termMonths;
        this.status = TakeUpStatus.OFFERED;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    void decline(String reason, String by, Instant at) {
        this.declinedReason = reason;
        this.status = TakeUpStatus.DECLINED;
        this.decidedBy = by;
        this.decidedAt = at;
        this.endedAt = at;
    }

    void end(TakeUpStatus status, Instant at) {
        this.status = status;
        this.endedAt = at;
    }

    Long getId() { return id; }
    Long getCaseId() { return caseId; }
    String getInstitution() { return institution; }
    int getPublication() { return publication; }
    String getTakenBy() { return takenBy; }
    Instant getTakenAt() { return takenAt; }
    LocalDate getDueOn() { return dueOn; }
    Instant getDueAt() { return dueAt; }
    TakeUpStatus getStatus() { return status; }
    void setStatus(TakeUpStatus status) { this.status = status; }
    String getContactNotes() { return contactNotes; }
    void setContactNotes(String contactNotes) { this.contactNotes = contactNotes; }
    String getDiligenceNotes() { return diligenceNotes; }
    void setDiligenceNotes(String diligenceNotes) { this.diligenceNotes = diligenceNotes; }
    BigDecimal getApprovedAmount() { return approvedAmount; }
    BigDecimal getRate() { return rate; }
    Integer getTermMonths() { return termMonths; }
    String getDeclinedReason() { return declinedReason; }
    String getDecidedBy() { return decidedBy; }
    Instant getDecidedAt() { return decidedAt; }
    Instant getEndedAt() { return endedAt; }
    long getVersion() { return version; }

    /** The id the database gave the inserted row. */
    void inserted(long id) { this.id = id; }

    /** The row took this object's changes: its version moved on by one. */
    void versionWritten() { this.version++; }
}
