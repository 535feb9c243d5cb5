-- Login protection of the built-in identity (quick start, profile mysql; docs/security.md, "Pages and
-- logins"). Every password check of the engine's identity service passes cn.huiqi.identity.LoginLockout:
-- app Basic auth on /api and /engine-rest, the sign-in page, Camunda's webapp login.

-- Consecutive failed logins per user name (also names that are no user, so a lock does not tell which
-- accounts exist) and the end of the current lock. A success or an expired lock starts again at 0.
CREATE TABLE login_lock (
    user_id       VARCHAR(64)   NOT NULL PRIMARY KEY,
    failures      INT           NOT NULL,
    locked_until  DATETIME(6),
    updated_at    DATETIME(6)   NOT NULL
)${tableOptions};

-- The audit of the login protection: every failed login, every lock, every login refused while locked,
-- every unlock (by expiry is implicit; by an administrator is a row). Append-only.
CREATE TABLE security_audit (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at     DATETIME(6)   NOT NULL,
    event           VARCHAR(32)   NOT NULL,
    user_id         VARCHAR(64)   NOT NULL,
    channel         VARCHAR(200),
    remote_address  VARCHAR(64),
    actor           VARCHAR(64),
    detail          VARCHAR(500),
    CONSTRAINT ck_security_audit_event CHECK (event IN
        ('LOGIN_FAILED', 'ACCOUNT_LOCKED', 'REFUSED_WHILE_LOCKED', 'ACCOUNT_UNLOCKED'))
)${tableOptions};

CREATE INDEX ix_security_audit_user ON security_audit (user_id, occurred_at);
CREATE INDEX ix_security_audit_time ON security_audit (occurred_at);
