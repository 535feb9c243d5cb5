package cn.huiqi.assistance;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A unit a demand was assigned to, from then until it ended (transferred away, closed …): a unit sees the demands
 * assigned to it now or before, and the figures count by it.
 */
@Entity
@Table(name = "assistance_assignment")
class Assignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id")
    private Long caseId;
    @Column(name = "unit_id")
    private String unitId;
    @Column(name = "assigned_at")
    private Instant assignedAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Column(name = "end_reason")
    private String endReason;

    protected Assignment() {
    }

    Assignment(long caseId, String unitId, Instant assignedAt) {
        this.caseId = caseId;
        this.unitId = unitId;
        this.assignedAt = assignedAt;
    }

    void end(Instant at, String reason) {
        this.endedAt = at;
        this.endReason = reason;
    }

    Long getId() { return id; }
    Long getCaseId() { return caseId; }
    String getUnitId() { return unitId; }
    Instant getAssignedAt() { return assignedAt; }
    Instant getEndedAt() { return endedAt; }
    String getEndReason() { return endReason; }
    boolean isCurrent() { return endedAt == null; }
}
