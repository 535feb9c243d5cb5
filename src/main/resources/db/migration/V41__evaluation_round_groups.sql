-- Locality evaluation (docs/evaluation.md "Groups"): the grouping a round is ranked by is recorded on the round when it
-- is opened (like its rule versions, evaluation_rule_version), so a later change of evaluation_locality_group never
-- re-ranks a past round. Rounds opened before this migration get today's grouping (the one they were ranked by so far).
CREATE TABLE evaluation_round_group (
    round_id    BIGINT       NOT NULL,
    unit_id     VARCHAR(32)  NOT NULL,
    group_code  VARCHAR(32)  NOT NULL,
    PRIMARY KEY (round_id, unit_id),
    CONSTRAINT fk_evaluation_round_group_round FOREIGN KEY (round_id) REFERENCES evaluation_round (id),
    CONSTRAINT fk_evaluation_round_group_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
    CONSTRAINT ck_evaluation_round_group_code CHECK (group_code IN ('DISTRICT', 'COUNTY', 'DEVELOPMENT_ZONE'))
)${tableOptions};

INSERT INTO evaluation_round_group (round_id, unit_id, group_code)
SELECT r.id, g.unit_id, g.group_code FROM evaluation_round r CROSS JOIN evaluation_locality_group g;

-- Every change of the default grouping by 市工信局 (PUT /api/evaluations/locality-groups): never updated or deleted.
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
