package cn.huiqi.financing;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/** The enterprise's consent to share a demand, as it stands now (its history: {@code financing_consent_log}). */
@Entity
@Table(name = "financing_consent")
class Consent {

    @Id
    @Column(name = "case_id")
    private Long caseId;
    @Enumerated(EnumType.STRING)
    private Audience audience;
    /** Comma-separated {@link SharedField} names. */
    private String fields;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "financing_consent_institution", joinColumns = @JoinColumn(name = "case_id"))
    @Column(name = "institution")
    private Set<String> institutions = new LinkedHashSet<>();
    @Column(name = "given_by")
    private String givenBy;
    @Column(name = "given_at")
    private Instant givenAt;
    @Column(name = "revoked_by")
    private String revokedBy;
    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected Consent() {
    }

    Consent(long caseId) {
        this.caseId = caseId;
    }

    void give(Audience audience, Set<SharedField> fields, Set<String> institutions, String actor, Instant at) {
        this.audience = audience;
        this.fields = fields.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.institutions.clear();
        if (audience == Audience.CHOSEN) {
            this.institutions.addAll(institutions);
        }
        this.givenBy = actor;
        this.givenAt = at;
        this.revokedBy = null;
        this.revokedAt = null;
    }

    void revoke(String actor, Instant at) {
        this.revokedBy = actor;
        this.revokedAt = at;
    }

    boolean revoked() { return revokedAt != null; }

    /** Whether this consent, unrevoked, shares the demand with the institution. */
    boolean sharesWith(String institution) {
        return !revoked() && (audience == Audience.ALL || institutions.contains(institution));
    }

    Set<SharedField> fields() {
        Set<SharedField> set = EnumSet.noneOf(SharedField.class);
        if (fields != null && !fields.isBlank()) {
            Arrays.stream(fields.split(",")).map(SharedField::valueOf).forEach(set::add);
        }
        return set;
    }

    Long getCaseId() { return caseId; }
    Audience getAudience() { return audience; }
    String getFields() { return fields; }
    Set<String> getInstitutions() { return institutions; }
    String getGivenBy() { return givenBy; }
    Instant getGivenAt() { return givenAt; }
    String getRevokedBy() { return revokedBy; }
    Instant getRevokedAt() { return revokedAt; }
}
