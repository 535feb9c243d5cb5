package cn.huiqi.assistance;

import java.time.Instant;

/**
 * A unit a demand was assigned to, from then until it ended (transferred away, closed …): a unit sees the demands
 * assigned to it now or before, and the figures count by it. Ended by {@link AssignmentRepository#endOpen}.
 */
class Assignment {

    private Long id;
    private final Long caseId;
    private final String unitId;
    private final Instant assignedAt;
    private Instant endedAt;
    private String endReason;

    Assignment(long caseId, String unitId, Instant assignedAt) {
        this.caseId = caseId;
        this.unitId = unitId;
        this.assignedAt = assignedAt;
    }

    /** A row as read. */
    Assignment(long id, long caseId, String unitId, Instant assignedAt, Instant endedAt, String endReason) {
        this(caseId, unitId, assignedAt);
        this.id = id;
        this.endedAt = endedAt;
        this.endReason = endReason;
    }

    /** The id the database gave the row at insert. */
    void setId(long id) {
        this.id = id;
    }

    Long getId() { return id; }
    Long getCaseId() { return caseId; }
    String getUnitId() { return unitId; }
    Instant getAssignedAt() { return assignedAt; }
    Instant getEndedAt() { return endedAt; }
    String getEndReason() { return endReason; }
    boolean isCurrent() { return endedAt == null; }
}
