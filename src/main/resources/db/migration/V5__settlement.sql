-- Settlement of a measure's approved rewards against its pool (洪府办发〔2023〕81号: 1亿元; measure 1
-- at most 500万), the public notice list (公示名单) and the disbursement batch. See docs/fund.md.
CREATE TABLE settlement (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    measure             VARCHAR(8)    NOT NULL,
    rule_name           VARCHAR(32)   NOT NULL,
    available           DECIMAL(17,2) NOT NULL,
    asked               DECIMAL(17,2) NOT NULL,
    granted             DECIMAL(17,2) NOT NULL,
    remainder           DECIMAL(17,2) NOT NULL,
    scaled              BOOLEAN       NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    process_instance_id VARCHAR(64)   NOT NULL,
    started_by          VARCHAR(64)   NOT NULL,
    settled_at          DATETIME(6)   NOT NULL,
    notice_ended_at     DATETIME(6),
    closed_at           DATETIME(6),
    CONSTRAINT uq_settlement_process UNIQUE (process_instance_id)
)${tableOptions};

CREATE TABLE settlement_line (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    settlement_id     BIGINT        NOT NULL,
    case_id           BIGINT        NOT NULL,
    asked             DECIMAL(17,2) NOT NULL,
    granted           DECIMAL(17,2) NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    payment_reference VARCHAR(64),
    payment_date      DATE,
    failure_reason    VARCHAR(500),
    updated_by        VARCHAR(64)   NOT NULL,
    updated_at        DATETIME(6)   NOT NULL,
    CONSTRAINT uq_settlement_line UNIQUE (settlement_id, case_id),
    CONSTRAINT fk_settlement_line_settlement FOREIGN KEY (settlement_id) REFERENCES settlement (id),
    CONSTRAINT fk_settlement_line_case FOREIGN KEY (case_id) REFERENCES reward_case (id)
)${tableOptions};

-- what a case is finally paid after settlement (the decided reward may be scaled down)
ALTER TABLE reward_case ADD COLUMN settled_amount DECIMAL(15,2);

-- the payment list needs the enterprise's bank account (对公账户)
ALTER TABLE enterprise ADD COLUMN bank_name VARCHAR(100);
ALTER TABLE enterprise ADD COLUMN bank_account VARCHAR(40);
