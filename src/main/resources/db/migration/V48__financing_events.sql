-- Measure 8 (issue 18, item 4): industry–finance matchmaking events (产融对接活动). 市金融办 (jrb) organises and creates
-- them; 市工信局 (gxj) and 市中小企业局 (zxqyj) may be named co-organisers (co_organisers: comma list), who then invite
-- institutions and record outcomes too. Status PLANNED 筹备中 → HELD 已举办 | CANCELLED 已取消. docs/financing.md "Matchmaking events".
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

-- institutions invited (financial_institution units)
CREATE TABLE financing_event_institution (
    event_id    BIGINT        NOT NULL,
    institution VARCHAR(32)   NOT NULL,
    invited_by  VARCHAR(64)   NOT NULL,
    invited_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (event_id, institution),
    CONSTRAINT fk_financing_event_institution_event FOREIGN KEY (event_id) REFERENCES financing_event (id),
    CONSTRAINT fk_financing_event_institution_unit FOREIGN KEY (institution) REFERENCES financial_institution (unit_id)
)${tableOptions};

-- an open financing demand registered for the event (by its enterprise, or by jrb for a demand it put on the next event)
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

-- after the event: per registered demand and invited institution, whether an intention was signed and for how much
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
