package cn.huiqi.timelimit;

import java.time.Instant;

/** A row of step_clock (V17): the time a step of a case has used in one scope of its process. */
record StepClock(long id, Long caseId, String measure, String processInstanceId, String scopeId, String step, String stepName,
                 Kind kind, String unitId, int limitDays, int elapsedDays, State state, String taskId, Instant runningSince,
                 Instant dueAt, Instant remindedAt, Instant overdueAt, Instant checkAt) {

    enum Kind { STEP, SUPPLEMENT }

    enum State { RUNNING, WAITING, PAUSED }
}
