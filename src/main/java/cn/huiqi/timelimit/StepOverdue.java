package cn.huiqi.timelimit;

import java.time.Instant;

/** A step of a case passed its time limit: the task is overdue and the lead unit got a 督办 item (published once). */
public record StepOverdue(long caseId, String taskId, String step, String unit, String leadUnit, Instant due) {
}
