-- 申报材料 Evidence files (cn.huiqi.evidence, docs/evidence.md). One row per uploaded file: a draft (case_id NULL,
-- bound to the enterprise and measure it was uploaded for) until an application claims it, then the case's. The
-- bytes are in evidence_chunk (store DATABASE, chunks of at most 256 KB, well below max_allowed_packet) or in a
-- directory (store DIRECTORY, file named by the id). file_name is for display only (sanitised); media_type is what
-- the content is (sniffed), never what the name or the client said. supplement_round: 0 = with the application,
-- n = uploaded while the case awaited the enterprise's n-th supplement (补正).
CREATE TABLE evidence_file (
    id                BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id           BIGINT,
    enterprise_id     BIGINT         NOT NULL,
    measure           VARCHAR(16)    NOT NULL,
    kind              VARCHAR(32)    NOT NULL,
    order_index       INT,
    file_name         VARCHAR(400)   NOT NULL,
    media_type        VARCHAR(64)    NOT NULL,
    size_bytes        BIGINT         NOT NULL,
    sha256            CHAR(64)       NOT NULL,
    store             VARCHAR(16)    NOT NULL,
    uploaded_by       VARCHAR(64)    NOT NULL,
    uploaded_at       DATETIME(6)    NOT NULL,
    supplement_round  INT            NOT NULL DEFAULT 0,
    CONSTRAINT fk_evidence_file_case FOREIGN KEY (case_id) REFERENCES case_record (id),
    CONSTRAINT fk_evidence_file_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
    CONSTRAINT ck_evidence_file_store CHECK (store IN ('DATABASE', 'DIRECTORY')),
    CONSTRAINT ck_evidence_file_size CHECK (size_bytes > 0)
)${tableOptions};

CREATE INDEX ix_evidence_file_case ON evidence_file (case_id, uploaded_at);
CREATE INDEX ix_evidence_file_draft ON evidence_file (enterprise_id, case_id);

CREATE TABLE evidence_chunk (
    file_id  BIGINT      NOT NULL,
    seq      INT         NOT NULL,
    bytes    MEDIUMBLOB  NOT NULL,
    PRIMARY KEY (file_id, seq),
    CONSTRAINT fk_evidence_chunk_file FOREIGN KEY (file_id) REFERENCES evidence_file (id)
)${tableOptions};

-- every download attempt, refused ones too: file id as asked for (no foreign key: an unknown id is logged as well)
CREATE TABLE evidence_access (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    file_id      BIGINT        NOT NULL,
    user_id      VARCHAR(64)   NOT NULL,
    accessed_at  DATETIME(6)   NOT NULL,
    outcome      VARCHAR(16)   NOT NULL,
    CONSTRAINT ck_evidence_access_outcome CHECK (outcome IN ('SERVED', 'FORBIDDEN', 'NOT_FOUND'))
)${tableOptions};

CREATE INDEX ix_evidence_access_file ON evidence_access (file_id, accessed_at);
CREATE INDEX ix_evidence_access_user ON evidence_access (user_id, accessed_at);
