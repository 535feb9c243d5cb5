-- Provisional figures (issue 15 item 5; cn.huiqi.claim.ProvisionalRates): a reward decided by a decision version whose
-- rates are the system's labelled defaults ("系统默认值" in the table: M2 growth-reward, M3 investment-reward) is shown
-- as provisional until policy staff confirm that version's rates (POST /api/rules/{key}/versions/{version}/confirmation).
-- One row per confirmed version; a version is confirmed once.
CREATE TABLE rule_rate_confirmation (
    decision_key   VARCHAR(64)   NOT NULL,
    version        INT           NOT NULL,
    definition_id  VARCHAR(64)   NOT NULL,
    note           VARCHAR(1000) NOT NULL,
    confirmed_by   VARCHAR(64)   NOT NULL,
    confirmed_at   DATETIME(6)   NOT NULL,
    CONSTRAINT pk_rule_rate_confirmation PRIMARY KEY (decision_key, version)
)${tableOptions};
