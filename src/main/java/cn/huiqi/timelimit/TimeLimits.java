package cn.huiqi.timelimit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import cn.huiqi.calendar.WorkingDays;

/**
 * The time limits of user tasks, on the working-day clock and the engine's clock ({@code ClockUtil}). Every user task
 * of every model passes through here when it is created and when it ends ({@link TimeLimitPlugin}); a task whose
 * measure and step have a configured limit ({@link TimeLimitProperties}) gets its due date and two checks: the
 * reminder at {@code reminder-percent} of the limit ({@link StepDueSoon}) and the limit itself ({@link StepOverdue}
 * and a 督办 item for the lead unit). The clock records when it next needs a check ({@code step_clock.check_at}: the
 * reminder, then the due instant); one engine job looks for the clocks due ({@link TimeLimitSweep}), so a task costs
 * the engine no job of its own. A supplement task pauses its step's clock; its own deadline is its due date, with a
 * reminder before it ({@link SupplementDeadlineNear}); the boundary timer of the model withdraws the case when it
 * passes ({@link #supplementDeadline}).
 */
@Component("timeLimits")
public class TimeLimits {

    private final TimeLimitProperties properties;
    private final WorkingDays workingDays;
    private final StepClocks clocks;
    private final StepSubject subjects;
    private final ApplicationEventPublisher events;
    private final java.util.List<StepLimits> measureLimits;

    TimeLimits(TimeLimitProperties properties, WorkingDays workingDays, StepClocks clocks, StepSubject subjects,
               ApplicationEventPublisher events, java.util.List<StepLimits> measureLimits) {
        this.measureLimits = measureLimits;
        this.properties = properties;
        this.workingDays = workingDays;
        this.clocks = clocks;
        this.subjects = subjects;
        this.events = events;
    }

    /**
     * The enterprise's supplement deadline for a supplement task starting now: the interrupting boundary timer of
     * the supplement task, {@code <timeDate>${timeLimits.supplementDeadline(execution)}</timeDate>}.
     */
    public Date supplementDeadline(DelegateExecution execution) {
        return Date.from(workingDays.deadline(now(), properties.getSupplement().getDeadline()));
    }

    void taskCreated(DelegateTask task) {
        String step = task.getTaskDefinitionKey();
        String pausedStep = properties.getSupplement().getPauses().get(step);
        Integer limit = pausedStep != null ? Integer.valueOf(properties.getSupplement().getDeadline()) : null;
        if (!limited(step)) {
            return;
        }
        Optional<StepSubject.Subject> found = subjects.of(task.getExecution());
        if (found.isEmpty()) {
            return;
        }
        StepSubject.Subject subject = found.get();
        Optional<StepLimits> own = pausedStep != null ? Optional.empty() : ownLimits(subject.measure(), step);
        if (limit == null) {
            limit = limitOf(subject, step);
            if (limit == null) {
                return;
            }
        }
        Instant now = now();
        ExecutionEntity execution = (ExecutionEntity) task.getExecution();
        ExecutionEntity scopeExecution = scopeExecutionOf(execution);
        String scope = scopeExecution.getId();
        if (pausedStep != null) {
            clocks.waiting(scope, pausedStep).ifPresent(clock -> clocks.pause(clock.id(), now));
            Instant due = workingDays.deadline(now, limit);
            clocks.open(subject.caseId(), subject.measure(), execution.getProcessInstanceId(), scope, step, task.getName(),
                    StepClock.Kind.SUPPLEMENT, null, limit, task.getId(), now, due,
                    workingDays.deadline(now, limit - properties.getSupplement().getReminderBefore()));
            task.setDueDate(Date.from(due));
            return;
        }
        StepClock clock = isNew(scopeExecution) ? null : clocks.paused(scope, step)
                .or(() -> own.isPresent() ? clocks.waiting(scope, step) : Optional.empty()).orElse(null);
        int elapsed = clock == null ? 0 : clock.elapsedDays();
        Instant due = workingDays.deadline(now, Math.max(0, limit - elapsed));
        // the first check: the reminder, unless the step's earlier task had it; then the due instant, unless overdue already
        int reminderAfter = limit * properties.getReminderPercent() / 100;
        Instant checkAt = clock == null || clock.remindedAt() == null
                ? (reminderAfter > elapsed ? workingDays.deadline(now, reminderAfter - elapsed) : now)
                : clock.overdueAt() == null ? due : null;
        if (clock == null) {
            clocks.open(subject.caseId(), subject.measure(), execution.getProcessInstanceId(), scope, step, task.getName(),
                    StepClock.Kind.STEP, unitOf(task), limit, task.getId(), now, due, checkAt);
        } else {
            clocks.run(clock.id(), task.getId(), now, due, checkAt);
        }
        task.setDueDate(Date.from(due));
    }

