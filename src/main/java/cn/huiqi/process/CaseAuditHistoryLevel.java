package cn.huiqi.process;

import java.util.Set;

import org.camunda.bpm.engine.impl.bpmn.behavior.ExclusiveGatewayActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.behavior.MultiInstanceActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.behavior.NoneStartEventActivityBehavior;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.springframework.stereotype.Component;

/**
 * The engine's history level {@value #NAME} ({@code camunda.bpm.history-level}): everything level {@code full} keeps
 * except the log of every process-variable write (ACT_HI_DETAIL), the activity instances of exclusive gateways and
 * none start events, which the token passes in the same transaction, and the job log's rows for the creation and
 * unrun deletion of jobs whose handler is {@link LoggedWhenRun} (their runs are logged), all but the failures of jobs whose
 * handler is {@link LoggedWhenFailed}, and the multi-instance counters' variable history. Each variable's last value stays
 * (ACT_HI_VARINST, as {@code audit}), so do the user operation log, DMN evaluations with inputs and outputs, identity
 * links, incidents and the job log. What a reviewer submitted at each step is the case timeline's (actor, decision,
 * comment, time; measure 1's per-order results in {@code m1_order}), kept 30 years, so the variable log would be a
 * second, shorter-lived copy of it. docs/performance.md "History and retention". The engine records the level's id in
 * ACT_GE_PROPERTY and refuses to start on another; V54 moved existing databases from {@code full} to this one.
 */
@Component
class CaseAuditHistoryLevel extends AbstractProcessEnginePlugin {

    static final String NAME = "case-audit";
    /** Not 0-3 (the engine's own levels); recorded in ACT_GE_PROPERTY.historyLevel. */
    static final int ID = 30;

    static final HistoryLevel LEVEL = new AbstractHistoryLevel() {
        @Override
        public int getId() {
            return ID;
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
            return eventType != HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL && !passedThrough(eventType, entity)
                    && !unlogged(eventType, entity) && !multiInstanceCounter(entity)
                    && HistoryLevel.HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity);
        }
    };

    /**
     * An exclusive gateway or a none start event: the token passes through in the same transaction, nothing waits
     * there and nobody acts. Its activity instance is not kept; what the gateway decided shows in the steps after it.
     * Every other activity (tasks, events that wait or end, call activities, sub-processes) keeps its instance.
     */
    private static boolean passedThrough(HistoryEventType eventType, Object entity) {
        if (eventType != HistoryEventTypes.ACTIVITY_INSTANCE_START && eventType != HistoryEventTypes.ACTIVITY_INSTANCE_END
                && eventType != HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE) {
            return false;
        }
        ActivityImpl activity = entity instanceof ExecutionEntity execution ? execution.getActivity() : null;
        return activity != null && (activity.getActivityBehavior() instanceof ExclusiveGatewayActivityBehavior
                || activity.getActivityBehavior() instanceof NoneStartEventActivityBehavior);
    }

    /**
     * A multi-instance activity's counters ({@code nrOfInstances}, {@code nrOfActiveInstances},
     * {@code nrOfCompletedInstances}, {@code loopCounter}): the engine's bookkeeping of its parallel instances, changed
     * at every completion (a history read and update each time) and telling an audit nothing the steps' own activity
     * instances and the timeline do not. None of their history is kept, so no row is left half-written.
     */
    private static boolean multiInstanceCounter(Object entity) {
        return entity instanceof VariableInstanceEntity variable && COUNTERS.contains(variable.getName());
    }

    private static final Set<String> COUNTERS = Set.of(MultiInstanceActivityBehavior.NUMBER_OF_INSTANCES,
            MultiInstanceActivityBehavior.NUMBER_OF_ACTIVE_INSTANCES, MultiInstanceActivityBehavior.NUMBER_OF_COMPLETED_INSTANCES,
            MultiInstanceActivityBehavior.LOOP_COUNTER);

    /**
     * The creation, or the deletion unrun, of a job whose handler is {@link LoggedWhenRun}; anything but the failure of
     * a job whose handler is {@link LoggedWhenFailed}.
     */
    private static boolean unlogged(HistoryEventType eventType, Object entity) {
        if (!(entity instanceof JobEntity job) || !(eventType == HistoryEventTypes.JOB_CREATE || eventType == HistoryEventTypes.JOB_DELETE
                || eventType == HistoryEventTypes.JOB_SUCCESS)) {
            return false;
        }
        ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
        Object handler = configuration == null ? null : configuration.getJobHandlers().get(job.getJobHandlerType());
        return handler instanceof LoggedWhenFailed || handler instanceof LoggedWhenRun && eventType != HistoryEventTypes.JOB_SUCCESS;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineLists.add(configuration.getCustomHistoryLevels(), LEVEL, configuration::setCustomHistoryLevels);
    }
}
