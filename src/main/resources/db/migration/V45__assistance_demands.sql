-- Measure 7 (帮扶): one demand (诉求) per M7 case, the units it was assigned to, visit records (走访) and the
-- enterprises that asked not to be visited without cause (无事不扰). docs/assistance.md "Data".

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

CREATE TABLE assistance_no_visit (
    enterprise_id BIGINT        NOT NULL PRIMARY KEY,
    since         DATETIME(6)   NOT NULL,
    recorded_by   VARCHAR(64)   NOT NULL,
    CONSTRAINT fk_assistance_no_visit_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id)
)${tableOptions};

-- every switch of 无事不扰, by whom and when (the audit of assistance_no_visit, which holds only the current state)
CREATE TABLE assistance_no_visit_log (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    enterprise_id BIGINT        NOT NULL,
    switched_on   BOOLEAN       NOT NULL,
    actor         VARCHAR(64)   NOT NULL,
    occurred_at   DATETIME(6)   NOT NULL,
    CONSTRAINT fk_assistance_no_visit_log_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id)
)${tableOptions};
