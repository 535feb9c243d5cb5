-- 站内消息 Notices to people (cn.huiqi.inbox, docs/notices.md). A message goes to one recipient: a user
-- (recipient_kind USER, recipient_id = login), a unit (UNIT, a group id: every member sees it) or an enterprise
-- (ENTERPRISE, the enterprise id: every login acting for it sees it). Written in the transaction of the step
-- that caused it; read/unread is per user (inbox_read). Texts are Chinese first, with English.
CREATE TABLE inbox_message (
    id              BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind            VARCHAR(32)    NOT NULL,
    recipient_kind  VARCHAR(16)    NOT NULL,
    recipient_id    VARCHAR(64)    NOT NULL,
    case_id         BIGINT,
    case_number     VARCHAR(32),
    title_zh        VARCHAR(200)   NOT NULL,
    title_en        VARCHAR(300)   NOT NULL,
    body_zh         VARCHAR(1000)  NOT NULL,
    body_en         VARCHAR(1500)  NOT NULL,
    link            VARCHAR(300),
    created_at      DATETIME(6)    NOT NULL,
    CONSTRAINT ck_inbox_recipient_kind CHECK (recipient_kind IN ('USER', 'UNIT', 'ENTERPRISE'))
)${tableOptions};

CREATE INDEX ix_inbox_message_recipient ON inbox_message (recipient_kind, recipient_id, created_at);
CREATE INDEX ix_inbox_message_case ON inbox_message (case_id);

-- a user has read a message (absent = unread)
CREATE TABLE inbox_read (
    message_id      BIGINT         NOT NULL,
    user_id         VARCHAR(64)    NOT NULL,
    read_at         DATETIME(6)    NOT NULL,
    PRIMARY KEY (message_id, user_id),
    CONSTRAINT fk_inbox_read_message FOREIGN KEY (message_id) REFERENCES inbox_message (id)
)${tableOptions};

-- every SMS the system sends (or decides not to send), with its status: QUEUED in the step's transaction, then
-- SENT / FAILED by the gateway after that transaction commits, or SKIPPED (no mobile number) at once. The
-- number is kept masked (138****0000).
CREATE TABLE sms_log (
    id              BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    message_id      BIGINT         NOT NULL,
    enterprise_id   BIGINT         NOT NULL,
    phone_masked    VARCHAR(32),
    content         VARCHAR(500)   NOT NULL,
    provider        VARCHAR(32)    NOT NULL,
    status          VARCHAR(16)    NOT NULL,
    detail          VARCHAR(500),
    created_at      DATETIME(6)    NOT NULL,
    sent_at         DATETIME(6),
    CONSTRAINT fk_sms_log_message FOREIGN KEY (message_id) REFERENCES inbox_message (id),
    CONSTRAINT ck_sms_log_status CHECK (status IN ('QUEUED', 'SENT', 'FAILED', 'SKIPPED'))
)${tableOptions};

CREATE INDEX ix_sms_log_message ON sms_log (message_id);
