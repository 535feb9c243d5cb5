package cn.huiqi.enterprise;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * 经办人授权: the enterprise's own account lets another enterprise login act for it, recorded with who
 * granted it, when, its scope and an optional last day. A revocation is recorded on the row (never deleted).
 */
@Entity
@Table(name = "enterprise_agent")
class AgentAuthorisation {

    /** Apply and provide supplements, for every measure (the only scope so far). */
    public static final String APPLY_AND_SUPPLEMENT = "APPLY_AND_SUPPLEMENT";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "enterprise_id")
    private Long enterpriseId;
    @Column(name = "user_id")
    private String userId;
    private String scope;
    @Column(name = "granted_by")
    private String grantedBy;
    @Column(name = "granted_at")
    private Instant grantedAt;
    /** The last day on which the authorisation holds (China time), or null for no end. */
    @Column(name = "valid_until")
    private LocalDate validUntil;
    @Column(name = "revoked_by")
    private String revokedBy;
    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected AgentAuthorisation() {
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
