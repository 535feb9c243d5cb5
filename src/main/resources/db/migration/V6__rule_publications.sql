-- Rules page (cn.huiqi.rules, docs/rules.md): what-if runs, publications of decision tables by policy
-- staff (publish and rollback, with a readable diff), and explicit re-evaluations of decided cases.
-- The tables themselves live in Camunda's repository (ACT_RE_DECISION_DEF / ACT_GE_BYTEARRAY); these
-- rows are the audit around them.

-- One what-if run of a draft against the cases decided so far. Its id is the token that publish must
-- present together with a draft whose SHA-256 equals draft_sha256 (server-enforced "what-if first").
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

-- One new version of a decision published from the rules page. kind PUBLISH: an edited draft;
-- ROLLBACK: the XML of restored_version published again as the newest version.
-- diff_json: [{"ruleId","ruleIndex","column","columnLabel","change","oldValue","newValue"}] against
-- previous_version (the latest version when it was published).
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
    CONSTRAINT uq_rule_publication_version UNIQUE (decision_key, version),
    CONSTRAINT ck_rule_publication_kind CHECK (kind IN ('PUBLISH', 'ROLLBACK')),
    CONSTRAINT ck_rule_publication_restored CHECK ((kind = 'ROLLBACK' AND restored_version IS NOT NULL)
        OR (kind = 'PUBLISH' AND restored_version IS NULL))
)${tableOptions};

-- An officer's explicit re-evaluation of one decided case with the version in force at that moment.
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
    CONSTRAINT fk_case_reevaluation_case FOREIGN KEY (case_id) REFERENCES reward_case (id)
)${tableOptions};

CREATE INDEX ix_case_reevaluation_case ON case_reevaluation (case_id, occurred_at);
