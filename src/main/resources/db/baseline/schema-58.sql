-- The application's schema at version 58, as V1 to V58 (SQL and Java migrations) leave a new database: tables with
-- their final columns in their final order, keys and checks, indexes and the reference rows. Run by the baseline
-- migration cn.huiqi.process.B58__New_database_schema after Camunda's own tables, on a database whose Flyway history
-- is empty; databases made by the versioned migrations never run it. SchemaBaselineTest proves both ways give the
-- same database on H2 and MariaDB.
-- Never change this file: every schema change goes into a new versioned migration (V59 and on), which a new database
-- then takes after this baseline. (A later baseline would be a new B<n> class with a file of its own.)
-- Comments name the migrations each statement stands for.

-- V1, V43: units of 洪府办发〔2023〕81号 (ids are the Camunda group ids) and the handling units
CREATE TABLE unit (
    id               VARCHAR(32)  NOT NULL PRIMARY KEY,
    name_zh          VARCHAR(64)  NOT NULL,
    name_en          VARCHAR(128) NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    division_code    VARCHAR(6),
    sort_order       INT          NOT NULL,
    handling         BOOLEAN      NOT NULL DEFAULT FALSE,
    liaison          BOOLEAN      NOT NULL DEFAULT FALSE,
    active           BOOLEAN      NOT NULL DEFAULT TRUE,
    labelled_default BOOLEAN      NOT NULL DEFAULT FALSE,
    maintained       BOOLEAN      NOT NULL DEFAULT FALSE
)${tableOptions};

-- V2, V33, V43
INSERT INTO unit (id, name_zh, name_en, kind, division_code, sort_order, handling, liaison, active, labelled_default, maintained) VALUES
('donghu',       '东湖区',   'Donghu District',      'LOCALITY', '360102', 1, FALSE, FALSE, TRUE, FALSE, FALSE),
('xihu',         '西湖区',   'Xihu District',        'LOCALITY', '360103', 2, FALSE, FALSE, TRUE, FALSE, FALSE),
('qingyunpu',    '青云谱区', 'Qingyunpu District',   'LOCALITY', '360104', 3, FALSE, FALSE, TRUE, FALSE, FALSE),
('qingshanhu',   '青山湖区', 'Qingshanhu District',  'LOCALITY', '360111', 4, FALSE, FALSE, TRUE, FALSE, FALSE),
('xinjian',      '新建区',   'Xinjian District',     'LOCALITY', '360112', 5, FALSE, FALSE, TRUE, FALSE, FALSE),
('honggutan',    '红谷滩区', 'Honggutan District',   'LOCALITY', '360113', 6, FALSE, FALSE, TRUE, FALSE, FALSE),
('nanchangxian', '南昌县',   'Nanchang County',      'LOCALITY', '360121', 7, FALSE, FALSE, TRUE, FALSE, FALSE),
('anyi',         '安义县',   'Anyi County',          'LOCALITY', '360123', 8, FALSE, FALSE, TRUE, FALSE, FALSE),
('jinxian',      '进贤县',   'Jinxian County',       'LOCALITY', '360124', 9, FALSE, FALSE, TRUE, FALSE, FALSE),
('gaoxin',       '南昌高新技术产业开发区管委会', 'Nanchang High-tech Industrial Development Zone Administrative Committee', 'LOCALITY', NULL, 10, FALSE, FALSE, TRUE, FALSE, FALSE),
('jingkai',      '南昌经济技术开发区管委会', 'Nanchang Economic and Technological Development Zone Administrative Committee', 'LOCALITY', NULL, 11, FALSE, FALSE, TRUE, FALSE, FALSE),
('xiaolan',      '南昌小蓝经济技术开发区管委会', 'Nanchang Xiaolan Economic and Technological Development Zone Administrative Committee', 'LOCALITY', NULL, 12, FALSE, FALSE, TRUE, FALSE, FALSE),
('wanli',        '湾里管理局', 'Wanli Administration Bureau', 'LOCALITY', NULL, 13, FALSE, FALSE, TRUE, FALSE, FALSE),
('gxj',   '市工信局',     'Municipal Bureau of Industry and Information Technology', 'CITY', NULL, 101, TRUE, FALSE, TRUE, FALSE, FALSE),
('swj',   '市商务局',     'Municipal Bureau of Commerce', 'CITY', NULL, 102, FALSE, FALSE, TRUE, FALSE, FALSE),
('czj',   '市财政局',     'Municipal Finance Bureau', 'CITY', NULL, 103, FALSE, FALSE, TRUE, FALSE, FALSE),
('jrb',   '市金融办',     'Municipal Financial Affairs Office', 'CITY', NULL, 104, TRUE, FALSE, TRUE, FALSE, FALSE),
('zxqyj', '市中小企业局', 'Municipal SME Bureau', 'CITY', NULL, 105, FALSE, FALSE, TRUE, FALSE, FALSE),
('ctjt',  '市产投集团',   'Nanchang Industrial Investment Group', 'CITY', NULL, 106, FALSE, FALSE, TRUE, FALSE, FALSE),
('szxbm', '市直相关部门', 'Other municipal departments', 'CITY', NULL, 107, FALSE, FALSE, TRUE, FALSE, FALSE),
('tjj',   '市统计局',     'Municipal Bureau of Statistics', 'CITY', NULL, 108, FALSE, FALSE, TRUE, FALSE, FALSE),
('rsj',   '市人力资源和社会保障局', 'Municipal Human Resources and Social Security Bureau', 'CITY', NULL, 201, TRUE, FALSE, TRUE, TRUE, TRUE),
('zrzyj', '市自然资源和规划局', 'Municipal Natural Resources and Planning Bureau', 'CITY', NULL, 202, TRUE, FALSE, TRUE, TRUE, TRUE),
('xzspj', '市行政审批局', 'Municipal Administrative Approval Bureau', 'CITY', NULL, 203, TRUE, FALSE, TRUE, TRUE, TRUE),
('jtj',   '市交通运输局', 'Municipal Transport Bureau', 'CITY', NULL, 204, TRUE, FALSE, TRUE, TRUE, TRUE),
('kjj',   '市科技局', 'Municipal Science and Technology Bureau', 'CITY', NULL, 205, TRUE, FALSE, TRUE, TRUE, TRUE),
('sthjj', '市生态环境局', 'Municipal Ecology and Environment Bureau', 'CITY', NULL, 206, TRUE, FALSE, TRUE, TRUE, TRUE),
('yjglj', '市应急管理局', 'Municipal Emergency Management Bureau', 'CITY', NULL, 207, TRUE, FALSE, TRUE, TRUE, TRUE),
('tax',   '国家税务总局南昌市税务局', 'Nanchang Municipal Tax Service, State Taxation Administration', 'CITY', NULL, 208, TRUE, TRUE, TRUE, TRUE, TRUE),
('power', '国网南昌供电公司', 'State Grid Nanchang Power Supply Company', 'CITY', NULL, 209, TRUE, TRUE, TRUE, TRUE, TRUE),
('water', '南昌水业集团', 'Nanchang Water Group', 'CITY', NULL, 210, TRUE, TRUE, TRUE, TRUE, TRUE),
('gas',   '南昌市燃气集团', 'Nanchang Gas Group', 'CITY', NULL, 211, TRUE, TRUE, TRUE, TRUE, TRUE);

-- V1, V5
CREATE TABLE enterprise (
    id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    uscc                 VARCHAR(18)  NOT NULL,
    name                 VARCHAR(200) NOT NULL,
    locality_unit_id     VARCHAR(32)  NOT NULL,
    contact_name         VARCHAR(64)  NOT NULL,
    contact_phone        VARCHAR(32)  NOT NULL,
    uscc_override_reason VARCHAR(500),
    created_at           DATETIME(6)  NOT NULL,
    bank_name            VARCHAR(100),
    bank_account         VARCHAR(40),
    CONSTRAINT uq_enterprise_uscc UNIQUE (uscc),
    CONSTRAINT fk_enterprise_locality FOREIGN KEY (locality_unit_id) REFERENCES unit (id)
)${tableOptions};

-- V1
CREATE TABLE enterprise_user (
    user_id       VARCHAR(64) NOT NULL PRIMARY KEY,
    enterprise_id BIGINT      NOT NULL,
    CONSTRAINT fk_enterprise_user_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id)
)${tableOptions};

