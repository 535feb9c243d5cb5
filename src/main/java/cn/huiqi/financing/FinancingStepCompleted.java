package cn.huiqi.financing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End listener of the user tasks of {@code m8-financing-demand} (a delegate: our bilingual 400 passes unchanged). */
@Component("financingStepCompleted")
public class FinancingStepCompleted implements ExecutionListener {

    private final FinancingSteps steps;

    FinancingStepCompleted(FinancingSteps steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        switch (execution.getCurrentActivityId()) {
            case "Task_Screen" -> steps.screened(execution);
            case "Task_Coordinate" -> steps.coordinated(execution);
            default -> throw new IllegalStateException("no step " + execution.getCurrentActivityId() + " in " + FinancingMeasure.PROCESS_KEY);
        }
    }
}
