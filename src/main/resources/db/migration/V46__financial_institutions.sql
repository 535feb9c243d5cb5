-- Measure 8 (issue 18, item 1): financial institutions (banks, guarantee institutions, fund managers) take part in the
-- financing demands and matchmaking events. An institution IS a unit (kind INSTITUTION: its staff are the group of the
-- same id) plus this row; it never appears where localities, city bureaus or handling units are listed or routed
-- (UnitRepository's lists leave kind INSTITUTION out), and its group gets no engine authorizations (no Tasklist, no
-- Cockpit, no /engine-rest). demo: a quick-start demo institution, shown labelled 演示.
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