-- V3
CREATE TABLE project (
    id                           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    enterprise_id                BIGINT        NOT NULL,
    locality_unit_id             VARCHAR(32)   NOT NULL,
    name                         VARCHAR(200)  NOT NULL,
    project_type                 VARCHAR(16)   NOT NULL,
    planned_total_investment     DECIMAL(17,2) NOT NULL,
    planned_equipment_investment DECIMAL(17,2) NOT NULL,
    planned_start                DATE          NOT NULL,
    planned_completion           DATE          NOT NULL,
    actual_start                 DATE,
    actual_completion            DATE,
    major                        BOOLEAN       NOT NULL,
    status                       VARCHAR(24)   NOT NULL,
    created_by                   VARCHAR(64)   NOT NULL,
    created_at                   DATETIME(6)   NOT NULL,
    updated_by                   VARCHAR(64)   NOT NULL,
    updated_at                   DATETIME(6)   NOT NULL,
    row_version                  BIGINT        NOT NULL,
    CONSTRAINT uq_project_enterprise_name UNIQUE (enterprise_id, name),
    CONSTRAINT fk_project_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
    CONSTRAINT fk_project_locality FOREIGN KEY (locality_unit_id) REFERENCES unit (id),
    CONSTRAINT ck_project_type CHECK (project_type IN ('new', 'renovation')),
    CONSTRAINT ck_project_amounts CHECK (planned_total_investment > 0 AND planned_equipment_investment >= 0
        AND planned_equipment_investment <= planned_total_investment),
    CONSTRAINT ck_project_planned_dates CHECK (planned_completion >= planned_start)
)${tableOptions};

CREATE INDEX ix_project_locality ON project (locality_unit_id);

-- V3
CREATE TABLE project_report (
    id                      BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    project_id              BIGINT        NOT NULL,
    report_month            VARCHAR(7)    NOT NULL,
    cumulative_investment   DECIMAL(17,2) NOT NULL,
    cumulative_equipment    DECIMAL(17,2) NOT NULL,
    note                    VARCHAR(500),
    reported_by             VARCHAR(64)   NOT NULL,
    reported_at             DATETIME(6)   NOT NULL,
    corrected_by            VARCHAR(64),
    corrected_at            DATETIME(6),
    row_version             BIGINT        NOT NULL,
    CONSTRAINT uq_project_report_month UNIQUE (project_id, report_month),
    CONSTRAINT fk_project_report_project FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT ck_project_report_amounts CHECK (cumulative_investment >= 0 AND cumulative_equipment >= 0
        AND cumulative_equipment <= cumulative_investment)
)${tableOptions};

-- V3
CREATE TABLE project_event (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    project_id   BIGINT        NOT NULL,
    report_month VARCHAR(7),
    occurred_at  DATETIME(6)   NOT NULL,
    actor        VARCHAR(64)   NOT NULL,
    action       VARCHAR(32)   NOT NULL,
    detail       VARCHAR(2000),
    CONSTRAINT fk_project_event_project FOREIGN KEY (project_id) REFERENCES project (id)
)${tableOptions};

CREATE INDEX ix_project_event_project ON project_event (project_id, occurred_at);

-- V11
CREATE TABLE application_round (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    measure             VARCHAR(8)    NOT NULL,
    name                VARCHAR(100)  NOT NULL,
    performance_from    DATE          NOT NULL,
    performance_to      DATE          NOT NULL,
    opens_on            DATE          NOT NULL,
    closes_on           DATE          NOT NULL,
    closed_early_at     DATETIME(6),
    closed_early_by     VARCHAR(64),
    note                VARCHAR(500),
    created_by          VARCHAR(64)   NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    updated_by          VARCHAR(64)   NOT NULL,
    updated_at          DATETIME(6)   NOT NULL,
    row_version         BIGINT        NOT NULL,
    CONSTRAINT uq_round_name UNIQUE (measure, name)
)${tableOptions};

CREATE INDEX ix_round_measure ON application_round (measure, opens_on);

-- V11
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

-- V11
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

-- V11: the first round of measures 1-3 (a labelled default application period) and its timeline. The round's times and
-- the pools' (V4) are the migration's time in the JVM's wall clock, where V55 puts them on a database running in another
-- zone (Flyway's timestamp placeholder); the timeline's line keeps the database's clock, as V11 wrote it and V55 left it.
INSERT INTO application_round (measure, name, performance_from, performance_to, opens_on, closes_on, note,
                               created_by, created_at, updated_by, updated_at, row_version)
SELECT m.measure, '2023年第一批', DATE '2023-07-01', DATE '2023-09-30', DATE '2023-10-08', DATE '2023-10-31',
       '申报期为默认值，待政策部门确认 / The application period is a default, to be confirmed by the policy office',
       'system', TIMESTAMP '${flyway:timestamp}', 'system', TIMESTAMP '${flyway:timestamp}', 0
FROM (SELECT 'M1' AS measure UNION ALL SELECT 'M2' UNION ALL SELECT 'M3') m;

INSERT INTO round_event (round_id, kind, detail, actor, occurred_at)
SELECT id, 'OPENED', '数据迁移 V11 建立（申报期为默认值）/ Created by migration V11 (default application period)', 'system', CURRENT_TIMESTAMP
FROM application_round;

-- V1 (reward_case), V5, V7, V11, V13, V14 (case_record: an applicant of any kind; the reward columns moved to reward_claim)
CREATE TABLE case_record (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_number         VARCHAR(32),
    measure             VARCHAR(8)    NOT NULL,
    enterprise_id       BIGINT,
    locality_unit_id    VARCHAR(32)   NOT NULL,
    subject_key         VARCHAR(128)  NOT NULL,
    idempotency_key     VARCHAR(128),
    process_instance_id VARCHAR(64),
    status              VARCHAR(32)   NOT NULL,
    application_json    VARCHAR(4000) NOT NULL,
    review_units        VARCHAR(200),
    submitted_by        VARCHAR(64)   NOT NULL,
    submitted_at        DATETIME(6)   NOT NULL,
    updated_at          DATETIME(6)   NOT NULL,
    row_version         BIGINT        NOT NULL,
    lead_unit           VARCHAR(32),
    finance_unit        VARCHAR(32),
    round_id            BIGINT,
    flag                VARCHAR(1000),
    applicant_kind      VARCHAR(16)   NOT NULL,
    project_id          BIGINT,
    applicant_unit_id   VARCHAR(32),
    applicant_key       VARCHAR(48)   NOT NULL,
    CONSTRAINT uq_case_number UNIQUE (case_number),
    CONSTRAINT uq_case_idempotency UNIQUE (applicant_key, idempotency_key),
    CONSTRAINT uq_case_subject UNIQUE (measure, applicant_key, subject_key),
    CONSTRAINT fk_case_project FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT fk_case_applicant_unit FOREIGN KEY (applicant_unit_id) REFERENCES unit (id),
    CONSTRAINT ck_case_applicant CHECK (
        (applicant_kind = 'ENTERPRISE' AND enterprise_id IS NOT NULL AND project_id IS NULL AND applicant_unit_id IS NULL)
     OR (applicant_kind = 'PROJECT_OWNER' AND enterprise_id IS NOT NULL AND project_id IS NOT NULL AND applicant_unit_id IS NULL)
     OR (applicant_kind = 'LOCALITY' AND enterprise_id IS NULL AND project_id IS NULL AND applicant_unit_id IS NOT NULL))
)${tableOptions};

CREATE INDEX ix_case_locality ON case_record (locality_unit_id);
CREATE INDEX ix_case_process ON case_record (process_instance_id);
CREATE INDEX ix_case_round ON case_record (round_id);
CREATE INDEX ix_case_enterprise ON case_record (enterprise_id);
-- V21
CREATE INDEX ix_case_list_submitted ON case_record (submitted_at);
CREATE INDEX ix_case_list_locality ON case_record (locality_unit_id, submitted_at);
CREATE INDEX ix_case_list_measure ON case_record (measure, status, submitted_at);
CREATE INDEX ix_case_list_status ON case_record (status, submitted_at);
CREATE INDEX ix_case_list_enterprise ON case_record (enterprise_id, submitted_at);
-- after their indexes: on H2 these keys use them, as they do once V14 has rebuilt the table, instead of indexes of their own
ALTER TABLE case_record ADD CONSTRAINT fk_case_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id);
ALTER TABLE case_record ADD CONSTRAINT fk_case_locality FOREIGN KEY (locality_unit_id) REFERENCES unit (id);
ALTER TABLE case_record ADD CONSTRAINT fk_case_round FOREIGN KEY (round_id) REFERENCES application_round (id);

