package cn.huiqi.timelimit;

import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

import cn.huiqi.process.LoggedWhenRun;

/**
 * The timer jobs ({@value #TYPE}) that checked a limited task before V58, one per task: a database upgraded with
 * tasks open keeps them, and each does, when due, the check of its task's clock that {@link TimeLimitSweep} does for
 * clocks opened since ({@link TimeLimits#check}); one whose task has ended does nothing. None is scheduled any more.
 */
class TimeLimitJobs implements JobHandler<TimeLimitJobs.Check>, LoggedWhenRun {

    static final String TYPE = "huiqi-time-limit";

    enum Kind { REMINDER, OVERDUE, SUPPLEMENT_REMINDER }

    /** Which task (its clock is the one running for it), which check. */
    record Check(String taskId, Kind kind) implements JobHandlerConfiguration {

        @Override
        public String toCanonicalString() {
            return taskId + ":" + kind;
        }

        /** Also a check scheduled before clocks were found by their task: "clockId:taskId:kind" (the task finds the same clock). */
        static Check parse(String canonical) {
            String[] parts = canonical.split(":");
            return new Check(parts[parts.length - 2], Kind.valueOf(parts[parts.length - 1]));
        }
    }

    private final Supplier<TimeLimits> timeLimits;

    TimeLimitJobs(Supplier<TimeLimits> timeLimits) {
        this.timeLimits = timeLimits;
    }

    @Override
    public String getType() {
        return TYPE;
    }

    @Override
    public void execute(Check check, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
        timeLimits.get().checkTask(check.taskId());
    }

    @Override
    public Check newConfiguration(String canonicalString) {
        return Check.parse(canonicalString);
    }

    @Override
    public void onDelete(Check configuration, JobEntity jobEntity) {
    }
}
