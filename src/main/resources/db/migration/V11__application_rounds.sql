-- Application rounds (申报批次, cn.huiqi.round, docs/rounds.md). A measure that is not continuous takes
-- applications only inside the application period of one of its rounds. Dates are calendar dates in
-- Asia/Shanghai, both ends inclusive (opens_on 00:00 .. closes_on 24:00). The status is derived:
-- PLANNED before opens_on, OPEN from opens_on through closes_on unless closed early, CLOSED after.
CREATE TABLE application_round (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    measure             VARCHAR(8)    NOT NULL,
    name                VARCHAR(100)  NOT NULL,
    -- the period whose performance the round rewards (measures 1-3: 2023-07-01..2023-09-30)
    performance_from    DATE          NOT NULL,
    performance_to      DATE          NOT NULL,
    opens_on            DATE          NOT NULL,
    closes_on           DATE          NOT NULL,
    -- set when policy staff close the round before closes_on
    closed_early_at     DATETIME(6),
    closed_early_by     VARCHAR(64),
    -- e.g. "默认值，待政策部门确认" for a figure the policy does not give
    note                VARCHAR(500),
    created_by          VARCHAR(64)   NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    updated_by          VARCHAR(64)   NOT NULL,
    updated_at          DATETIME(6)   NOT NULL,
    row_version         BIGINT        NOT NULL,
    CONSTRAINT uq_round_name UNIQUE (measure, name)
)${tableOptions};

CREATE INDEX ix_round_measure ON application_round (measure, opens_on);

-- The rule versions a round's cases are decided by (pinned when the round is opened, re-pinned when a
-- new version is published for this round).
CREATE TABLE round_rule_version (
    round_id            BIGINT        NOT NULL,
    decision_key        VARCHAR(64)   NOT NULL,
    version             INT           NOT NULL,
    definition_id       VARCHAR(64)   NOT NULL,
    pinned_by           VARCHAR(64)   NOT NULL,
    pinned_at           DATETIME(6)   NOT NULL,
    CONSTRAINT pk_round_rule_version PRIMARY KEY (round_id, decision_key),
    CONSTRAINT fk_round_rule_version_round FOREIGN KEY (round_id) REFERENCES application_round (id)
)${tableOptions};

-- What happened to a round, by whom: OPENED, EXTENDED (with the reason), CLOSED, PINNED, REPINNED.
CREATE TABLE round_event (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    round_id            BIGINT        NOT NULL,
    kind                VARCHAR(16)   NOT NULL,
    detail              VARCHAR(2000) NOT NULL,
    reason              VARCHAR(1000),
    actor               VARCHAR(64)   NOT NULL,
    occurred_at         DATETIME(6)   NOT NULL,
    CONSTRAINT fk_round_event_round FOREIGN KEY (round_id) REFERENCES application_round (id)
)${tableOptions};

CREATE INDEX ix_round_event_round ON round_event (round_id, occurred_at);

-- Every case records its round (null: a measure without rounds).
ALTER TABLE reward_case ADD COLUMN round_id BIGINT;
ALTER TABLE reward_case ADD CONSTRAINT fk_case_round FOREIGN KEY (round_id) REFERENCES application_round (id);
CREATE INDEX ix_case_round ON reward_case (round_id);

-- The first round of measures 1-3 (clauses 1-3 reward 2023-07..09). The policy gives no application
-- period: the dates below are a labelled default. Cases that exist already belong to it. Its rule
-- versions are pinned when the engine has started (round.RoundPinsAtStart).
INSERT INTO application_round (measure, name, performance_from, performance_to, opens_on, closes_on, note,
                               created_by, created_at, updated_by, updated_at, row_version)
SELECT m.measure, '2023年第一批', DATE '2023-07-01', DATE '2023-09-30', DATE '2023-10-08', DATE '2023-10-31',
       '申报期为默认值，待政策部门确认 / The application period is a default, to be confirmed by the policy office',
       'system', CURRENT_TIMESTAMP, 'system', CURRENT_TIMESTAMP, 0
FROM (SELECT 'M1' AS measure UNION ALL SELECT 'M2' UNION ALL SELECT 'M3') m;

INSERT INTO round_event (round_id, kind, detail, actor, occurred_at)
SELECT id, 'OPENED', '数据迁移 V11 建立（申报期为默认值）/ Created by migration V11 (default application period)', 'system', CURRENT_TIMESTAMP
FROM application_round;

UPDATE reward_case SET round_id = (SELECT r.id FROM application_round r WHERE r.measure = reward_case.measure)
WHERE measure IN ('M1', 'M2', 'M3');

-- A version published while a round of its measure was open records the publisher's choice
-- (NEXT_ROUND / THIS_ROUND) and the round.
ALTER TABLE rule_publication ADD COLUMN round_scope VARCHAR(16);
ALTER TABLE rule_publication ADD COLUMN round_id BIGINT;
