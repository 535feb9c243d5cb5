-- 办理时限 Time limits of steps (cn.huiqi.timelimit, docs/working-days.md "Time limits").
-- One step clock per step of a case in one scope of its process (属地核实 of the review chain; 市级审核 per reviewing
-- unit: each unit's instance of the multi-instance subprocess; 确认支付 of a settlement). Its tasks share it: when the
-- step's task ends (e.g. sent back for a supplement) the working days it used are added to elapsed_days and the clock
-- waits; the step's next task in the same scope (after the supplement) resumes it, due limit − elapsed working days
-- later. A new scope (city review again after an objection) starts a new clock. kind SUPPLEMENT: the enterprise's
-- supplement (补正) task, whose limit is its deadline.
CREATE TABLE step_clock (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    -- null: a step of no single case (a settlement's 确认支付)
    case_id             BIGINT,
    measure             VARCHAR(8)    NOT NULL,
    process_instance_id VARCHAR(64)   NOT NULL,
    scope_id            VARCHAR(64)   NOT NULL,
    step                VARCHAR(100)  NOT NULL,
    step_name           VARCHAR(200)  NOT NULL,
    kind                VARCHAR(10)   NOT NULL,
    -- the unit working on the step (candidate group of its task); null for the enterprise's supplement
    unit_id             VARCHAR(64),
    limit_days          INT           NOT NULL,
    -- working days used by the step's ended tasks
    elapsed_days        INT           NOT NULL,
    -- RUNNING: a task is open; WAITING: its task ended and the step waits (for a supplement, or it is done);
    -- PAUSED: waiting for the enterprise's supplement
    state               VARCHAR(10)   NOT NULL,
    task_id             VARCHAR(64),
    running_since       DATETIME(6),
    due_at              DATETIME(6),
    reminded_at         DATETIME(6),
    overdue_at          DATETIME(6),
    created_at          DATETIME(6)   NOT NULL,
    updated_at          DATETIME(6)   NOT NULL,
    CONSTRAINT ck_step_clock_kind CHECK (kind IN ('STEP', 'SUPPLEMENT')),
    CONSTRAINT ck_step_clock_state CHECK (state IN ('RUNNING', 'WAITING', 'PAUSED'))
)${tableOptions};

CREATE INDEX ix_step_clock_case ON step_clock (case_id, id);
CREATE INDEX ix_step_clock_scope ON step_clock (scope_id, step);
CREATE INDEX ix_step_clock_task ON step_clock (task_id);

-- 督办 items: a step passed its time limit; the measure's lead unit follows it up. Closed when the step's task ends.
CREATE TABLE supervision_item (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    step_clock_id       BIGINT        NOT NULL,
    case_id             BIGINT,
    -- the case number, or the settlement's process for a step of no single case
    subject             VARCHAR(100)  NOT NULL,
    measure             VARCHAR(8)    NOT NULL,
    step                VARCHAR(100)  NOT NULL,
    step_name           VARCHAR(200)  NOT NULL,
    -- the unit whose step is overdue, and the lead unit that supervises it
    unit_id             VARCHAR(64),
    lead_unit_id        VARCHAR(64)   NOT NULL,
    due_at              DATETIME(6)   NOT NULL,
    opened_at           DATETIME(6)   NOT NULL,
    closed_at           DATETIME(6),
    CONSTRAINT fk_supervision_clock FOREIGN KEY (step_clock_id) REFERENCES step_clock (id),
    CONSTRAINT uq_supervision_clock UNIQUE (step_clock_id)
)${tableOptions};

CREATE INDEX ix_supervision_lead ON supervision_item (lead_unit_id, closed_at);
