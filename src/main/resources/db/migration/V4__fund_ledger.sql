-- The fund (洪府办发〔2023〕81号: 1亿元 for the whole package; measure 1 capped at 500万).
-- See docs/fund.md and cn.huiqi.fund.FundLedger for the state machine and the invariant.

-- One row per pool: PACKAGE (the package fund) and M1..M9 (one per measure). cap comes from
-- configuration (huiqi.fund.*), written at every start by cn.huiqi.fund.FundPoolSetup. reserved,
-- committed and paid are RUNNING BALANCES kept in step with fund_entry inside the same transaction;
-- they exist so the row can be locked (SELECT ... FOR UPDATE) and so the database itself refuses an
-- overspend (ck_fund_pool_within_cap). The truth is fund_entry; FundLedger.check() compares the two.
-- PACKAGE has no entries of its own: its figures are the sums over all measure pools.
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
('PACKAGE', '政策资金总额（1亿元）', 'Package fund (CNY 100 million)', 100000000.00, 0, 0, 0, 0, CURRENT_TIMESTAMP),
('M1', '措施1 支持工业企业拓展国内国际市场', 'Measure 1: domestic and international markets (order reward)', 5000000.00, 0, 0, 0, 1, CURRENT_TIMESTAMP),
('M2', '措施2 支持工业企业增产扩产', 'Measure 2: production growth reward', 0, 0, 0, 0, 2, CURRENT_TIMESTAMP),
('M3', '措施3 支持工业项目加快投资', 'Measure 3: project investment reward', 0, 0, 0, 0, 3, CURRENT_TIMESTAMP),
('M4', '措施4 强化项目服务', 'Measure 4: project service', 0, 0, 0, 0, 4, CURRENT_TIMESTAMP),
('M5', '措施5 支持制造业高质量发展试验区建设', 'Measure 5: manufacturing high-quality development pilot zones', 0, 0, 0, 0, 5, CURRENT_TIMESTAMP),
('M6', '措施6 持续提升工业发展贡献度', 'Measure 6: contribution to industrial development', 0, 0, 0, 0, 6, CURRENT_TIMESTAMP),
('M7', '措施7 常态化开展帮扶工作', 'Measure 7: regular assistance', 0, 0, 0, 0, 7, CURRENT_TIMESTAMP),
('M8', '措施8 拓宽融资渠道', 'Measure 8: financing channels', 0, 0, 0, 0, 8, CURRENT_TIMESTAMP),
('M9', '措施9 加快政策兑现', 'Measure 9: faster fulfilment', 0, 0, 0, 0, 9, CURRENT_TIMESTAMP);

-- Append-only ledger: one row per movement of money of one case in its measure pool.
--   RESERVE  at city approval                         (nothing -> reserved)
--   RELEASE  rejection, objection upheld, remainder  (reserved -> free, or committed -> free: released_from)
--   COMMIT   at settlement                            (reserved -> committed)
--   PAY      at disbursement                          (committed -> paid)
-- paid_case_id is set on PAY rows only: at most one payment per case, whatever the code does.
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
    CONSTRAINT fk_fund_entry_case FOREIGN KEY (case_id) REFERENCES reward_case (id),
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
