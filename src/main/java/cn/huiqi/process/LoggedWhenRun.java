package cn.huiqi.process;

/**
 * A job handler whose jobs the engine's job log records only when they run (successful or failed), under history
 * level {@code case-audit} ({@link CaseAuditHistoryLevel}): their creation, and their deletion unrun, are not logged.
 * For checks that are scheduled with every task and deleted when it ends in time, so that the log's rows would say
 * only that a task existed; what such a job watches must be kept by its owner (e.g. {@code step_clock}).
 */
public interface LoggedWhenRun {
}
