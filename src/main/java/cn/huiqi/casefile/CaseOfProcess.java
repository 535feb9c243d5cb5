package cn.huiqi.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Finds the case a process instance works on by the process instance id, never by a process
 * variable: variables can be overwritten by whoever completes a task.
 */
@Component
public class CaseOfProcess {

    private final RewardCaseRepository cases;

    public CaseOfProcess(RewardCaseRepository cases) {
        this.cases = cases;
    }

    public RewardCase of(DelegateExecution execution) {
        return cases.findByProcessInstanceId(execution.getProcessInstanceId())
                .orElseThrow(() -> new IllegalStateException("no case for process instance " + execution.getProcessInstanceId()));
    }
}
