package cn.huiqi.financing;

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

/** One institution taking up one publication of a demand: its notes and its credit decision. */
@Entity
@Table(name = "financing_take_up")
class TakeUp {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id")
    private Long caseId;
    private String institution;
    private int publication;
    @Column(name = "taken_by")
    private String takenBy;
    @Column(name = "taken_at")
    private Instant takenAt;
    @Column(name = "due_on")
    private LocalDate dueOn;
    @Column(name = "due_at")
    private Instant dueAt;
    @Enumerated(EnumType.STRING)
    private TakeUpStatus status;
    @Column(name = "contact_notes")
    private String contactNotes;
    @Column(name = "diligence_notes")
    private String diligenceNotes;
    @Column(name = "approved_amount")
    private BigDecimal approvedAmount;
    private BigDecimal rate;
    @Column(name = "term_months")
    private Integer termMonths;
    @Column(name = "declined_reason")
    private String declinedReason;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Version
    private long version;

    protected TakeUp() {
    }

    TakeUp(long caseId, String institution, int publication, String takenBy, Instant takenAt, LocalDate dueOn, Instant dueAt) {
        this.caseId = caseId;
        this.institution = institution;
        this.publication = publication;
        this.takenBy = takenBy;
        this.takenAt = takenAt;
        this.dueOn = dueOn;
        this.dueAt = dueAt;
        this.status = TakeUpStatus.ACTIVE;
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
}