-- V1
CREATE TABLE case_event (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id     BIGINT        NOT NULL,
    occurred_at DATETIME(6)   NOT NULL,
    actor       VARCHAR(64)   NOT NULL,
    action      VARCHAR(48)   NOT NULL,
    detail      VARCHAR(2000),
    CONSTRAINT fk_case_event_case FOREIGN KEY (case_id) REFERENCES case_record (id)
)${tableOptions};

CREATE INDEX ix_case_event_case ON case_event (case_id, occurred_at);

-- V14, V57
CREATE TABLE reward_claim (
    case_id                BIGINT        NOT NULL PRIMARY KEY,
    claimed_amount         DECIMAL(17,2),
    eligible               BOOLEAN,
    reward_amount          DECIMAL(15,2),
    reward_tier            VARCHAR(32),
    decision_key           VARCHAR(64),
    decision_version       INT,
    decision_definition_id VARCHAR(64),
    outcome_reason         VARCHAR(1000),
    settled_amount         DECIMAL(15,2),
    payment_reference      VARCHAR(64),
    payment_date           DATE,
    payee_kind             VARCHAR(16)   NOT NULL,
    payee_enterprise_id    BIGINT,
    payee_unit_id          VARCHAR(32),
    updated_at             DATETIME(6)   NOT NULL,
    row_version            BIGINT        NOT NULL,
    decided_at_submission  BOOLEAN       NOT NULL DEFAULT FALSE,
    CONSTRAINT fk_reward_claim_case FOREIGN KEY (case_id) REFERENCES case_record (id),
    CONSTRAINT fk_reward_claim_payee_enterprise FOREIGN KEY (payee_enterprise_id) REFERENCES enterprise (id),
    CONSTRAINT fk_reward_claim_payee_unit FOREIGN KEY (payee_unit_id) REFERENCES unit (id),
    CONSTRAINT ck_reward_claim_payee CHECK ((payee_kind = 'ENTERPRISE' AND payee_enterprise_id IS NOT NULL AND payee_unit_id IS NULL)
        OR (payee_kind = 'LOCALITY' AND payee_enterprise_id IS NULL AND payee_unit_id IS NOT NULL))
)${tableOptions};

-- V13
CREATE TABLE m1_order (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id             BIGINT        NOT NULL,
    line_no             INT           NOT NULL,
    counterparty        VARCHAR(200)  NOT NULL,
    contract_number     VARCHAR(64)   NOT NULL,
    contract_key        VARCHAR(64),
    signing_date        DATE          NOT NULL,
    amount              DECIMAL(17,2) NOT NULL,
    execution_evidence  VARCHAR(2000) NOT NULL,
    verification        VARCHAR(16)   NOT NULL,
    verification_reason VARCHAR(1000),
    verified_by         VARCHAR(64),
    verified_at         DATETIME(6),
    CONSTRAINT uq_m1_order_line UNIQUE (case_id, line_no),
    CONSTRAINT uq_m1_order_contract UNIQUE (contract_key),
    CONSTRAINT fk_m1_order_case FOREIGN KEY (case_id) REFERENCES case_record (id),
    CONSTRAINT ck_m1_order_verification CHECK (verification IN ('PENDING', 'ACCEPTED', 'NOT_ACCEPTED')),
    CONSTRAINT ck_m1_order_amount CHECK (amount > 0)
)${tableOptions};

-- V4: the fund's pools (caps written at every start by cn.huiqi.fund.FundPoolSetup)
CREATE TABLE fund_pool (
    id          VARCHAR(16)   NOT NULL PRIMARY KEY,
    name_zh     VARCHAR(64)   NOT NULL,
    name_en     VARCHAR(128)  NOT NULL,
    cap         DECIMAL(17,2) NOT NULL,
    reserved    DECIMAL(17,2) NOT NULL,
    committed   DECIMAL(17,2) NOT NULL,
    paid        DECIMAL(17,2) NOT NULL,
    sort_order  INT           NOT NULL,
    updated_at  DATETIME(6)   NOT NULL,
    CONSTRAINT ck_fund_pool_non_negative CHECK (cap >= 0 AND reserved >= 0 AND committed >= 0 AND paid >= 0),
    CONSTRAINT ck_fund_pool_within_cap CHECK (reserved + committed + paid <= cap)
)${tableOptions};

INSERT INTO fund_pool (id, name_zh, name_en, cap, reserved, committed, paid, sort_order, updated_at) VALUES
('PACKAGE', '政策资金总额（1亿元）', 'Package fund (CNY 100 million)', 100000000.00, 0, 0, 0, 0, TIMESTAMP '${flyway:timestamp}'),
('M1', '措施1 支持工业企业拓展国内国际市场', 'Measure 1: domestic and international markets (order reward)', 5000000.00, 0, 0, 0, 1, TIMESTAMP '${flyway:timestamp}'),
('M2', '措施2 支持工业企业增产扩产', 'Measure 2: production growth reward', 0, 0, 0, 0, 2, TIMESTAMP '${flyway:timestamp}'),
('M3', '措施3 支持工业项目加快投资', 'Measure 3: project investment reward', 0, 0, 0, 0, 3, TIMESTAMP '${flyway:timestamp}'),
('M4', '措施4 强化项目服务', 'Measure 4: project service', 0, 0, 0, 0, 4, TIMESTAMP '${flyway:timestamp}'),
('M5', '措施5 支持制造业高质量发展试验区建设', 'Measure 5: manufacturing high-quality development pilot zones', 0, 0, 0, 0, 5, TIMESTAMP '${flyway:timestamp}'),
('M6', '措施6 持续提升工业发展贡献度', 'Measure 6: contribution to industrial development', 0, 0, 0, 0, 6, TIMESTAMP '${flyway:timestamp}'),
('M7', '措施7 常态化开展帮扶工作', 'Measure 7: regular assistance', 0, 0, 0, 0, 7, TIMESTAMP '${flyway:timestamp}'),
('M8', '措施8 拓宽融资渠道', 'Measure 8: financing channels', 0, 0, 0, 0, 8, TIMESTAMP '${flyway:timestamp}'),
('M9', '措施9 加快政策兑现', 'Measure 9: faster fulfilment', 0, 0, 0, 0, 9, TIMESTAMP '${flyway:timestamp}');

-- V4, V14 (the case's money is its reward claim's)
CREATE TABLE fund_entry (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    pool_id            VARCHAR(16)   NOT NULL,
    case_id            BIGINT        NOT NULL,
    kind               VARCHAR(8)    NOT NULL,
    amount             DECIMAL(17,2) NOT NULL,
    released_from      VARCHAR(16),
    actor              VARCHAR(64)   NOT NULL,
    occurred_at        DATETIME(6)   NOT NULL,
    note               VARCHAR(1000),
    payment_reference  VARCHAR(64),
    payment_date       DATE,
    paid_case_id       BIGINT,
    CONSTRAINT fk_fund_entry_pool FOREIGN KEY (pool_id) REFERENCES fund_pool (id),
    CONSTRAINT fk_fund_entry_claim FOREIGN KEY (case_id) REFERENCES reward_claim (case_id),
    CONSTRAINT uq_fund_entry_paid_case UNIQUE (paid_case_id),
    CONSTRAINT ck_fund_entry_amount CHECK (amount > 0),
    CONSTRAINT ck_fund_entry_kind CHECK (kind IN ('RESERVE', 'RELEASE', 'COMMIT', 'PAY')),
    CONSTRAINT ck_fund_entry_pool CHECK (pool_id <> 'PACKAGE'),
    CONSTRAINT ck_fund_entry_release CHECK ((kind = 'RELEASE' AND released_from IN ('RESERVED', 'COMMITTED'))
        OR (kind <> 'RELEASE' AND released_from IS NULL)),
    CONSTRAINT ck_fund_entry_pay CHECK ((kind = 'PAY' AND payment_reference IS NOT NULL AND payment_date IS NOT NULL
        AND paid_case_id = case_id) OR (kind <> 'PAY' AND paid_case_id IS NULL))
)${tableOptions};

CREATE INDEX ix_fund_entry_case ON fund_entry (case_id, id);
CREATE INDEX ix_fund_entry_pool ON fund_entry (pool_id, kind);

-- V5, V16
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
    notice_first_day    DATE,
    notice_last_day     DATE,
    CONSTRAINT uq_settlement_process UNIQUE (process_instance_id)
)${tableOptions};

-- V5, V14
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
    CONSTRAINT fk_settlement_line_claim FOREIGN KEY (case_id) REFERENCES reward_claim (case_id)
)${tableOptions};

