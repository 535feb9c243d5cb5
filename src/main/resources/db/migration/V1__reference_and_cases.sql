-- Units of 洪府办发〔2023〕81号 (see ../shared/policy/MEASURES.md); ids are the Camunda group ids.
CREATE TABLE unit (
    id            VARCHAR(32)  NOT NULL PRIMARY KEY,
    name_zh       VARCHAR(64)  NOT NULL,
    name_en       VARCHAR(128) NOT NULL,
    kind          VARCHAR(16)  NOT NULL,
    division_code VARCHAR(6),
    sort_order    INT          NOT NULL
)${tableOptions};

CREATE TABLE enterprise (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    uscc              VARCHAR(18)  NOT NULL,
    name              VARCHAR(200) NOT NULL,
    locality_unit_id  VARCHAR(32)  NOT NULL,
    contact_name      VARCHAR(64)  NOT NULL,
    contact_phone     VARCHAR(32)  NOT NULL,
    uscc_override_reason VARCHAR(500),
    created_at        DATETIME(6)  NOT NULL,
    CONSTRAINT uq_enterprise_uscc UNIQUE (uscc),
    CONSTRAINT fk_enterprise_locality FOREIGN KEY (locality_unit_id) REFERENCES unit (id)
)${tableOptions};

-- binds a login (Camunda / Keycloak user id) to exactly one enterprise
CREATE TABLE enterprise_user (
    user_id       VARCHAR(64) NOT NULL PRIMARY KEY,
    enterprise_id BIGINT      NOT NULL,
    CONSTRAINT fk_enterprise_user_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id)
)${tableOptions};

CREATE TABLE reward_case (
    id                     BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_number            VARCHAR(32),
    measure                VARCHAR(8)    NOT NULL,
    enterprise_id          BIGINT        NOT NULL,
    locality_unit_id       VARCHAR(32)   NOT NULL,
    subject_key            VARCHAR(128)  NOT NULL,
    idempotency_key        VARCHAR(128),
    process_instance_id    VARCHAR(64),
    status                 VARCHAR(32)   NOT NULL,
    application_json       VARCHAR(4000) NOT NULL,
    claimed_amount         DECIMAL(17,2),
    eligible               BOOLEAN,
    reward_amount          DECIMAL(15,2),
    reward_tier            VARCHAR(32),
    decision_key           VARCHAR(64),
    decision_version       INT,
    decision_definition_id VARCHAR(64),
    review_units           VARCHAR(200),
    outcome_reason         VARCHAR(1000),
    payment_reference      VARCHAR(64),
    payment_date           DATE,
    submitted_by           VARCHAR(64)   NOT NULL,
    submitted_at           DATETIME(6)   NOT NULL,
    updated_at             DATETIME(6)   NOT NULL,
    row_version            BIGINT        NOT NULL,
    CONSTRAINT uq_case_number UNIQUE (case_number),
    CONSTRAINT uq_case_idempotency UNIQUE (enterprise_id, idempotency_key),
    CONSTRAINT uq_case_subject UNIQUE (measure, enterprise_id, subject_key),
    CONSTRAINT fk_case_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
    CONSTRAINT fk_case_locality FOREIGN KEY (locality_unit_id) REFERENCES unit (id)
)${tableOptions};

CREATE INDEX ix_case_locality ON reward_case (locality_unit_id);
CREATE INDEX ix_case_process ON reward_case (process_instance_id);

CREATE TABLE case_event (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id     BIGINT        NOT NULL,
    occurred_at DATETIME(6)   NOT NULL,
    actor       VARCHAR(64)   NOT NULL,
    action      VARCHAR(48)   NOT NULL,
    detail      VARCHAR(2000),
    CONSTRAINT fk_case_event_case FOREIGN KEY (case_id) REFERENCES reward_case (id)
)${tableOptions};

CREATE INDEX ix_case_event_case ON case_event (case_id, occurred_at);
