-- The process of an evaluation round (measures 5 and 6, docs/evaluation.md "Process"): the round's process instance,
-- the stored ranking with the rule versions it used, the four-eyes record (who prepared the proposal), the city
-- government's approval (市政府审定, document number and date), the circulation (通报) and its 复核 window.
ALTER TABLE evaluation_round ADD COLUMN process_instance_id VARCHAR(64) NULL;
ALTER TABLE evaluation_round ADD COLUMN ranking_json MEDIUMTEXT NULL;
ALTER TABLE evaluation_round ADD COLUMN ranked_at DATETIME(6) NULL;
ALTER TABLE evaluation_round ADD COLUMN score_version INT NULL;
ALTER TABLE evaluation_round ADD COLUMN award_version INT NULL;
ALTER TABLE evaluation_round ADD COLUMN prepared_by VARCHAR(64) NULL;
ALTER TABLE evaluation_round ADD COLUMN prepared_at DATETIME(6) NULL;
ALTER TABLE evaluation_round ADD COLUMN checked_by VARCHAR(64) NULL;
ALTER TABLE evaluation_round ADD COLUMN approval_document VARCHAR(100) NULL;
ALTER TABLE evaluation_round ADD COLUMN approval_date DATE NULL;
ALTER TABLE evaluation_round ADD COLUMN circulated_at DATETIME(6) NULL;
ALTER TABLE evaluation_round ADD COLUMN review_due DATETIME(6) NULL;

-- A locality's 复核申请 during the review window, for its own figures or score; gxj decides it (KEPT / CORRECTED).
CREATE TABLE evaluation_review_request (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    round_id        BIGINT        NOT NULL,
    unit_id         VARCHAR(32)   NOT NULL,
    reason          VARCHAR(1000) NOT NULL,
    -- OPEN, KEPT, CORRECTED
    status          VARCHAR(16)   NOT NULL,
    filed_by        VARCHAR(64)   NOT NULL,
    filed_at        DATETIME(6)   NOT NULL,
    handled_by      VARCHAR(64)   NULL,
    handled_at      DATETIME(6)   NULL,
    answer          VARCHAR(1000) NULL,
    CONSTRAINT fk_evaluation_review_request_round FOREIGN KEY (round_id) REFERENCES evaluation_round (id),
    CONSTRAINT fk_evaluation_review_request_unit FOREIGN KEY (unit_id) REFERENCES unit (id)
)${tableOptions};

CREATE INDEX ix_evaluation_review_request_round ON evaluation_review_request (round_id, status);

-- The award case of each awarded locality (奖励确定): the case carries the claim, the ledger and the payment.
CREATE TABLE evaluation_award_case (
    round_id        BIGINT        NOT NULL,
    unit_id         VARCHAR(32)   NOT NULL,
    case_id         BIGINT        NOT NULL,
    amount          DECIMAL(14,2) NOT NULL,
    CONSTRAINT pk_evaluation_award_case PRIMARY KEY (round_id, unit_id),
    CONSTRAINT fk_evaluation_award_case_round FOREIGN KEY (round_id) REFERENCES evaluation_round (id)
)${tableOptions};
