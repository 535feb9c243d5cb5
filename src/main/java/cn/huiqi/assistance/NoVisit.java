package cn.huiqi.assistance;

import java.time.Instant;

/**
 * An enterprise that asked not to be visited without cause (无事不扰), since when and by whom; the row exists while the
 * switch is on. Visit plans skip it and say so; its demands are handled as any other.
 */
class NoVisit {

    private final Long enterpriseId;
    private final Instant since;
    private final String recordedBy;

    NoVisit(long enterpriseId, Instant since, String recordedBy) {
        this.enterpriseId = enterpriseId;
        this.since = since;
        this.recordedBy = recordedBy;
    }

    Long getEnterpriseId() { return enterpriseId; }
    Instant getSince() { return since; }
    String getRecordedBy() { return recordedBy; }
}
