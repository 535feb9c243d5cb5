-- Measure 8 (issue 18, item 5): the three guide funds 洪府办发〔2023〕81号 第8条 names, and enterprises' equity-financing
-- requests, screened by 市产投集团 (ctjt): SUBMITTED 待筛选 → REFERRED 已推荐至基金管理人 → DUE_DILIGENCE 尽职调查中 →
-- INVESTED 已投资 (amount) | DECLINED 未获投资 (reason, from any open step). Names are the policy's; a manager or focus the
-- policy does not publish is a system default awaiting confirmation (*_labelled: shown 系统默认值，待确认). docs/financing.md "Guide funds".
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

-- every step: submitted, referred (fund), due diligence, invested (amount), declined (reason); who and when
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
