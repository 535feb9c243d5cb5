package cn.huiqi.assistance;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An enterprise that asked not to be visited without cause (无事不扰), since when and by whom; the row exists while the
 * switch is on. Visit plans skip it and say so; its demands are handled as any other.
 */
@Entity
@Table(name = "assistance_no_visit")
class NoVisit {

    @Id
    @Column(name = "enterprise_id")
    private Long enterpriseId;
    private Instant since;
    @Column(name = "recorded_by")
    private String recordedBy;

    protected NoVisit() {
    }

    NoVisit(long enterpriseId, Instant since, String recordedBy) {
        this.enterpriseId = enterpriseId;
        this.since = since;
        this.recordedBy = recordedBy;
    }

    Long getEnterpriseId() { return enterpriseId; }
    Instant getSince() { return since; }
    String getRecordedBy() { return recordedBy; }
}
