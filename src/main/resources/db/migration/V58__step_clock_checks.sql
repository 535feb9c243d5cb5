-- 办理时限 checks by one sweep (cn.huiqi.timelimit.TimeLimitSweep) instead of an engine timer job per task: check_at is
-- when a running clock next needs looking at (its reminder, then its due instant), null when it needs none (stopped,
-- paused, reminded and overdue). Clocks running before this version keep the timer jobs they were given
-- (handler huiqi-time-limit), which do the same check when they fall due.
ALTER TABLE step_clock ADD COLUMN check_at DATETIME(6);

CREATE INDEX ix_step_clock_check ON step_clock (check_at);
