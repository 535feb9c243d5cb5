package cn.huiqi.financing;

import java.time.Instant;

/** One give (GIVE), change (CHANGE) or revocation (REVOKE) of a consent, with actor and time ({@link ConsentLogRepository}). */
class ConsentLog {

    private Long id;
    private final Long caseId;
    private final String action;
    private String audience;
    private String fields;
    private String institutions;
    private final String actor;
    private final Instant occurredAt;

    ConsentLog(long caseId, String action, Consent consent, String actor, Instant at) {
        this.caseId = caseId;
        this.action = action;
        if (!"REVOKE".equals(action)) {
            this.audience = consent.getAudience().name();
            this.fields = consent.getFields();
            this.institutions = String.join(",", consent.getInstitutions());
        }
        this.actor = actor;
        this.occurredAt = at;
    }

    /** A log line as stored ({@link ConsentLogRepository}). */
    ConsentLog(long id, long caseId, String action, String audience, String fields, String institutions, String actor, Instant occurredAt) {
        this.id = id;
        this.caseId = caseId;
        this.action = action;
        this.audience = audience;
        this.fields = fields;
        this.institutions = institutions;
        this.actor = actor;
        this.occurredAt = occurredAt;
    }

    Long getId() { return id; }
    Long getCaseId() { return caseId; }
    String getAction() { return action; }
    String getAudience() { return audience; }
    String getFields() { return fields; }
    String getInstitutions() { return institutions; }
    String getActor() { return actor; }
    Instant getOccurredAt() { return occurredAt; }

    /** The id the database gave the inserted row. */
    void inserted(long id) { this.id = id; }
}
