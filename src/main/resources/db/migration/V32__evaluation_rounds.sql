-- Locality evaluation (地区评价, cn.huiqi.evaluation, docs/evaluation.md): measures 5 and 6 rank the localities on
-- a set of indicators. A round per measure and period, its indicators (copied from the default set when it is opened),
-- the rule versions it is decided by, the figures of each locality and the timeline of every change.

-- The default indicator set. The policy publishes no indicators: every row is a labelled default (系统默认值)
-- that policy staff confirm or change; a round copies the rows when it is opened.
CREATE TABLE evaluation_default_indicator (
    code                VARCHAR(32)   NOT NULL PRIMARY KEY,
    name_zh             VARCHAR(100)  NOT NULL,
    name_en             VARCHAR(200)  NOT NULL,
    unit_zh             VARCHAR(16)   NOT NULL,
    -- HIGHER_IS_BETTER / LOWER_IS_BETTER (evaluation.IndicatorDirection)
    direction           VARCHAR(16)   NOT NULL,
    target              DECIMAL(14,2) NOT NULL,
    -- STATISTICS: 市统计局 imports it (xlsx); GXJ: 市工信局 scores it
    source              VARCHAR(16)   NOT NULL,
    -- where statistics have none, the locality may report its own figure, with evidence
    self_report         BOOLEAN       NOT NULL,
    decimals            INT           NOT NULL,
    -- the plausible range of a figure; outside it the import refuses the cell
    min_value           DECIMAL(14,2) NOT NULL,
    max_value           DECIMAL(14,2) NOT NULL,
    sort_order          INT           NOT NULL,
    note                VARCHAR(200)  NOT NULL
)${tableOptions};

INSERT INTO evaluation_default_indicator (code, name_zh, name_en, unit_zh, direction, target, source, self_report, decimals,
                                          min_value, max_value, sort_order, note) VALUES
('VA_GROWTH',          '规上工业增加值增速',   'Growth of value added of industry above designated size', '%',  'HIGHER_IS_BETTER', 8.00,  'STATISTICS', FALSE, 2, -100.00, 500.00, 1, '系统默认值'),
('INVEST_GROWTH',      '工业投资增速',         'Growth of industrial investment',                          '%',  'HIGHER_IS_BETTER', 10.00, 'STATISTICS', FALSE, 2, -100.00, 500.00, 2, '系统默认值'),
('TECH_INVEST_GROWTH', '技改投资增速',         'Growth of technical renovation investment',                '%',  'HIGHER_IS_BETTER', 10.00, 'STATISTICS', FALSE, 2, -100.00, 500.00, 3, '系统默认值'),
('REVENUE_GROWTH',     '规上工业营业收入增速', 'Growth of operating revenue of industry above designated size', '%', 'HIGHER_IS_BETTER', 8.00, 'STATISTICS', FALSE, 2, -100.00, 500.00, 4, '系统默认值'),
('NEW_ABOVE_SCALE',    '新增规上工业企业',     'Newly added industrial enterprises above designated size', '家', 'HIGHER_IS_BETTER', 10.00, 'STATISTICS', TRUE,  0, 0.00,    1000.00, 5, '系统默认值'),
('CHAIN_1269',         '"1269"产业链工作评价', 'Evaluation of the "1269" industrial-chain work',           '分', 'HIGHER_IS_BETTER', 80.00, 'GXJ',        FALSE, 1, 0.00,    100.00, 6, '系统默认值');

-- One round per measure and period. DATA_ENTRY -> CONFIRMATION -> (later: SCORING, PROPOSED, APPROVED, CIRCULATED, AWARDED)
CREATE TABLE evaluation_round (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    measure             VARCHAR(8)    NOT NULL,
    name                VARCHAR(100)  NOT NULL,
    period_from         DATE          NOT NULL,
    period_to           DATE          NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    -- set when the round enters CONFIRMATION; silence confirms a locality's figures at confirmation_due
    confirmation_from   DATETIME(6),
    confirmation_due    DATETIME(6),
    confirmation_days   INT,
    created_by          VARCHAR(64)   NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    updated_by          VARCHAR(64)   NOT NULL,
    updated_at          DATETIME(6)   NOT NULL,
    CONSTRAINT uq_evaluation_round_period UNIQUE (measure, period_from, period_to)
)${tableOptions};

