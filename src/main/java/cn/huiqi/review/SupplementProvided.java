package cn.huiqi.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseOfProcess;
import cn.huiqi.casefile.CaseTimeline;
import cn.huiqi.common.FieldChecks;

/**
 * End listener of the enterprise's supplement task (补正): the explanation is required, further
 * evidence optional; both go to the case's timeline. The original application stays as submitted: a
 * supplement adds evidence and explanations, never orders nor their verification (measure 1's
 * {@code orders} and {@code orderVerification} are task-local here, so a value written under those names
 * is caught and refused instead of reaching the case).
 */
@Component("supplementProvided")
public class SupplementProvided implements ExecutionListener {

    private static final java.util.List<String> FIXED_AT_SUBMISSION = java.util.List.of("orders", "orderVerification");

    private final CaseOfProcess caseOfProcess;
    private final CaseTimeline timeline;

    public SupplementProvided(CaseOfProcess caseOfProcess, CaseTimeline timeline) {
        this.caseOfProcess = caseOfProcess;
        this.timeline = timeline;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        FieldChecks checks = new FieldChecks();
        for (String fixed : FIXED_AT_SUBMISSION) {
            if (execution.getVariableLocal(fixed) != null) {
                checks.add(fixed, "补正只能补充说明和材料，不能增加或修改订单及其核实结果", "A supplement adds explanations and evidence; "
                        + "it cannot add or change orders or their verification");
            }
        }
        String note = checks.requiredText("supplementNote", execution.getVariable("supplementNote"),
                "补正说明", "Supplement explanation", 1000);
        Object rawEvidence = execution.getVariable("supplementEvidence");
        String evidence = null;
        if (rawEvidence != null && !rawEvidence.toString().isBlank()) {
            evidence = checks.requiredText("supplementEvidence", rawEvidence, "补充材料", "Additional evidence", 2000);
        }
        checks.throwIfAny();
        timeline.record(caseOfProcess.of(execution), "SUPPLEMENT_PROVIDED",
                "补正说明 / Supplement: " + note + (evidence == null ? "" : "\n补充材料 / Evidence: " + evidence));
    }
}