-- V6
CREATE TABLE rule_what_if (
    id                VARCHAR(36)   NOT NULL PRIMARY KEY,
    decision_key      VARCHAR(64)   NOT NULL,
    draft_sha256      VARCHAR(64)   NOT NULL,
    base_version      INT           NOT NULL,
    cases_evaluated   INT           NOT NULL,
    outcomes_changed  INT           NOT NULL,
    errors            INT           NOT NULL,
    total_before      DECIMAL(17,2),
    total_after       DECIMAL(17,2),
    pool_cap          DECIMAL(17,2),
    exceeds_cap       BOOLEAN,
    run_by            VARCHAR(64)   NOT NULL,
    run_at            DATETIME(6)   NOT NULL
)${tableOptions};

CREATE INDEX ix_rule_what_if_key ON rule_what_if (decision_key, run_at);

-- V6, V11
CREATE TABLE rule_publication (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    decision_key      VARCHAR(64)   NOT NULL,
    version           INT           NOT NULL,
    definition_id     VARCHAR(64)   NOT NULL,
    deployment_id     VARCHAR(64)   NOT NULL,
    kind              VARCHAR(16)   NOT NULL,
    previous_version  INT           NOT NULL,
    restored_version  INT,
    note              VARCHAR(2000) NOT NULL,
    what_if_id        VARCHAR(36),
    diff_summary      VARCHAR(2000) NOT NULL,
    diff_json         MEDIUMTEXT    NOT NULL,
    published_by      VARCHAR(64)   NOT NULL,
    published_at      DATETIME(6)   NOT NULL,
    round_scope       VARCHAR(16),
    round_id          BIGINT,
    CONSTRAINT uq_rule_publication_version UNIQUE (decision_key, version),
    CONSTRAINT ck_rule_publication_kind CHECK (kind IN ('PUBLISH', 'ROLLBACK')),
    CONSTRAINT ck_rule_publication_restored CHECK ((kind = 'ROLLBACK' AND restored_version IS NOT NULL)
        OR (kind = 'PUBLISH' AND restored_version IS NULL))
)${tableOptions};

-- V6
CREATE TABLE case_reevaluation (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id           BIGINT        NOT NULL,
    decision_key      VARCHAR(64)   NOT NULL,
    old_version       INT           NOT NULL,
    new_version       INT           NOT NULL,
    old_eligible      BOOLEAN       NOT NULL,
    new_eligible      BOOLEAN       NOT NULL,
    old_amount        DECIMAL(15,2) NOT NULL,
    new_amount        DECIMAL(15,2) NOT NULL,
    old_tier          VARCHAR(32),
    new_tier          VARCHAR(32),
    reason            VARCHAR(1000) NOT NULL,
    actor             VARCHAR(64)   NOT NULL,
    occurred_at       DATETIME(6)   NOT NULL,
    CONSTRAINT fk_case_reevaluation_case FOREIGN KEY (case_id) REFERENCES case_record (id)
)${tableOptions};

CREATE INDEX ix_case_reevaluation_case ON case_reevaluation (case_id, occurred_at);

-- V8
CREATE TABLE enterprise_agent (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    enterprise_id  BIGINT       NOT NULL,
    user_id        VARCHAR(64)  NOT NULL,
    scope          VARCHAR(32)  NOT NULL,
    granted_by     VARCHAR(64)  NOT NULL,
    granted_at     DATETIME(6)  NOT NULL,
    valid_until    DATE,
    revoked_by     VARCHAR(64),
    revoked_at     DATETIME(6),
    CONSTRAINT fk_enterprise_agent_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
    CONSTRAINT ck_enterprise_agent_scope CHECK (scope IN ('APPLY_AND_SUPPLEMENT')),
    CONSTRAINT ck_enterprise_agent_revocation CHECK ((revoked_by IS NULL AND revoked_at IS NULL)
        OR (revoked_by IS NOT NULL AND revoked_at IS NOT NULL))
)${tableOptions};

CREATE INDEX ix_enterprise_agent_user ON enterprise_agent (user_id, enterprise_id);
CREATE INDEX ix_enterprise_agent_enterprise ON enterprise_agent (enterprise_id, granted_at);

-- V9
CREATE TABLE login_lock (
    user_id       VARCHAR(64)   NOT NULL PRIMARY KEY,
    failures      INT           NOT NULL,
    locked_until  DATETIME(6),
    updated_at    DATETIME(6)   NOT NULL
)${tableOptions};

-- V9
CREATE TABLE security_audit (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at     DATETIME(6)   NOT NULL,
    event           VARCHAR(32)   NOT NULL,
    user_id         VARCHAR(64)   NOT NULL,
    channel         VARCHAR(200),
    remote_address  VARCHAR(64),
    actor           VARCHAR(64),
    detail          VARCHAR(500),
    CONSTRAINT ck_security_audit_event CHECK (event IN
        ('LOGIN_FAILED', 'ACCOUNT_LOCKED', 'REFUSED_WHILE_LOCKED', 'ACCOUNT_UNLOCKED'))
)${tableOptions};

CREATE INDEX ix_security_audit_user ON security_audit (user_id, occurred_at);
CREATE INDEX ix_security_audit_time ON security_audit (occurred_at);

-- V10
CREATE TABLE policy_document (
    id            VARCHAR(32)    NOT NULL PRIMARY KEY,
    doc_number    VARCHAR(64)    NOT NULL,
    title_zh      VARCHAR(200)   NOT NULL,
    title_en      VARCHAR(300)   NOT NULL,
    issuer_zh     VARCHAR(100)   NOT NULL,
    issuer_en     VARCHAR(200)   NOT NULL,
    issued_on     DATE,
    valid_until   DATE           NOT NULL,
    fund_total    DECIMAL(17,2)  NOT NULL,
    fund_clause   VARCHAR(500)   NOT NULL,
    CONSTRAINT uk_policy_document_number UNIQUE (doc_number),
    CONSTRAINT ck_policy_document_fund CHECK (fund_total >= 0)
)${tableOptions};

INSERT INTO policy_document (id, doc_number, title_zh, title_en, issuer_zh, issuer_en, issued_on, valid_until, fund_total, fund_clause)
VALUES ('hfbf-2023-81', '洪府办发〔2023〕81号',
        '关于支持工业企业稳生产拓市场提质效的若干措施',
        'Several Measures to Support Industrial Enterprises in Stabilising Production, Expanding Markets and Improving Quality and Efficiency',
        '南昌市人民政府办公室', 'General Office of the Nanchang Municipal People''s Government',
        NULL, DATE '2023-12-31', 100000000.00,
        '统筹安排 1 亿元资金，强化政策和服务供给（序言）；本措施有效期截止 2023 年 12 月 31 日');

-- V15, V16: the working-day calendar (the days that differ from the Monday-Friday week) and the notices it comes from
CREATE TABLE calendar_day (
    calendar_date DATE        NOT NULL PRIMARY KEY,
    kind        VARCHAR(4)    NOT NULL,
    occasion    VARCHAR(50)   NOT NULL,
    source      VARCHAR(100)  NOT NULL,
    updated_by  VARCHAR(64)   NOT NULL,
    updated_at  DATETIME(6)   NOT NULL,
    notice_year INT           NOT NULL DEFAULT 0,
    CONSTRAINT ck_calendar_day_kind CHECK (kind IN ('rest', 'work'))
)${tableOptions};

-- V15, V16
CREATE TABLE calendar_change (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    calendar_date DATE        NOT NULL,
    old_kind    VARCHAR(4),
    new_kind    VARCHAR(4),
    occasion    VARCHAR(50),
    source      VARCHAR(100),
    changed_by  VARCHAR(64)   NOT NULL,
    changed_at  DATETIME(6)   NOT NULL,
    old_occasion VARCHAR(50),
    old_source  VARCHAR(100),
    note        VARCHAR(200)
)${tableOptions};

