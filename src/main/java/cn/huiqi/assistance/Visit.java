package cn.huiqi.assistance;

import java.time.Instant;
import java.time.LocalDate;

/** A visit to an enterprise (走访记录) by a locality or the lead bureau; each problem it found became a demand. */
class Visit {

    private Long id;
    private final Long enterpriseId;
    private final LocalDate visitedOn;
    private final String visitors;
    private final String recordedByUnit;
    private final String findings;
    private final String recordedBy;
    private final Instant recordedAt;

    Visit(long enterpriseId, LocalDate visitedOn, String visitors, String recordedByUnit, String findings,
          String recordedBy, Instant recordedAt) {
        this.enterpriseId = enterpriseId;
        this.visitedOn = visitedOn;
        this.visitors = visitors;
        this.recordedByUnit = recordedByUnit;
        this.findings = findings;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    /** A row as read. */
    Visit(long id, long enterpriseId, LocalDate visitedOn, String visitors, String recordedByUnit, String findings,
          String recordedBy, Instant recordedAt) {
        this(enterpriseId, visitedOn, visitors, recordedByUnit, findings, recordedBy, recordedAt);
        this.id = id;
    }

    /** The id the database gave the row at insert. */
    void setId(long id) {
        this.id = id;
    }

    Long getId() { return id; }
    Long getEnterpriseId() { return enterpriseId; }
    LocalDate getVisitedOn() { return visitedOn; }
    String getVisitors() { return visitors; }
    String getRecordedByUnit() { return recordedByUnit; }
    String getFindings() { return findings; }
    String getRecordedBy() { return recordedBy; }
    Instant getRecordedAt() { return recordedAt; }
}
