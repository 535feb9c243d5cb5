-- Measure 8 (融资): one financing demand per M8 case, the enterprise's consent to share it (and its audit), the
-- institutions' take-ups with their offers, and every read of a demand by an institution. docs/financing.md "Demands".

CREATE TABLE financing_demand (
    case_id              BIGINT        NOT NULL PRIMARY KEY,
    enterprise_id        BIGINT        NOT NULL,
    locality             VARCHAR(32)   NOT NULL,
    screening_unit       VARCHAR(32)   NOT NULL,
    amount               DECIMAL(18,2) NOT NULL,
    term_months          INT           NOT NULL,
    purpose              VARCHAR(500)  NOT NULL,
    guarantee_kind       VARCHAR(24)   NOT NULL,
    order_case_id        BIGINT,
    order_buyer          VARCHAR(200),
    order_amount         DECIMAL(18,2),
    order_due_on         DATE,
    status               VARCHAR(24)   NOT NULL,
    screening_reason     TEXT,
    submitted_at         DATETIME(6)   NOT NULL,
    published_at         DATETIME(6),
    publication_due_at   DATETIME(6),
    publications         INT           NOT NULL DEFAULT 0,
    accepted_take_up     BIGINT,
    granted_amount       DECIMAL(18,2),
    granted_on           DATE,
    coordination_outcome VARCHAR(16),
    coordination_reason  TEXT,
    coordinated_at       DATETIME(6),
    closed_at            DATETIME(6),
    version              BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_financing_demand_case FOREIGN KEY (case_id) REFERENCES case_record (id),
    CONSTRAINT fk_financing_demand_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
    CONSTRAINT fk_financing_demand_locality FOREIGN KEY (locality) REFERENCES unit (id),
    CONSTRAINT fk_financing_demand_order FOREIGN KEY (order_case_id) REFERENCES case_record (id)
)${tableOptions};

CREATE INDEX ix_financing_demand_enterprise ON financing_demand (enterprise_id, status);
CREATE INDEX ix_financing_demand_status ON financing_demand (status);

-- the enterprise's consent as it stands now: which named fields, with all institutions or the chosen ones
CREATE TABLE financing_consent (
    case_id    BIGINT        NOT NULL PRIMARY KEY,
    audience   VARCHAR(8)    NOT NULL,
    fields     VARCHAR(500)  NOT NULL,
    given_by   VARCHAR(64)   NOT NULL,
    given_at   DATETIME(6)   NOT NULL,
    revoked_by VARCHAR(64),
    revoked_at DATETIME(6),
    CONSTRAINT fk_financing_consent_case FOREIGN KEY (case_id) REFERENCES financing_demand (case_id)
)${tableOptions};

CREATE TABLE financing_consent_institution (
    case_id     BIGINT        NOT NULL,
    institution VARCHAR(32)   NOT NULL,
    PRIMARY KEY (case_id, institution),
    CONSTRAINT fk_financing_consent_institution_case FOREIGN KEY (case_id) REFERENCES financing_consent (case_id),
    CONSTRAINT fk_financing_consent_institution_unit FOREIGN KEY (institution) REFERENCES unit (id)
)${tableOptions};

-- every give / change / revoke of a consent (financing_consent holds only the current state)
CREATE TABLE financing_consent_log (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id      BIGINT        NOT NULL,
    action       VARCHAR(8)    NOT NULL,
    audience     VARCHAR(8),
    fields       VARCHAR(500),
    institutions VARCHAR(1000),
    actor        VARCHAR(64)   NOT NULL,
    occurred_at  DATETIME(6)   NOT NULL,
    CONSTRAINT fk_financing_consent_log_case FOREIGN KEY (case_id) REFERENCES financing_demand (case_id)
)${tableOptions};

CREATE INDEX ix_financing_consent_log_case ON financing_consent_log (case_id, id);

CREATE TABLE financing_take_up (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id         BIGINT        NOT NULL,
    institution     VARCHAR(32)   NOT NULL,
    publication     INT           NOT NULL,
    taken_by        VARCHAR(64)   NOT NULL,
    taken_at        DATETIME(6)   NOT NULL,
    due_on          DATE          NOT NULL,
    due_at          DATETIME(6)   NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    contact_notes   TEXT,
    diligence_notes TEXT,
    approved_amount DECIMAL(18,2),
    rate            DECIMAL(7,4),
    term_months     INT,
    declined_reason TEXT,
    decided_by      VARCHAR(64),
    decided_at      DATETIME(6),
    ended_at        DATETIME(6),
    version         BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_financing_take_up_case FOREIGN KEY (case_id) REFERENCES financing_demand (case_id),
    CONSTRAINT fk_financing_take_up_unit FOREIGN KEY (institution) REFERENCES unit (id),
    CONSTRAINT uq_financing_take_up_round UNIQUE (case_id, institution, publication)
)${tableOptions};

CREATE INDEX ix_financing_take_up_institution ON financing_take_up (institution, status);
CREATE INDEX ix_financing_take_up_case ON financing_take_up (case_id, status);

-- every read of a demand by an institution's user; the enterprise reads this log
CREATE TABLE financing_read_log (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id     BIGINT        NOT NULL,
    institution VARCHAR(32)   NOT NULL,
    user_id     VARCHAR(64)   NOT NULL,
    what        VARCHAR(32)   NOT NULL,
    read_at     DATETIME(6)   NOT NULL,
    CONSTRAINT fk_financing_read_log_case FOREIGN KEY (case_id) REFERENCES financing_demand (case_id)
)${tableOptions};

CREATE INDEX ix_financing_read_log_case ON financing_read_log (case_id, read_at);
