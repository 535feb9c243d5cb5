package cn.huiqi.process;


import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.stereotype.Component;

/**
 * The engine's history level {@value #NAME} ({@code camunda.bpm.history-level}): everything level {@code full} keeps
 * except the log of every process-variable write (ACT_HI_DETAIL). Each variable's last value stays
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
            return eventType != HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
                    && HistoryLevel.HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity);
        }
    };

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineLists.add(configuration.getCustomHistoryLevels(), LEVEL, configuration::setCustomHistoryLevels);
    }
}
