package cn.huiqi.enterprise;

import java.time.Instant;
import java.time.LocalDate;

/**
 * 经办人授权: the enterprise's own account lets another enterprise login act for it, recorded with who
 * granted it, when, its scope and an optional last day. A revocation is recorded on the row (never deleted).
 * Table enterprise_agent (V8).
 */
class AgentAuthorisation {

    /** Apply and provide supplements, for every measure (the only scope so far). */
    public static final String APPLY_AND_SUPPLEMENT = "APPLY_AND_SUPPLEMENT";

    private Long id;
    private Long enterpriseId;
    private String userId;
    private String scope;
    private String grantedBy;
    private Instant grantedAt;
    /** The last day on which the authorisation holds (China time), or null for no end. */
    private LocalDate validUntil;
    private String revokedBy;
    private Instant revokedAt;

    private AgentAuthorisation() {
    }

    /** A stored row. */
    static AgentAuthorisation of(long id, Long enterpriseId, String userId, String scope, String grantedBy, Instant grantedAt,
                                 LocalDate validUntil, String revokedBy, Instant revokedAt) {
        AgentAuthorisation row = new AgentAuthorisation();
        row.id = id;
        row.enterpriseId = enterpriseId;
        row.userId = userId;
        row.scope = scope;
        row.grantedBy = grantedBy;
        row.grantedAt = grantedAt;
        row.validUntil = validUntil;
        row.revokedBy = revokedBy;
        row.revokedAt = revokedAt;
        return row;
    }

    AgentAuthorisation(Long enterpriseId, String userId, String grantedBy, LocalDate validUntil) {
        this.enterpriseId = enterpriseId;
        this.userId = userId;
        this.scope = APPLY_AND_SUPPLEMENT;
        this.grantedBy = grantedBy;
        this.grantedAt = Instant.now();
        this.validUntil = validUntil;
    }

    public boolean isInForceOn(LocalDate day) {
        return revokedAt == null && (validUntil == null || !day.isAfter(validUntil));
    }

    void stored(long id) {
        this.id = id;
    }

    /** In memory only: {@link AgentAuthorisationRepository#revoke} writes it. */
    void revoke(String by) {
        this.revokedBy = by;
        this.revokedAt = Instant.now();
    }

    public Long getId() { return id; }
    public Long getEnterpriseId() { return enterpriseId; }
    public String getUserId() { return userId; }
    public String getScope() { return scope; }
    public String getGrantedBy() { return grantedBy; }
    public Instant getGrantedAt() { return grantedAt; }
    public LocalDate getValidUntil() { return validUntil; }
    public String getRevokedBy() { return revokedBy; }
    public Instant getRevokedAt() { return revokedAt; }
}
