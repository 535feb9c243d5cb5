package cn.huiqi.investmentreward;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseOfProcess;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseTimeline;
import cn.huiqi.claim.RewardClaim;
import cn.huiqi.claim.RewardClaims;

/**
 * Measure 3's first condition fails: the project's average investment progress over 2023-07..09 does
 * not exceed the overall average of the library. The case ends not eligible with both numbers.
 * Service task: {@code ${progressBelowAverage.record(execution)}}.
 */
@Component("progressBelowAverage")
public class ProgressBelowAverage {

    private final CaseOfProcess caseOfProcess;
    private final RewardClaims claims;
    private final CaseTimeline timeline;

    public ProgressBelowAverage(CaseOfProcess caseOfProcess, CaseTimeline timeline, RewardClaims claims) {
        this.claims = claims;
        this.caseOfProcess = caseOfProcess;
        this.timeline = timeline;
    }

    public void record(DelegateExecution execution) {
        String project = (String) execution.getVariable("projectAverageProgress");
        String overall = (String) execution.getVariable("overallAverageProgress");
        String reason = reason(project, overall);
        CaseRecord caseRecord = caseOfProcess.of(execution);
        RewardClaim claim = claims.of(caseRecord);
        claim.recordIneligibility(reason);
        claims.save(claim);
        timeline.record(caseRecord, "PROGRESS_NOT_ABOVE_AVERAGE", reason);
        execution.setVariable("rewardAmount", BigDecimal.ZERO.setScale(2).toPlainString());
    }

    static String reason(Object project, Object overall) {
        return "2023年7—9月项目平均投资进度 " + project + " 未超过项目总体平均进度 " + overall
                + " / The project's average investment progress in 2023-07..09 (" + project
                + ") does not exceed the overall average (" + overall + ")";
    }
}
