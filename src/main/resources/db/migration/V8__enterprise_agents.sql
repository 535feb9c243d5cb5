-- 经办人授权 (agent authorisation): an enterprise's own account lets another enterprise login (e.g. a
-- group company's finance staff) act for it. Scope APPLY_AND_SUPPLEMENT: apply and provide supplements
-- for every measure. Rows are never deleted; a revocation is recorded on the row and takes effect at once.
CREATE TABLE enterprise_agent (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    enterprise_id  BIGINT       NOT NULL,
    user_id        VARCHAR(64)  NOT NULL,
    scope          VARCHAR(32)  NOT NULL,
    granted_by     VARCHAR(64)  NOT NULL,
    granted_at     DATETIME(6)  NOT NULL,
    valid_until    DATE,
    revoked_by     VARCHAR(64),
    revoked_at     DATETIME(6),
    CONSTRAINT fk_enterprise_agent_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
    CONSTRAINT ck_enterprise_agent_scope CHECK (scope IN ('APPLY_AND_SUPPLEMENT')),
    CONSTRAINT ck_enterprise_agent_revocation CHECK ((revoked_by IS NULL AND revoked_at IS NULL)
        OR (revoked_by IS NOT NULL AND revoked_at IS NOT NULL))
)${tableOptions};

CREATE INDEX ix_enterprise_agent_user ON enterprise_agent (user_id, enterprise_id);
CREATE INDEX ix_enterprise_agent_enterprise ON enterprise_agent (enterprise_id, granted_at);
