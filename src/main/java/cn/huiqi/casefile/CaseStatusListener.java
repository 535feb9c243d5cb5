package cn.huiqi.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Keeps the case's status in step with the diagram: an execution listener on the start of each
 * step, {@code ${caseStatus.enter(execution, 'CITY_REVIEW')}}.
 */
@Component("caseStatus")
public class CaseStatusListener {

    private final CaseOfProcess caseOfProcess;
    private final CaseTimeline timeline;
    private final CaseLifecycles lifecycles;

    public CaseStatusListener(CaseOfProcess caseOfProcess, CaseTimeline timeline, CaseLifecycles lifecycles) {
        this.caseOfProcess = caseOfProcess;
        this.timeline = timeline;
        this.lifecycles = lifecycles;
    }

    /** The status must be one of the case's measure's lifecycle (refused otherwise: the model is wrong). */
    public void enter(DelegateExecution execution, String status) {
        CaseRecord caseRecord = caseOfProcess.of(execution);
        CaseStatus newStatus = lifecycles.status(caseRecord, status);
        if (!caseRecord.is(newStatus)) {
            lifecycles.moveTo(caseRecord, newStatus);
            timeline.record(caseRecord, "STATUS_" + newStatus.name(), newStatus.zh() + " / " + newStatus.en());
        }
    }
}
