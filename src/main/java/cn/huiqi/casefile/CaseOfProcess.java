package cn.huiqi.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Finds the case a process works on by the id of the measure's process instance (the root of the
 * call hierarchy: the shared review chain runs as a called instance), never by a process variable:
 * variables can be overwritten by whoever completes a task.
 */
@Component
public class CaseOfProcess {

    private final CaseRecordRepository cases;

    public CaseOfProcess(CaseRecordRepository cases) {
        this.cases = cases;
    }

    public CaseRecord of(DelegateExecution execution) {
        DelegateExecution instance = execution.getProcessInstance();
        while (instance.getSuperExecution() != null) {
            instance = instance.getSuperExecution().getProcessInstance();
        }
        String rootId = instance.getId();
        return cases.findByProcessInstanceId(rootId)
                .orElseThrow(() -> new IllegalStateException("no case for process instance " + rootId));
    }
}
