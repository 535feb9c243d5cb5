-- The city units that review a case, one row each (issue 13 item 4): a city bureau's case list and its COUNT
-- read ix_case_review_unit_unit as an index range instead of a LIKE over case_record.review_units on every row.
-- CaseRecord.assignResponsibleUnits writes both; case_record.review_units stays the display/routing copy.
CREATE TABLE case_review_unit (
    case_id BIGINT      NOT NULL,
    unit_id VARCHAR(32) NOT NULL,
    PRIMARY KEY (case_id, unit_id),
    CONSTRAINT fk_case_review_unit_case FOREIGN KEY (case_id) REFERENCES case_record (id),
    CONSTRAINT fk_case_review_unit_unit FOREIGN KEY (unit_id) REFERENCES unit (id)
)${tableOptions};
CREATE INDEX ix_case_review_unit_unit ON case_review_unit (unit_id, case_id);

-- the cases already assigned: a review unit is a unit id between commas of the list
INSERT INTO case_review_unit (case_id, unit_id)
SELECT c.id, u.id FROM case_record c JOIN unit u ON CONCAT(',', c.review_units, ',') LIKE CONCAT('%,', u.id, ',%')
 WHERE c.review_units IS NOT NULL;

-- GET /api/supervision pages a lead unit's open items by due time (most overdue first) in the database
CREATE INDEX ix_supervision_open ON supervision_item (lead_unit_id, closed_at, due_at);
