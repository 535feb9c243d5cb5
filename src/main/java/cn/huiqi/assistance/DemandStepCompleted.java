package cn.huiqi.assistance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of every user task of {@code m7-assistance-demand}: hands the completion to its step in
 * {@link DemandSteps}. A delegate (not an expression) listener, because the engine passes a delegate's exceptions
 * through unchanged: a bad value is our bilingual 400 naming the field, and the completion rolls back.
 */
@Component("demandStepCompleted")
public class DemandStepCompleted implements ExecutionListener {

    private final DemandSteps steps;

    DemandStepCompleted(DemandSteps steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateExecution execution) {
        switch (execution.getCurrentActivityId()) {
            case "Task_Accept" -> steps.accepted(execution);
            case "Task_Handle" -> steps.handled(execution);
            case "Task_DecideTransfer" -> steps.transferDecided(execution);
            case "Task_ProvideInfo" -> steps.infoProvided(execution);
            case "Task_ApproveExtension" -> steps.extensionDecided(execution);
            case "Task_ReportUpward" -> steps.upwardDecided(execution);
            case "Task_Revisit" -> steps.rated(execution);
            case "Task_Supervise" -> steps.supervised(execution);
            case "Task_OverdueSupervision" -> steps.overdueSupervised(execution);
            default -> throw new IllegalStateException("no step " + execution.getCurrentActivityId() + " in " + AssistanceMeasure.PROCESS_KEY);
        }
    }
}
