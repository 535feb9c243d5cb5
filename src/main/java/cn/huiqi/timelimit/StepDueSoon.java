package cn.huiqi.timelimit;

import java.time.Instant;

/** A step of a case reached 80 % of its time limit (published once per step and task). */
public record StepDueSoon(long caseId, String taskId, String step, String unit, Instant due) {
}
