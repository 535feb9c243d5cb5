-- 兑现看板 Fulfilment board (issue 19, docs/fulfilment.md "兑现看板"): one row per case, the board's read model.
-- Written by cn.huiqi.board.BoardFeed in the transaction of each case event (opened, status changed, a step overdue),
-- one statement per event (an insert, or an update guarded by row_token), so the board never disagrees with the cases; rows of cases opened before this table existed are built at start
-- from the case timeline (BoardBackfill). Stage times are working days on the calendar (docs/working-days.md).

CREATE TABLE board_case (
    case_id                  BIGINT        NOT NULL PRIMARY KEY,
    case_number              VARCHAR(32)   NOT NULL,
    measure                  VARCHAR(8)    NOT NULL,
    locality_unit_id         VARCHAR(64),
    status                   VARCHAR(40)   NOT NULL,
    -- OPEN, APPROVED (approved, not yet paid), PAID, REJECTED (incl. not eligible), WITHDRAWN, CLOSED (other final)
    outcome                  VARCHAR(16)   NOT NULL,
    submitted_at             DATETIME(6)   NOT NULL,
    submitted_week           DATE          NOT NULL,
    locality_at              DATETIME(6),
    city_at                  DATETIME(6),
    approved_at              DATETIME(6),
    approved_week            DATE,
    notice_at                DATETIME(6),
    disbursement_at          DATETIME(6),
    paid_at                  DATETIME(6),
    paid_week                DATE,
    closed_at                DATETIME(6),
    -- working days per stage: locality verification, city review, public notice, payment, approval → payment, end to end
    locality_days            INT,
    city_days                INT,
    notice_days              INT,
    payment_days             INT,
    approval_to_payment_days INT,
    end_to_end_days          INT,
    approved_amount          DECIMAL(17,2),
    paid_amount              DECIMAL(17,2),
    -- a step of the case passed its time limit at some time (timelimit.StepOverdue)
    ever_overdue             BOOLEAN       NOT NULL DEFAULT FALSE,
    updated_at               DATETIME(6)   NOT NULL,
    -- a new random value at every write: a node's remembered row is used only while it is still the stored one
    row_token                BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_board_case_case FOREIGN KEY (case_id) REFERENCES case_record (id)
)${tableOptions};

CREATE INDEX ix_board_case_measure ON board_case (measure, locality_unit_id);
CREATE INDEX ix_board_case_locality ON board_case (locality_unit_id, measure);
