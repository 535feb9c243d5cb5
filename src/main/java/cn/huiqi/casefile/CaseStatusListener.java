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

    public CaseStatusListener(CaseOfProcess caseOfProcess, CaseTimeline timeline) {
        this.caseOfProcess = caseOfProcess;
        this.timeline = timeline;
    }

    public void enter(DelegateExecution execution, String status) {
        CaseStatus newStatus = CaseStatus.valueOf(status);
        RewardCase rewardCase = caseOfProcess.of(execution);
        if (rewardCase.getStatus() != newStatus) {
            rewardCase.moveTo(newStatus);
            timeline.record(rewardCase, "STATUS_" + newStatus.name(), newStatus.zh() + " / " + newStatus.en());
        }
    }
}
