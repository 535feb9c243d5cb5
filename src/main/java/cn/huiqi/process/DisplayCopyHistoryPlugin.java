package cn.huiqi.process;

import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * History level full, less one redundant row: a task's form shows read-only copies of the case record,
 * written task-local when the task is created ({@code system*}, {@code declared*}, {@code reviewerRequest};
 * review.CaseFigures, settlement.BatchFigures). Their first value is kept in ACT_HI_VARINST as usual; only its
 * duplicate in ACT_HI_DETAIL is not written (about 30 rows per measure 1 case). Any later write of such a
 * variable, e.g. a display field sent back with a completion, is written to ACT_HI_DETAIL like every other
 * change (the review-form attack test reads it there). docs/performance.md "History and retention".
 */
@Component
class DisplayCopyHistoryPlugin extends AbstractProcessEnginePlugin {

    private static final Pattern DISPLAY_COPY = Pattern.compile("(system|declared)[A-Z].*|reviewerRequest");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        boolean noCustomHandlers = configuration.getCustomHistoryEventHandlers() == null
                || configuration.getCustomHistoryEventHandlers().isEmpty();
        if (configuration.getHistoryEventHandler() == null && noCustomHandlers) {
            configuration.setHistoryEventHandler(new WithoutDisplayCopyDetails());
        }
    }

    static boolean isDisplayCopyCreation(HistoricVariableUpdateEventEntity event) {
        return event.getTaskId() != null && event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE)
                && event.getVariableName() != null && DISPLAY_COPY.matcher(event.getVariableName()).matches();
    }

    static final class WithoutDisplayCopyDetails extends DbHistoryEventHandler {
        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return super.shouldWriteHistoricDetail(event) && !isDisplayCopyCreation(event);
        }
    }
}