    /** Whether tasks of this step may get a clock: the step has a limit somewhere (configured or a measure's own), or it pauses one. */
    private boolean limited(String step) {
        return properties.getSupplement().getPauses().get(step) != null
                || properties.getSteps().values().stream().anyMatch(steps -> steps.containsKey(step))
                || measureLimits.stream().anyMatch(limits -> limits.steps().contains(step));
    }

    private Optional<StepLimits> ownLimits(String measure, String step) {
        return measureLimits.stream().filter(limits -> limits.measure().equals(measure) && limits.steps().contains(step)).findFirst();
    }

    /** The limit of a case's step: the measure's own ({@link StepLimits}), else the configured one, else null. */
    private Integer limitOf(StepSubject.Subject subject, String step) {
        Optional<StepLimits> own = ownLimits(subject.measure(), step);
        if (own.isPresent() && subject.caseId() != null) {
            java.util.OptionalInt days = own.get().limitOf(subject.caseId(), step);
            if (days.isPresent()) {
                return days.getAsInt();
            }
        }
        return properties.getSteps().getOrDefault(subject.measure(), Map.of()).get(step);
    }

    /**
     * The instant {@code workingDaysAfter} working days after the limit of the step about to start in this scope
     * (its days already used in the scope deducted): the date of a non-interrupting boundary timer that opens a
     * 督办 task for a step long overdue, {@code ${timeLimits.pastLimit(execution, 'Task_Handle', 5)}}. A step
     * without a limit: far in the future (never).
     */
    public Date pastLimit(DelegateExecution execution, String step, int workingDaysAfter) {
        Optional<StepSubject.Subject> subject = subjects.of(execution);
        Integer limit = subject.map(found -> limitOf(found, step)).orElse(null);
        if (limit == null) {
            return Date.from(now().plus(java.time.Duration.ofDays(36500)));
        }
        String scope = scopeOf((ExecutionEntity) execution);
        int elapsed = clocks.paused(scope, step).or(() -> clocks.waiting(scope, step)).map(StepClock::elapsedDays).orElse(0);
        Instant due = workingDays.deadline(now(), Math.max(0, limit - elapsed));
        return Date.from(workingDays.endOf(workingDays.lastDayOf(lastDayOf(due), workingDaysAfter)));
    }

    /**
     * The scope was created in this engine command (it is not in the database yet), so no clock of it can wait to be
     * resumed: a clock waits (or is paused) only after a task of the scope has ended, which is a later command.
     */
    private static boolean isNew(ExecutionEntity scope) {
        CommandContext command = Context.getCommandContext();
        return command != null && command.getDbEntityManager().getDbEntityCache().isTransient(scope);
    }

    /**
     * The task was completed or deleted (cancelled, or its supplement deadline passed): its clock stops. A clock
     * running since the task's creation day and never overdue (nearly every one: a clock starts running with its task)
     * is stopped by one UPDATE that says so ({@link #stoppedAtOnce}); any other is read, then stopped as it needs.
     */
    void taskEnded(DelegateTask task, boolean completed) {
        Instant now = now();
        boolean unpauses = !completed && properties.getSupplement().getPauses().get(task.getTaskDefinitionKey()) != null;
        if (!unpauses && limited(task.getTaskDefinitionKey()) && stoppedAtOnce(task, now)) {
            return;
        }
        Optional<StepClock> found = clocks.byTask(task.getId());
        if (found.isEmpty()) {
            return;
        }
        StepClock clock = found.get();
        int used = workingDays.workingDaysBetween(day(clock.runningSince()), day(now));
        // a 督办 item is opened only with the clock's overdue_at (check, OVERDUE): none to close for a clock never overdue;
        // overdue_at is tested again on the locked row, as an overdue check may have committed since the clock was read
        if (clock.overdueAt() != null || !clocks.stopUnlessOverdue(clock.id(), clock.elapsedDays() + used, now)) {
            clocks.stop(clock.id(), clock.elapsedDays() + used, now);
            clocks.closeSupervision(clock.id(), now);
        }
        String pausedStep = properties.getSupplement().getPauses().get(clock.step());
        if (pausedStep != null && !completed) {
            clocks.paused(clock.scopeId(), pausedStep).ifPresent(paused -> clocks.unpause(paused.id(), now));
        }
    }

