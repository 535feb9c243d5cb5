package cn.huiqi.financing;

import java.time.Instant;

/** One read of a demand by an institution's user: which institution, who, what, when. The enterprise reads these ({@link ReadLogRepository}). */
class ReadLog {

    private Long id;
    private final Long caseId;
    private final String institution;
    private final String userId;
    private final String what;
    private final Instant readAt;

    ReadLog(long caseId, String institution, String userId, String what, Instant readAt) {
        this(null, caseId, institution, userId, what, readAt);
    }

    /** A read as stored ({@link ReadLogRepository}). */
    ReadLog(Long id, long caseId, String institution, String userId, String what, Instant readAt) {
        this.id = id;
        this.caseId = caseId;
        this.institution = institution;
        this.userId = userId;
        this.what = what;
        this.readAt = readAt;
    }

    Long getId() { return id; }
    Long getCaseId() { return caseId; }
    String getInstitution() { return institution; }
    String getUserId() { return userId; }
    String getWhat() { return what; }
    Instant getReadAt() { return readAt; }

    /** The id the database gave the inserted row. */
    void inserted(long id) { this.id = id; }
}
