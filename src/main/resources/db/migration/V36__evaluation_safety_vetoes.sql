-- Measure 6's safety veto (docs/evaluation.md "Scoring and ranking"): the system's reading of "在保障生产安全的前提下"
-- — a locality with a 重特大安全生产事故 in the year is still ranked but gets no award. Entered and revoked by 市工信局
-- (gxj) with a reason and an evidence reference; rows are never deleted (a revocation fills the revoked_* columns),
-- so the table is its own audit. active_unit = unit_id while in force, NULL once revoked: at most one veto in force
-- per locality and year (NULLs do not collide in a unique key).
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
