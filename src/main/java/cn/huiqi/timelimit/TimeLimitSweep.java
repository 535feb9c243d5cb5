package cn.huiqi.timelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.huiqi.process.LoggedWhenFailed;

/**
 * The checks of the time limits: one engine timer job ({@value #TYPE}, no process instance) that looks for the running
 * step clocks whose check is due ({@code step_clock.check_at}) and checks each ({@link TimeLimits#check}), then
 * schedules itself again {@code huiqi.time-limits.check-every} later (at once when it found a full batch). Being an
 * engine job, it runs on one node at a time however many there are, follows the engine's clock (tests move it with
 * ClockUtil and run the job) and survives restarts; a task costs the engine no job of its own. Each clock is checked in
 * a transaction of its own, so one that fails (logged, tried again an hour later) holds up no other.
 */
class TimeLimitSweep implements JobHandler<TimeLimitSweep.Sweep>, LoggedWhenFailed {

    static final String TYPE = "huiqi-time-limit-sweep";
    /** Clocks checked per run. */
    static final int BATCH = 100;
    /** A clock whose check failed is tried again this much later. */
    static final Duration RETRY = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(TimeLimitSweep.class);

    /** The job's configuration: none. */
    record Sweep() implements JobHandlerConfiguration {
        @Override
        public String toCanonicalString() {
            return "";
        }
    }

    private final Supplier<TimeLimits> timeLimits;
    private final Supplier<Duration> every;

    TimeLimitSweep(Supplier<TimeLimits> timeLimits, Supplier<Duration> every) {
        this.timeLimits = timeLimits;
        this.every = every;
    }

    @Override
    public String getType() {
        return TYPE;
    }

    @Override
    public void execute(Sweep sweep, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
        Instant now = TimeLimits.now();
        List<StepClock> due = timeLimits.get().checksDue(now, BATCH);
        CommandExecutor ownTransaction = commandContext.getProcessEngineConfiguration().getCommandExecutorTxRequiresNew();
        for (StepClock clock : due) {
            try {
                ownTransaction.execute(context -> {
                    timeLimits.get().check(clock);
                    return null;
                });
            } catch (RuntimeException e) {
                log.error("Time-limit check of step clock {} (case {}, step {}) failed; trying again in {}", clock.id(), clock.caseId(),
                        clock.step(), RETRY, e);
                ownTransaction.execute(context -> {
                    timeLimits.get().postponeCheck(clock, now.plus(RETRY));
                    return null;
                });
            }
        }
        schedule(commandContext, due.size() == BATCH ? now : now.plus(every.get()));
    }

    private static void schedule(CommandContext commandContext, Instant at) {
        TimerEntity timer = new TimerEntity();
        timer.setJobHandlerType(TYPE);
        timer.setJobHandlerConfigurationRaw("");
        timer.setDuedate(Date.from(at));
        commandContext.getJobManager().schedule(timer);
    }

    /**
     * At start: the sweep's job, unless there is one, under the engine's exclusive lock (two nodes starting together
     * create one between them); one left without retries by failures is given them back, so a restart resumes the checks.
     */
    static void ensureScheduled(ProcessEngineConfigurationImpl configuration) {
        configuration.getCommandExecutorTxRequired().execute(commandContext -> {
            commandContext.getPropertyManager().acquireExclusiveLock();
            List<Job> jobs = commandContext.getJobManager().findJobsByHandlerType(TYPE);
            if (jobs.isEmpty()) {
                schedule(commandContext, TimeLimits.now());
            }
            for (Job job : jobs) {
                if (job.getRetries() == 0) {
                    ((JobEntity) job).setRetries(JobEntity.DEFAULT_RETRIES);
                }
            }
            return null;
        });
    }

    @Override
    public Sweep newConfiguration(String canonicalString) {
        return new Sweep();
    }

    @Override
    public void onDelete(Sweep configuration, JobEntity jobEntity) {
    }
}
