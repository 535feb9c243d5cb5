package cn.huiqi.process;

/**
 * A job handler whose jobs the engine's job log records only when they fail, under history level {@code case-audit}
 * ({@link CaseAuditHistoryLevel}): for a job the engine runs over and over with no process instance (e.g. every
 * minute), whose successful runs would be rows without end (no process instance, so no removal time) saying only that
 * it ran. What such a job does must be kept by its owner; a failure is logged with its stack trace, and the incident
 * shows in Cockpit.
 */
public interface LoggedWhenFailed {
}
