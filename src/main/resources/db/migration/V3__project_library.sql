-- Measure 4 (强化项目服务): the project library (项目库) and its monthly progress reports (实物工作量).
-- Definitions (lists, investment progress) are documented in docs/projects.md and cn.huiqi.project.

-- One industrial investment project. status is derived from the actual dates on every write
-- (PLANNED 计划 / UNDER_CONSTRUCTION 在建 / COMPLETED 完工) and kept as a column for filtering.
CREATE TABLE project (
    id                           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    enterprise_id                BIGINT        NOT NULL,
    locality_unit_id             VARCHAR(32)   NOT NULL,
    name                         VARCHAR(200)  NOT NULL,
    project_type                 VARCHAR(16)   NOT NULL,
    planned_total_investment     DECIMAL(17,2) NOT NULL,
    planned_equipment_investment DECIMAL(17,2) NOT NULL,
    planned_start                DATE          NOT NULL,
    planned_completion           DATE          NOT NULL,
    actual_start                 DATE,
    actual_completion            DATE,
    major                        BOOLEAN       NOT NULL,
    status                       VARCHAR(24)   NOT NULL,
    created_by                   VARCHAR(64)   NOT NULL,
    created_at                   DATETIME(6)   NOT NULL,
    updated_by                   VARCHAR(64)   NOT NULL,
    updated_at                   DATETIME(6)   NOT NULL,
    row_version                  BIGINT        NOT NULL,
    CONSTRAINT uq_project_enterprise_name UNIQUE (enterprise_id, name),
    CONSTRAINT fk_project_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
    CONSTRAINT fk_project_locality FOREIGN KEY (locality_unit_id) REFERENCES unit (id),
    CONSTRAINT ck_project_type CHECK (project_type IN ('new', 'renovation')),
    CONSTRAINT ck_project_amounts CHECK (planned_total_investment > 0 AND planned_equipment_investment >= 0
        AND planned_equipment_investment <= planned_total_investment),
    CONSTRAINT ck_project_planned_dates CHECK (planned_completion >= planned_start)
)${tableOptions};

CREATE INDEX ix_project_locality ON project (locality_unit_id);

-- One monthly report per project and month (report_month 'YYYY-MM'). Amounts are CUMULATIVE since the
-- project began (自开工累计完成投资), equipment investment (其中设备投资) reported separately.
CREATE TABLE project_report (
    id                      BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    project_id              BIGINT        NOT NULL,
    report_month            VARCHAR(7)    NOT NULL,
    cumulative_investment   DECIMAL(17,2) NOT NULL,
    cumulative_equipment    DECIMAL(17,2) NOT NULL,
    note                    VARCHAR(500),
    reported_by             VARCHAR(64)   NOT NULL,
    reported_at             DATETIME(6)   NOT NULL,
    corrected_by            VARCHAR(64),
    corrected_at            DATETIME(6),
    row_version             BIGINT        NOT NULL,
    CONSTRAINT uq_project_report_month UNIQUE (project_id, report_month),
    CONSTRAINT fk_project_report_project FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT ck_project_report_amounts CHECK (cumulative_investment >= 0 AND cumulative_equipment >= 0
        AND cumulative_equipment <= cumulative_investment)
)${tableOptions};

-- Audit of every change to a project or a report: who, when, what (old -> new values, reason).
CREATE TABLE project_event (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    project_id   BIGINT        NOT NULL,
    report_month VARCHAR(7),
    occurred_at  DATETIME(6)   NOT NULL,
    actor        VARCHAR(64)   NOT NULL,
    action       VARCHAR(32)   NOT NULL,
    detail       VARCHAR(2000),
    CONSTRAINT fk_project_event_project FOREIGN KEY (project_id) REFERENCES project (id)
)${tableOptions};

CREATE INDEX ix_project_event_project ON project_event (project_id, occurred_at);
