package cn.huiqi.timelimit;

import java.time.Instant;
import java.util.Date;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;

import cn.huiqi.process.LoggedWhenRun;

/**
 * The checks of a limited task are engine timer jobs on the task's execution ({@value #TYPE}): they survive a
 * restart, run once on any number of nodes (the engine locks a job), follow the engine's clock (tests move it with
 * ClockUtil and execute the due jobs), and are deleted with the task's execution or when the task ends. The job log
 * keeps their runs only ({@link LoggedWhenRun}): most are deleted unrun when the task ends in time, and the clock they
 * watch (start, due, reminded, overdue) is {@code step_clock}'s.
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

    /** Schedules a check in the current engine command. */
    static void schedule(ExecutionEntity execution, Instant at, Check check) {
        TimerEntity timer = new TimerEntity();
        timer.setJobHandlerType(TYPE);
        timer.setJobHandlerConfigurationRaw(check.toCanonicalString());
        timer.setDuedate(Date.from(at));
        timer.setExecution(execution);
        Context.getCommandContext().getJobManager().schedule(timer);
    }

    /** Deletes the checks of a task that ended. */
    static void cancel(ExecutionEntity execution, String taskId) {
        for (JobEntity job : java.util.List.copyOf(execution.getJobs())) {
            if (TYPE.equals(job.getJobHandlerType()) && Check.parse(job.getJobHandlerConfigurationRaw()).taskId().equals(taskId)) {
                job.delete();
            }
        }
    }

    @Override
    public String getType() {
        return TYPE;
    }

    @Override
    public void execute(Check check, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
        timeLimits.get().check(check, execution);
    }

    @Override
    public Check newConfiguration(String canonicalString) {
        return Check.parse(canonicalString);
    }

    @Override
    public void onDelete(Check configuration, JobEntity jobEntity) {
    }
}