-- The indicators of a round (copied from the default set; gxj may change a target before data entry starts).
CREATE TABLE evaluation_indicator (
    round_id            BIGINT        NOT NULL,
    code                VARCHAR(32)   NOT NULL,
    name_zh             VARCHAR(100)  NOT NULL,
    name_en             VARCHAR(200)  NOT NULL,
    unit_zh             VARCHAR(16)   NOT NULL,
    direction           VARCHAR(16)   NOT NULL,
    target              DECIMAL(14,2) NOT NULL,
    source              VARCHAR(16)   NOT NULL,
    self_report         BOOLEAN       NOT NULL,
    decimals            INT           NOT NULL,
    min_value           DECIMAL(14,2) NOT NULL,
    max_value           DECIMAL(14,2) NOT NULL,
    sort_order          INT           NOT NULL,
    note                VARCHAR(200)  NOT NULL,
    CONSTRAINT pk_evaluation_indicator PRIMARY KEY (round_id, code),
    CONSTRAINT fk_evaluation_indicator_round FOREIGN KEY (round_id) REFERENCES evaluation_round (id)
)${tableOptions};

-- The rule versions a round is decided by (locality-indicator-score, evaluation-award), pinned when it is opened.
CREATE TABLE evaluation_rule_version (
    round_id            BIGINT        NOT NULL,
    decision_key        VARCHAR(64)   NOT NULL,
    version             INT           NOT NULL,
    definition_id       VARCHAR(64)   NOT NULL,
    pinned_by           VARCHAR(64)   NOT NULL,
    pinned_at           DATETIME(6)   NOT NULL,
    CONSTRAINT pk_evaluation_rule_version PRIMARY KEY (round_id, decision_key),
    CONSTRAINT fk_evaluation_rule_version_round FOREIGN KEY (round_id) REFERENCES evaluation_round (id)
)${tableOptions};

-- One figure per round, locality and indicator.
-- origin: OFFICIAL (statistics import), SELF_REPORTED (by the locality, with evidence), GXJ (scored or corrected by gxj)
-- status: ENTERED (not confirmed yet), DISPUTED (the locality disputes it; gxj resolves), CONFIRMED
-- confirmed_how: LOCALITY, SILENCE (the time limit passed), RESOLUTION (gxj resolved a dispute), CORRECTION (by gxj)
CREATE TABLE evaluation_figure (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    round_id            BIGINT        NOT NULL,
    unit_id             VARCHAR(32)   NOT NULL,
    indicator_code      VARCHAR(32)   NOT NULL,
    figure              DECIMAL(14,2) NOT NULL,
    origin              VARCHAR(16)   NOT NULL,
    evidence            VARCHAR(500),
    status              VARCHAR(16)   NOT NULL,
    dispute_reason      VARCHAR(1000),
    confirmed_how       VARCHAR(16),
    confirmed_by        VARCHAR(64),
    confirmed_at        DATETIME(6),
    updated_by          VARCHAR(64)   NOT NULL,
    updated_at          DATETIME(6)   NOT NULL,
    CONSTRAINT uq_evaluation_figure UNIQUE (round_id, unit_id, indicator_code),
    CONSTRAINT fk_evaluation_figure_round FOREIGN KEY (round_id) REFERENCES evaluation_round (id),
    CONSTRAINT fk_evaluation_figure_unit FOREIGN KEY (unit_id) REFERENCES unit (id)
)${tableOptions};

-- The timeline: every change of a round, an indicator or a figure, by whom, old and new, with the reason.
CREATE TABLE evaluation_event (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    round_id            BIGINT        NOT NULL,
    unit_id             VARCHAR(32),
    indicator_code      VARCHAR(32),
    kind                VARCHAR(24)   NOT NULL,
    old_value           VARCHAR(100),
    new_value           VARCHAR(100),
    detail              VARCHAR(1000),
    reason              VARCHAR(1000),
    actor               VARCHAR(64)   NOT NULL,
    occurred_at         DATETIME(6)   NOT NULL,
    CONSTRAINT fk_evaluation_event_round FOREIGN KEY (round_id) REFERENCES evaluation_round (id)
)${tableOptions};

CREATE INDEX ix_evaluation_event_round ON evaluation_event (round_id, unit_id, occurred_at);