    /**
     * Stops the task's clock if it has been running since the day the task was created and has not been marked
     * overdue: then the working days it used are those from that day to today, the same the clock's own
     * {@code running_since} gives ({@link StepClocks#stopIfRunningSince}). The task's creation time only picks the day
     * to try; the row decides.
     */
    private boolean stoppedAtOnce(DelegateTask task, Instant now) {
        if (task.getCreateTime() == null) {
            return false;
        }
        LocalDate since = day(task.getCreateTime().toInstant());
        return clocks.stopIfRunningSince(task.getId(), since, workingDays.workingDaysBetween(since, day(now)), now);
    }

    /**
     * The clock's check is due ({@link TimeLimitSweep}, or a timer job given before V58, {@link TimeLimitJobs}): the
     * reminder if it has not been sent, then, for a step, overdue if its due instant has passed. Each is marked on the
     * clock's row only while the clock still runs for the same task, so it is published once and never for a task
     * that ended meanwhile.
     */
    void check(StepClock clock) {
        Instant now = now();
        long caseId = clock.caseId() == null ? 0 : clock.caseId();
        boolean step = clock.kind() == StepClock.Kind.STEP;
        if (clock.remindedAt() == null) {
            Instant next = step && clock.overdueAt() == null ? clock.dueAt() : null;
            if (!clocks.markReminded(clock.id(), clock.taskId(), now, next)) {
                return;
            }
            events.publishEvent(step ? new StepDueSoon(caseId, clock.taskId(), clock.step(), clock.unitId(), clock.dueAt())
                    : new SupplementDeadlineNear(caseId, lastDayOf(clock.dueAt())));
        }
        if (step && clock.overdueAt() == null && !clock.dueAt().isAfter(now) && clocks.markOverdue(clock.id(), clock.taskId(), now)) {
            StepSubject.Subject subject = subjectOf(clock);
            if (subject.leadUnit() != null) {
                clocks.openSupervision(clock, subject.name(), subject.leadUnit(), now);
            }
            events.publishEvent(new StepOverdue(caseId, clock.taskId(), clock.step(), clock.unitId(), subject.leadUnit(), clock.dueAt()));
        }
    }

    /** A case's clock: its case; any other (a settlement's, an evaluation round's): its process as it names itself, while it runs. */
    private StepSubject.Subject subjectOf(StepClock clock) {
        CommandContext command = Context.getCommandContext();
        ExecutionEntity process = clock.caseId() != null || command == null ? null
                : command.getExecutionManager().findExecutionById(clock.processInstanceId());
        return process == null ? subjects.ofClock(clock) : subjects.of(process).orElseGet(() -> subjects.ofClock(clock));
    }

    /** The running clocks whose check is due at {@code now}, at most {@code limit}. */
    List<StepClock> checksDue(Instant now, int limit) {
        return clocks.checksDue(now, limit);
    }

    /** Puts off a clock's check that failed until {@code later}, unless the clock has changed meanwhile. */
    void postponeCheck(StepClock clock, Instant later) {
        clocks.postponeCheck(clock.id(), clock.checkAt(), later);
    }

    /** The check of the clock running for this task, by a timer job given before V58; none when the task has ended. */
    void checkTask(String taskId) {
        clocks.byTask(taskId).ifPresent(this::check);
    }

    /** The last day of a period ending at {@code end} (24:00 of that day, Asia/Shanghai). */
    static LocalDate lastDayOf(Instant end) {
        return end.atZone(WorkingDays.CHINA).toLocalDate().minusDays(1);
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(WorkingDays.CHINA).toLocalDate();
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** The first candidate group of the task: the unit working on it. */
    private static String unitOf(DelegateTask task) {
        return task.getCandidates().stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId()).findFirst().orElse(null);
    }

    /**
     * The execution a step's tasks share: the scope around the task (the review chain's instance for 属地核实, one
     * unit's instance of the city-review subprocess for 市级审核), so the task after a supplement finds its clock and
     * city review after an objection (a new subprocess instance) starts a new one.
     */
    static String scopeOf(ExecutionEntity execution) {
        return scopeExecutionOf(execution).getId();
    }

    private static ExecutionEntity scopeExecutionOf(ExecutionEntity execution) {
        ExecutionEntity scope = execution;
        if (scope.getActivity() != null && scope.getActivity().isScope() && scope.getParent() != null
                && scope.getActivity().getId().equals(scope.getActivityId())) {
            scope = scope.getParent();
        }
        while (scope.isConcurrent() && scope.getParent() != null) {
            scope = scope.getParent();
        }
        return scope;
    }
}