-- V15, V16
INSERT INTO calendar_day (calendar_date, kind, occasion, source, updated_by, updated_at, notice_year) VALUES
    (DATE '2022-12-31', 'rest', '元旦', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-01-01', 'rest', '元旦', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-01-02', 'rest', '元旦', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-01-21', 'rest', '春节', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-01-22', 'rest', '春节', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-01-23', 'rest', '春节', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-01-24', 'rest', '春节', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-01-25', 'rest', '春节', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-01-26', 'rest', '春节', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-01-27', 'rest', '春节', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-01-28', 'work', '春节调休', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-01-29', 'work', '春节调休', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-04-05', 'rest', '清明节', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-04-23', 'work', '劳动节调休', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-04-29', 'rest', '劳动节', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-04-30', 'rest', '劳动节', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-05-01', 'rest', '劳动节', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-05-02', 'rest', '劳动节', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-05-03', 'rest', '劳动节', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-05-06', 'work', '劳动节调休', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-06-22', 'rest', '端午节', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-06-23', 'rest', '端午节', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-06-24', 'rest', '端午节', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-06-25', 'work', '端午节调休', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-09-29', 'rest', '中秋节、国庆节', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-09-30', 'rest', '中秋节、国庆节', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-10-01', 'rest', '中秋节、国庆节', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-10-02', 'rest', '中秋节、国庆节', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-10-03', 'rest', '中秋节、国庆节', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-10-04', 'rest', '中秋节、国庆节', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-10-05', 'rest', '中秋节、国庆节', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-10-06', 'rest', '中秋节、国庆节', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-10-07', 'work', '国庆节调休', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-10-08', 'work', '国庆节调休', '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2023),
    (DATE '2023-12-30', 'rest', '元旦', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2023-12-31', 'rest', '元旦', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-01-01', 'rest', '元旦', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-02-04', 'work', '春节调休', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-02-10', 'rest', '春节', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-02-11', 'rest', '春节', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-02-12', 'rest', '春节', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-02-13', 'rest', '春节', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-02-14', 'rest', '春节', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-02-15', 'rest', '春节', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-02-16', 'rest', '春节', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-02-17', 'rest', '春节', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-02-18', 'work', '春节调休', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-04-04', 'rest', '清明节', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-04-05', 'rest', '清明节', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-04-06', 'rest', '清明节', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-04-07', 'work', '清明节调休', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-04-28', 'work', '劳动节调休', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-05-01', 'rest', '劳动节', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-05-02', 'rest', '劳动节', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-05-03', 'rest', '劳动节', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-05-04', 'rest', '劳动节', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-05-05', 'rest', '劳动节', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-05-11', 'work', '劳动节调休', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-06-08', 'rest', '端午节', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-06-09', 'rest', '端午节', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-06-10', 'rest', '端午节', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-09-14', 'work', '中秋节调休', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-09-15', 'rest', '中秋节', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-09-16', 'rest', '中秋节', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-09-17', 'rest', '中秋节', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-09-29', 'work', '国庆节调休', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-10-01', 'rest', '国庆节', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-10-02', 'rest', '国庆节', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-10-03', 'rest', '国庆节', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-10-04', 'rest', '国庆节', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-10-05', 'rest', '国庆节', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-10-06', 'rest', '国庆节', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-10-07', 'rest', '国庆节', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2024-10-12', 'work', '国庆节调休', '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2024),
    (DATE '2025-01-01', 'rest', '元旦', '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2025),
    (DATE '2025-01-26', 'work', '春节调休', '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2025),
    (DATE '2025-01-28', 'rest', '春节', '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2025),
    (DATE '2025-01-29', 'rest', '春节', '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2025),
    (DATE '2025-01-30', 'rest', '春节', '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2025),
    (DATE '2025-01-31', 'rest', '春节', '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2025),
    (DATE '2025-02-01', 'rest', '春节', '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2025),
    (DATE '2025-02-02', 'rest', '春节', '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2025),
    (DATE '2025-02-03', 'rest', '春节', '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2025),
    (DATE '2025-02-04', 'rest', '春节', '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2025),
    (DATE '2025-02-08', 'work', '春节调休', '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2025),
    (DATE '2025-04-04', 'rest', '清明节', '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2025),
    (DATE '2025-04-05', 'rest', '清明节', '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2025),
    (DATE '2025-04-06', 'rest', '清明节', '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2025),
    (DATE '2025-04-27', 'work', '劳动节调休', '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2025),
    (DATE '2025-05-01', 'rest', '劳动节', '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2025),
    (DATE '2025-05-02', 'rest', '劳动节', '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2025),
    (DATE '2025-05-03', 'rest', '劳动节', '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2025),
    (DATE '2025-05-04', 'rest', '劳动节', '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2025),
    (DATE '2025-05-05', 'rest', '劳动节', '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2025),
    (DATE '2025-05-31', 'rest', '端午节', '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2025),
    (DATE '2025-06-01', 'rest', '端午节', '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2025),
    (DATE '2025-06-02', 'rest', '端午节', '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2025),
    (DATE '2025-09-28', 'work', '国庆节调休', '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2025),
    (DATE '2025-10-01', 'rest', '国庆节、中秋节', '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2025),
    (DATE '2025-10-02', 'rest', '国庆节、中秋节', '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2025),
    (DATE '2025-10-03', 'rest', '国庆节、中秋节', '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2025),
    (DATE '2025-10-04', 'rest', '国庆节、中秋节', '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2025),
    (DATE '2025-10-05', 'rest', '国庆节、中秋节', '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2025),
    (DATE '2025-10-06', 'rest', '国庆节、中秋节', '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2025),
    (DATE '2025-10-07', 'rest', '国庆节、中秋节', '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2025),
    (DATE '2025-10-08', 'rest', '国庆节、中秋节', '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2025),
    (DATE '2025-10-11', 'work', '国庆节调休', '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2025),
    (DATE '2026-01-01', 'rest', '元旦', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-01-02', 'rest', '元旦', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-01-03', 'rest', '元旦', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-01-04', 'work', '元旦调休', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-02-14', 'work', '春节调休', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-02-15', 'rest', '春节', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-02-16', 'rest', '春节', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-02-17', 'rest', '春节', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-02-18', 'rest', '春节', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-02-19', 'rest', '春节', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-02-20', 'rest', '春节', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-02-21', 'rest', '春节', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-02-22', 'rest', '春节', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-02-23', 'rest', '春节', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-02-28', 'work', '春节调休', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-04-04', 'rest', '清明节', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-04-05', 'rest', '清明节', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-04-06', 'rest', '清明节', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-05-01', 'rest', '劳动节', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-05-02', 'rest', '劳动节', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-05-03', 'rest', '劳动节', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-05-04', 'rest', '劳动节', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-05-05', 'rest', '劳动节', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-05-09', 'work', '劳动节调休', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-06-19', 'rest', '端午节', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-06-20', 'rest', '端午节', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-06-21', 'rest', '端午节', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-09-20', 'work', '国庆节调休', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-09-25', 'rest', '中秋节', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-09-26', 'rest', '中秋节', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-09-27', 'rest', '中秋节', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-10-01', 'rest', '国庆节', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-10-02', 'rest', '国庆节', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-10-03', 'rest', '国庆节', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-10-04', 'rest', '国庆节', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-10-05', 'rest', '国庆节', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-10-06', 'rest', '国庆节', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-10-07', 'rest', '国庆节', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026),
    (DATE '2026-10-10', 'work', '国庆节调休', '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00', 2026);

-- V16
CREATE TABLE calendar_notice_year (
    notice_year INT           NOT NULL PRIMARY KEY,
    source      VARCHAR(100)  NOT NULL,
    updated_by  VARCHAR(64)   NOT NULL,
    updated_at  DATETIME(6)   NOT NULL
)${tableOptions};

INSERT INTO calendar_notice_year (notice_year, source, updated_by, updated_at) VALUES
    (2023, '国办发明电〔2022〕16号', 'flyway', TIMESTAMP '2026-11-30 00:00:00'),
    (2024, '国务院办公厅 2023-10-25 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00'),
    (2025, '国办发明电〔2024〕12号', 'flyway', TIMESTAMP '2026-11-30 00:00:00'),
    (2026, '国务院办公厅 2025-11-04 通知', 'flyway', TIMESTAMP '2026-11-30 00:00:00');

-- V17, V58: step clocks of the time limits
CREATE TABLE step_clock (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id             BIGINT,
    measure             VARCHAR(8)    NOT NULL,
    process_instance_id VARCHAR(64)   NOT NULL,
    scope_id            VARCHAR(64)   NOT NULL,
    step                VARCHAR(100)  NOT NULL,
    step_name           VARCHAR(200)  NOT NULL,
    kind                VARCHAR(10)   NOT NULL,
    unit_id             VARCHAR(64),
    limit_days          INT           NOT NULL,
    elapsed_days        INT           NOT NULL,
    state               VARCHAR(10)   NOT NULL,
    task_id             VARCHAR(64),
    running_since       DATETIME(6),
    due_at              DATETIME(6),
    reminded_at         DATETIME(6),
    overdue_at          DATETIME(6),
    created_at          DATETIME(6)   NOT NULL,
    updated_at          DATETIME(6)   NOT NULL,
    check_at            DATETIME(6),
    CONSTRAINT ck_step_clock_kind CHECK (kind IN ('STEP', 'SUPPLEMENT')),
    CONSTRAINT ck_step_clock_state CHECK (state IN ('RUNNING', 'WAITING', 'PAUSED'))
)${tableOptions};

CREATE INDEX ix_step_clock_case ON step_clock (case_id, id);
CREATE INDEX ix_step_clock_scope ON step_clock (scope_id, step);
CREATE INDEX ix_step_clock_task ON step_clock (task_id);
CREATE INDEX ix_step_clock_check ON step_clock (check_at);

-- V17, V23
CREATE TABLE supervision_item (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    step_clock_id       BIGINT        NOT NULL,
    case_id             BIGINT,
    subject             VARCHAR(100)  NOT NULL,
    measure             VARCHAR(8)    NOT NULL,
    step                VARCHAR(100)  NOT NULL,
    step_name           VARCHAR(200)  NOT NULL,
    unit_id             VARCHAR(64),
    lead_unit_id        VARCHAR(64)   NOT NULL,
    due_at              DATETIME(6)   NOT NULL,
    opened_at           DATETIME(6)   NOT NULL,
    closed_at           DATETIME(6),
    CONSTRAINT fk_supervision_clock FOREIGN KEY (step_clock_id) REFERENCES step_clock (id),
    CONSTRAINT uq_supervision_clock UNIQUE (step_clock_id)
)${tableOptions};

CREATE INDEX ix_supervision_lead ON supervision_item (lead_unit_id, closed_at);
CREATE INDEX ix_supervision_open ON supervision_item (lead_unit_id, closed_at, due_at);

-- V19: notices
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

-- V19
CREATE TABLE inbox_read (
    message_id      BIGINT         NOT NULL,
    user_id         VARCHAR(64)    NOT NULL,
    read_at         DATETIME(6)    NOT NULL,
    PRIMARY KEY (message_id, user_id),
    CONSTRAINT fk_inbox_read_message FOREIGN KEY (message_id) REFERENCES inbox_message (id)
)${tableOptions};

-- V19
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

-- V23
CREATE TABLE case_review_unit (
    case_id BIGINT      NOT NULL,
    unit_id VARCHAR(32) NOT NULL,
    PRIMARY KEY (case_id, unit_id),
    CONSTRAINT fk_case_review_unit_case FOREIGN KEY (case_id) REFERENCES case_record (id),
    CONSTRAINT fk_case_review_unit_unit FOREIGN KEY (unit_id) REFERENCES unit (id)
)${tableOptions};

CREATE INDEX ix_case_review_unit_unit ON case_review_unit (unit_id, case_id);

-- V24, V39, V42: evidence files (of an enterprise or of a locality)
CREATE TABLE evidence_file (
    id                BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id           BIGINT,
    enterprise_id     BIGINT,
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
    unit_id           VARCHAR(32),
    attached_to       VARCHAR(64),
    CONSTRAINT fk_evidence_file_case FOREIGN KEY (case_id) REFERENCES case_record (id),
    CONSTRAINT fk_evidence_file_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
    CONSTRAINT ck_evidence_file_store CHECK (store IN ('DATABASE', 'DIRECTORY', 'S3')),
    CONSTRAINT ck_evidence_file_size CHECK (size_bytes > 0),
    CONSTRAINT fk_evidence_file_unit FOREIGN KEY (unit_id) REFERENCES unit (id)
)${tableOptions};

CREATE INDEX ix_evidence_file_case ON evidence_file (case_id, uploaded_at);
CREATE INDEX ix_evidence_file_draft ON evidence_file (enterprise_id, case_id);

-- V24
CREATE TABLE evidence_chunk (
    file_id  BIGINT      NOT NULL,
    seq      INT         NOT NULL,
    bytes    MEDIUMBLOB  NOT NULL,
    PRIMARY KEY (file_id, seq),
    CONSTRAINT fk_evidence_chunk_file FOREIGN KEY (file_id) REFERENCES evidence_file (id)
)${tableOptions};

-- V24
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

-- V31
CREATE TABLE rule_rate_confirmation (
    decision_key   VARCHAR(64)   NOT NULL,
    version        INT           NOT NULL,
    definition_id  VARCHAR(64)   NOT NULL,
    note           VARCHAR(1000) NOT NULL,
    confirmed_by   VARCHAR(64)   NOT NULL,
    confirmed_at   DATETIME(6)   NOT NULL,
    CONSTRAINT pk_rule_rate_confirmation PRIMARY KEY (decision_key, version)
)${tableOptions};

-- V32: locality evaluation (measures 5 and 6)
CREATE TABLE evaluation_default_indicator (
    code                VARCHAR(32)   NOT NULL PRIMARY KEY,
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

-- V32, V37
CREATE TABLE evaluation_round (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    measure             VARCHAR(8)    NOT NULL,
    name                VARCHAR(100)  NOT NULL,
    period_from         DATE          NOT NULL,
    period_to           DATE          NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    confirmation_from   DATETIME(6),
    confirmation_due    DATETIME(6),
    confirmation_days   INT,
    created_by          VARCHAR(64)   NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    updated_by          VARCHAR(64)   NOT NULL,
    updated_at          DATETIME(6)   NOT NULL,
    process_instance_id VARCHAR(64),
    ranking_json        MEDIUMTEXT,
    ranked_at           DATETIME(6),
    score_version       INT,
    award_version       INT,
    prepared_by         VARCHAR(64),
    prepared_at         DATETIME(6),
    checked_by          VARCHAR(64),
    approval_document   VARCHAR(100),
    approval_date       DATE,
    circulated_at       DATETIME(6),
    review_due          DATETIME(6),
    CONSTRAINT uq_evaluation_round_period UNIQUE (measure, period_from, period_to)
)${tableOptions};

-- V32
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

-- V32
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

-- V32, V42
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
    evidence_file_id    BIGINT,
    evidence_file_name  VARCHAR(400),
    CONSTRAINT uq_evaluation_figure UNIQUE (round_id, unit_id, indicator_code),
    CONSTRAINT fk_evaluation_figure_round FOREIGN KEY (round_id) REFERENCES evaluation_round (id),
    CONSTRAINT fk_evaluation_figure_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
    CONSTRAINT fk_evaluation_figure_evidence FOREIGN KEY (evidence_file_id) REFERENCES evidence_file (id)
)${tableOptions};

-- V32
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

-- V35
CREATE TABLE evaluation_locality_group (
    unit_id     VARCHAR(32)  NOT NULL,
    group_code  VARCHAR(32)  NOT NULL,
    note        VARCHAR(200) NOT NULL,
    PRIMARY KEY (unit_id),
    CONSTRAINT fk_evaluation_locality_group_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
    CONSTRAINT ck_evaluation_locality_group_code CHECK (group_code IN ('DISTRICT', 'COUNTY', 'DEVELOPMENT_ZONE'))
)${tableOptions};

INSERT INTO evaluation_locality_group (unit_id, group_code, note) VALUES
('donghu',       'DISTRICT',         '系统默认值'),
('xihu',         'DISTRICT',         '系统默认值'),
('qingyunpu',    'DISTRICT',         '系统默认值'),
('qingshanhu',   'DISTRICT',         '系统默认值'),
('xinjian',      'DISTRICT',         '系统默认值'),
('honggutan',    'DISTRICT',         '系统默认值'),
('wanli',        'DISTRICT',         '系统默认值：湾里管理局与各区同组'),
('nanchangxian', 'COUNTY',           '系统默认值'),
('anyi',         'COUNTY',           '系统默认值'),
('jinxian',      'COUNTY',           '系统默认值'),
('gaoxin',       'DEVELOPMENT_ZONE', '系统默认值'),
('jingkai',      'DEVELOPMENT_ZONE', '系统默认值'),
('xiaolan',      'DEVELOPMENT_ZONE', '系统默认值');

-- V36
CREATE TABLE evaluation_safety_veto (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    evaluation_year INT           NOT NULL,
    unit_id         VARCHAR(32)   NOT NULL,
    active_unit     VARCHAR(32)   NULL,
    reason          VARCHAR(1000) NOT NULL,
    evidence_ref    VARCHAR(200)  NOT NULL,
    entered_by      VARCHAR(64)   NOT NULL,
    entered_at      DATETIME(6)   NOT NULL,
    revoked_by      VARCHAR(64)   NULL,
    revoked_at      DATETIME(6)   NULL,
    revoke_reason   VARCHAR(1000) NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_evaluation_safety_veto_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
    CONSTRAINT uq_evaluation_safety_veto_active UNIQUE (evaluation_year, active_unit)
)${tableOptions};

-- V37
CREATE TABLE evaluation_review_request (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    round_id        BIGINT        NOT NULL,
    unit_id         VARCHAR(32)   NOT NULL,
    reason          VARCHAR(1000) NOT NULL,
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

-- V37
CREATE TABLE evaluation_award_case (
    round_id        BIGINT        NOT NULL,
    unit_id         VARCHAR(32)   NOT NULL,
    case_id         BIGINT        NOT NULL,
    amount          DECIMAL(14,2) NOT NULL,
    CONSTRAINT pk_evaluation_award_case PRIMARY KEY (round_id, unit_id),
    CONSTRAINT fk_evaluation_award_case_round FOREIGN KEY (round_id) REFERENCES evaluation_round (id)
)${tableOptions};

-- V39
CREATE TABLE evidence_draft_clearing (
    id          INT           NOT NULL PRIMARY KEY,
    started_at  DATETIME(6)   NOT NULL,
    started_by  VARCHAR(200),
    cleared     INT
)${tableOptions};

INSERT INTO evidence_draft_clearing (id, started_at) VALUES (1, TIMESTAMP '2000-01-01 00:00:00');

-- V41
CREATE TABLE evaluation_round_group (
    round_id    BIGINT       NOT NULL,
    unit_id     VARCHAR(32)  NOT NULL,
    group_code  VARCHAR(32)  NOT NULL,
    PRIMARY KEY (round_id, unit_id),
    CONSTRAINT fk_evaluation_round_group_round FOREIGN KEY (round_id) REFERENCES evaluation_round (id),
    CONSTRAINT fk_evaluation_round_group_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
    CONSTRAINT ck_evaluation_round_group_code CHECK (group_code IN ('DISTRICT', 'COUNTY', 'DEVELOPMENT_ZONE'))
)${tableOptions};

-- V41
CREATE TABLE evaluation_locality_group_change (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    unit_id     VARCHAR(32)   NOT NULL,
    old_group   VARCHAR(32)   NOT NULL,
    new_group   VARCHAR(32)   NOT NULL,
    reason      VARCHAR(1000) NOT NULL,
    changed_by  VARCHAR(64)   NOT NULL,
    changed_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_evaluation_locality_group_change_unit FOREIGN KEY (unit_id) REFERENCES unit (id)
)${tableOptions};

-- V44
CREATE TABLE unit_change (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    unit_id     VARCHAR(32)   NOT NULL,
    change_kind VARCHAR(16)   NOT NULL,
    old_value   VARCHAR(400),
    new_value   VARCHAR(400),
    changed_by  VARCHAR(64)   NOT NULL,
    changed_at  DATETIME(6)   NOT NULL
)${tableOptions};

CREATE INDEX unit_change_unit ON unit_change (unit_id, changed_at);

-- V45: assistance (measure 7)
CREATE TABLE assistance_visit (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    enterprise_id    BIGINT        NOT NULL,
    visited_on       DATE          NOT NULL,
    visitors         TEXT          NOT NULL,
    recorded_by_unit VARCHAR(32)   NOT NULL,
    findings         TEXT          NOT NULL,
    recorded_by      VARCHAR(64)   NOT NULL,
    recorded_at      DATETIME(6)   NOT NULL,
    CONSTRAINT fk_assistance_visit_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
    CONSTRAINT fk_assistance_visit_unit FOREIGN KEY (recorded_by_unit) REFERENCES unit (id)
)${tableOptions};

CREATE INDEX ix_assistance_visit_unit ON assistance_visit (recorded_by_unit, visited_on);
CREATE INDEX ix_assistance_visit_enterprise ON assistance_visit (enterprise_id, visited_on);

-- V45
CREATE TABLE assistance_demand (
    case_id            BIGINT        NOT NULL PRIMARY KEY,
    origin             VARCHAR(16)   NOT NULL,
    category           VARCHAR(16)   NOT NULL,
    scope              VARCHAR(16),
    utility            VARCHAR(16),
    title              VARCHAR(100)  NOT NULL,
    description        TEXT          NOT NULL,
    visit_id           BIGINT,
    hotline_ticket     VARCHAR(64),
    routing_version    INT,
    responsible_unit   VARCHAR(32),
    coordinated_by_gxj BOOLEAN       NOT NULL DEFAULT FALSE,
    accept_days        INT,
    handling_days      INT,
    extension_days     INT,
    revisit_days       INT,
    silence_means      VARCHAR(32),
    transferred        BOOLEAN       NOT NULL DEFAULT FALSE,
    extended           BOOLEAN       NOT NULL DEFAULT FALSE,
    reopened           BOOLEAN       NOT NULL DEFAULT FALSE,
    merged_into        BIGINT,
    decline_reason     TEXT,
    reply_outcome      VARCHAR(16),
    reply_text         TEXT,
    rating             VARCHAR(24),
    rating_by_silence  BOOLEAN       NOT NULL DEFAULT FALSE,
    reported_upward    BOOLEAN       NOT NULL DEFAULT FALSE,
    upward_to          VARCHAR(200),
    upward_ref         VARCHAR(100),
    submitted_at       DATETIME(6)   NOT NULL,
    accepted_at        DATETIME(6),
    replied_at         DATETIME(6),
    closed_at          DATETIME(6),
    accepted_on_time   BOOLEAN,
    replied_on_time    BOOLEAN,
    version            BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_assistance_demand_case FOREIGN KEY (case_id) REFERENCES case_record (id),
    CONSTRAINT fk_assistance_demand_visit FOREIGN KEY (visit_id) REFERENCES assistance_visit (id),
    CONSTRAINT fk_assistance_demand_merged FOREIGN KEY (merged_into) REFERENCES case_record (id),
    CONSTRAINT fk_assistance_demand_unit FOREIGN KEY (responsible_unit) REFERENCES unit (id),
    CONSTRAINT uq_assistance_demand_hotline UNIQUE (hotline_ticket)
)${tableOptions};

CREATE INDEX ix_assistance_demand_unit ON assistance_demand (responsible_unit);
CREATE INDEX ix_assistance_demand_category ON assistance_demand (category);

-- V45
CREATE TABLE assistance_assignment (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id     BIGINT        NOT NULL,
    unit_id     VARCHAR(32)   NOT NULL,
    assigned_at DATETIME(6)   NOT NULL,
    ended_at    DATETIME(6),
    end_reason  VARCHAR(32),
    CONSTRAINT fk_assistance_assignment_case FOREIGN KEY (case_id) REFERENCES case_record (id),
    CONSTRAINT fk_assistance_assignment_unit FOREIGN KEY (unit_id) REFERENCES unit (id)
)${tableOptions};

CREATE INDEX ix_assistance_assignment_unit ON assistance_assignment (unit_id, case_id);
CREATE INDEX ix_assistance_assignment_case ON assistance_assignment (case_id);

-- V45
CREATE TABLE assistance_no_visit (
    enterprise_id BIGINT        NOT NULL PRIMARY KEY,
    since         DATETIME(6)   NOT NULL,
    recorded_by   VARCHAR(64)   NOT NULL,
    CONSTRAINT fk_assistance_no_visit_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id)
)${tableOptions};

-- V45
CREATE TABLE assistance_no_visit_log (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    enterprise_id BIGINT        NOT NULL,
    switched_on   BOOLEAN       NOT NULL,
    actor         VARCHAR(64)   NOT NULL,
    occurred_at   DATETIME(6)   NOT NULL,
    CONSTRAINT fk_assistance_no_visit_log_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id)
)${tableOptions};

-- V46: financial institutions (measure 8)
CREATE TABLE financial_institution (
    unit_id       VARCHAR(32)  NOT NULL PRIMARY KEY,
    kind          VARCHAR(16)  NOT NULL,
    contact_name  VARCHAR(64)  NOT NULL,
    contact_phone VARCHAR(32)  NOT NULL,
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    demo          BOOLEAN      NOT NULL DEFAULT FALSE,
    CONSTRAINT fk_financial_institution_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
    CONSTRAINT ck_financial_institution_kind CHECK (kind IN ('BANK', 'GUARANTEE', 'FUND_MANAGER'))
)${tableOptions};

-- V47: financing demands
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

-- V47
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

-- V47
CREATE TABLE financing_consent_institution (
    case_id     BIGINT        NOT NULL,
    institution VARCHAR(32)   NOT NULL,
    PRIMARY KEY (case_id, institution),
    CONSTRAINT fk_financing_consent_institution_case FOREIGN KEY (case_id) REFERENCES financing_consent (case_id),
    CONSTRAINT fk_financing_consent_institution_unit FOREIGN KEY (institution) REFERENCES unit (id)
)${tableOptions};

-- V47
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

-- V47
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

-- V47
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

-- V48: matchmaking events
CREATE TABLE financing_event (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    title         VARCHAR(200)  NOT NULL,
    held_on       DATE          NOT NULL,
    place         VARCHAR(200)  NOT NULL,
    theme         VARCHAR(200)  NOT NULL,
    organiser     VARCHAR(32)   NOT NULL,
    co_organisers VARCHAR(64)   NOT NULL DEFAULT '',
    status        VARCHAR(16)   NOT NULL,
    created_by    VARCHAR(64)   NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    version       BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT ck_financing_event_status CHECK (status IN ('PLANNED', 'HELD', 'CANCELLED'))
)${tableOptions};

CREATE INDEX ix_financing_event_held_on ON financing_event (held_on);

-- V48
CREATE TABLE financing_event_institution (
    event_id    BIGINT        NOT NULL,
    institution VARCHAR(32)   NOT NULL,
    invited_by  VARCHAR(64)   NOT NULL,
    invited_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (event_id, institution),
    CONSTRAINT fk_financing_event_institution_event FOREIGN KEY (event_id) REFERENCES financing_event (id),
    CONSTRAINT fk_financing_event_institution_unit FOREIGN KEY (institution) REFERENCES financial_institution (unit_id)
)${tableOptions};

-- V48
CREATE TABLE financing_event_registration (
    event_id      BIGINT        NOT NULL,
    case_id       BIGINT        NOT NULL,
    registered_by VARCHAR(64)   NOT NULL,
    registered_at DATETIME(6)   NOT NULL,
    PRIMARY KEY (event_id, case_id),
    CONSTRAINT fk_financing_event_registration_event FOREIGN KEY (event_id) REFERENCES financing_event (id),
    CONSTRAINT fk_financing_event_registration_demand FOREIGN KEY (case_id) REFERENCES financing_demand (case_id)
)${tableOptions};

CREATE INDEX ix_financing_event_registration_case ON financing_event_registration (case_id);

-- V48
CREATE TABLE financing_event_outcome (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    event_id         BIGINT        NOT NULL,
    case_id          BIGINT        NOT NULL,
    institution      VARCHAR(32)   NOT NULL,
    intention_signed BOOLEAN       NOT NULL,
    intended_amount  DECIMAL(18,2),
    note             VARCHAR(500),
    recorded_by      VARCHAR(64)   NOT NULL,
    recorded_at      DATETIME(6)   NOT NULL,
    CONSTRAINT uq_financing_event_outcome UNIQUE (event_id, case_id, institution),
    CONSTRAINT fk_financing_event_outcome_registration FOREIGN KEY (event_id, case_id) REFERENCES financing_event_registration (event_id, case_id),
    CONSTRAINT fk_financing_event_outcome_invited FOREIGN KEY (event_id, institution) REFERENCES financing_event_institution (event_id, institution)
)${tableOptions};

-- V49: guide funds
CREATE TABLE guide_fund (
    id               VARCHAR(32)   NOT NULL PRIMARY KEY,
    name_zh          VARCHAR(100)  NOT NULL,
    name_en          VARCHAR(200)  NOT NULL,
    manager_zh       VARCHAR(200)  NOT NULL,
    manager_labelled BOOLEAN       NOT NULL,
    focus_zh         VARCHAR(300)  NOT NULL,
    focus_labelled   BOOLEAN       NOT NULL,
    sort_order       INT           NOT NULL
)${tableOptions};

INSERT INTO guide_fund (id, name_zh, name_en, manager_zh, manager_labelled, focus_zh, focus_labelled, sort_order) VALUES
    ('nc-modern-industry', '南昌市现代产业引导基金', 'Nanchang Modern Industry Guide Fund',
     '市产投集团（南昌市产业投资集团有限公司）下属基金管理机构', TRUE, '南昌市重点产业链的现代产业项目', TRUE, 1),
    ('nc-vr', '南昌市VR产业母基金', 'Nanchang VR Industry Fund of Funds',
     '市产投集团下属基金管理机构', TRUE, 'VR（虚拟现实）产业', FALSE, 2),
    ('jx-yingshanhong', '江西映山红股权投资基金', 'Jiangxi Yingshanhong Equity Investment Fund',
     '省级基金管理机构', TRUE, '拟上市及成长型企业的股权投资', TRUE, 3);

-- V49
CREATE TABLE equity_request (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    enterprise_id   BIGINT        NOT NULL,
    locality        VARCHAR(32)   NOT NULL,
    fund_id         VARCHAR(32),
    amount          DECIMAL(18,2) NOT NULL,
    purpose         VARCHAR(1000) NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    referred_fund   VARCHAR(32),
    invested_amount DECIMAL(18,2),
    declined_reason VARCHAR(1000),
    submitted_by    VARCHAR(64)   NOT NULL,
    submitted_at    DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_equity_request_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
    CONSTRAINT fk_equity_request_locality FOREIGN KEY (locality) REFERENCES unit (id),
    CONSTRAINT fk_equity_request_fund FOREIGN KEY (fund_id) REFERENCES guide_fund (id),
    CONSTRAINT fk_equity_request_referred FOREIGN KEY (referred_fund) REFERENCES guide_fund (id),
    CONSTRAINT ck_equity_request_status CHECK (status IN ('SUBMITTED', 'REFERRED', 'DUE_DILIGENCE', 'INVESTED', 'DECLINED'))
)${tableOptions};

CREATE INDEX ix_equity_request_enterprise ON equity_request (enterprise_id);
CREATE INDEX ix_equity_request_locality ON equity_request (locality);

-- V49
CREATE TABLE equity_request_log (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    request_id  BIGINT        NOT NULL,
    from_status VARCHAR(16),
    to_status   VARCHAR(16)   NOT NULL,
    detail      VARCHAR(1000),
    acted_by    VARCHAR(64)   NOT NULL,
    acted_at    DATETIME(6)   NOT NULL,
    CONSTRAINT fk_equity_request_log_request FOREIGN KEY (request_id) REFERENCES equity_request (id)
)${tableOptions};

CREATE INDEX ix_equity_request_log_request ON equity_request_log (request_id, id);

-- V51: the fulfilment board
CREATE TABLE board_case (
    case_id                  BIGINT        NOT NULL PRIMARY KEY,
    case_number              VARCHAR(32)   NOT NULL,
    measure                  VARCHAR(8)    NOT NULL,
    locality_unit_id         VARCHAR(64),
    status                   VARCHAR(40)   NOT NULL,
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
    locality_days            INT,
    city_days                INT,
    notice_days              INT,
    payment_days             INT,
    approval_to_payment_days INT,
    end_to_end_days          INT,
    approved_amount          DECIMAL(17,2),
    paid_amount              DECIMAL(17,2),
    ever_overdue             BOOLEAN       NOT NULL DEFAULT FALSE,
    updated_at               DATETIME(6)   NOT NULL,
    row_token                BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_board_case_case FOREIGN KEY (case_id) REFERENCES case_record (id)
)${tableOptions};

CREATE INDEX ix_board_case_measure ON board_case (measure, locality_unit_id);
CREATE INDEX ix_board_case_locality ON board_case (locality_unit_id, measure);

-- V53
CREATE TABLE payment_file_export (
    id            BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    settlement_id BIGINT         NOT NULL,
    format        VARCHAR(8)     NOT NULL,
    line_count    INT            NOT NULL,
    total         DECIMAL(17,2)  NOT NULL,
    sha256        CHAR(64)       NOT NULL,
    exported_by   VARCHAR(64)    NOT NULL,
    exported_at   DATETIME(6)    NOT NULL,
    CONSTRAINT fk_payment_file_export_settlement FOREIGN KEY (settlement_id) REFERENCES settlement (id)
)${tableOptions};

CREATE INDEX ix_payment_file_export_settlement ON payment_file_export (settlement_id, exported_at);

-- V22, V26, V40: Camunda's tables, for the task lists (docs/performance.md, "Task lists")
create unique index ACT_UNIQ_IDENT_LNK_GROUP_TASK on ACT_RU_IDENTITYLINK (GROUP_ID_, TYPE_, TASK_ID_);
create index ACT_IDX_AUTH_GROUP_PERMS on ACT_RU_AUTHORIZATION (GROUP_ID_, TYPE_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_);
