package cn.huiqi.financing;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The enterprise's consent to share a demand, as it stands now (its history: {@code financing_consent_log}). Tables
 * financing_consent and, for the chosen institutions, financing_consent_institution ({@link ConsentRepository}).
 */
class Consent {

    private final Long caseId;
    private Audience audience;
    /** Comma-separated {@link SharedField} names. */
    private String fields;
    private final Set<String> institutions = new LinkedHashSet<>();
    private String givenBy;
    private Instant givenAt;
    private String revokedBy;
    private Instant revokedAt;

    Consent(long caseId) {
        this.caseId = caseId;
    }

    /** A consent as stored, every column and its chosen institutions ({@link ConsentRepository}). */
    Consent(long caseId, Audience audience, String fields, Set<String> institutions, String givenBy, Instant givenAt, String revokedBy,
            Instant revokedAt) {
        this.caseId = caseId;
        this.audience = audience;
        this.fields = fields;
        this.institutions.addAll(institutions);
        this.givenBy = givenBy;
        this.givenAt = givenAt;
        this.revokedBy = revokedBy;
        this.revokedAt = revokedAt;
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
