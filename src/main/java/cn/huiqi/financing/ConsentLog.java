package cn.huiqi.financing;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One give (GIVE), change (CHANGE) or revocation (REVOKE) of a consent, with actor and time. */
@Entity
@Table(name = "financing_consent_log")
class ConsentLog {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id")
    private Long caseId;
    private String action;
    private String audience;
    private String fields;
    private String institutions;
    private String actor;
    @Column(name = "occurred_at")
    private Instant occurredAt;

    protected ConsentLog() {
    }

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

    Long getId() { return id; }
    String getAction() { return action; }
    String getAudience() { return audience; }
    String getFields() { return fields; }
    String getInstitutions() { return institutions; }
    String getActor() { return actor; }
    Instant getOccurredAt() { return occurredAt; }
}
