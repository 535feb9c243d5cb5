package cn.huiqi.assistance;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A visit to an enterprise (走访记录) by a locality or the lead bureau; each problem it found became a demand. */
@Entity
@Table(name = "assistance_visit")
class Visit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "enterprise_id")
    private Long enterpriseId;
    @Column(name = "visited_on")
    private LocalDate visitedOn;
    private String visitors;
    @Column(name = "recorded_by_unit")
    private String recordedByUnit;
    private String findings;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected Visit() {
    }

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

    Long getId() { return id; }
    Long getEnterpriseId() { return enterpriseId; }
    LocalDate getVisitedOn() { return visitedOn; }
    String getVisitors() { return visitors; }
    String getRecordedByUnit() { return recordedByUnit; }
    String getFindings() { return findings; }
    String getRecordedBy() { return recordedBy; }
    Instant getRecordedAt() { return recordedAt; }
}
