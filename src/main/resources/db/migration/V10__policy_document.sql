-- The policy documents whose measures the system runs (issue 11: the policy as data). Each measure
-- (a cn.huiqi.catalogue.Measure bean in its package) names its document by id; the application refuses
-- to start when a measure names a document that is not here (cn.huiqi.catalogue.PolicyDocuments).
-- fund_total is the package fund: the default cap of fund pool PACKAGE (huiqi.fund.package-cap overrides it).
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
