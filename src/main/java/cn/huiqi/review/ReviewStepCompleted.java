package cn.huiqi.review;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseEvent;
import cn.huiqi.casefile.CaseOfProcess;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseTimeline;
import cn.huiqi.claim.RewardClaim;
import cn.huiqi.claim.RewardClaims;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.common.Label;

/**
 * End listener of every review task (locality verification, city review): checks the reviewer's
 * decision on the server and writes it to the case's timeline, which is where it is kept: decision and comment are
 * handed on by the completion, not stored as variables (a send-back's comment is what the supplement form shows,
 * {@link #supplementRequest}). An execution listener, not a task
 * listener, because the engine passes its exceptions through unchanged, so Tasklist and the REST API
 * show our bilingual message with status 400 and the completion is rolled back.
 */
@Component("reviewStepCompleted")
public class ReviewStepCompleted implements ExecutionListener {

    static final String LOCALITY_VERIFICATION = "Task_LocalityVerification";
    static final String CITY_REVIEW = "Task_CityReview";
    private static final String COMMENT = " — ";

    private final CaseOfProcess caseOfProcess;
    private final RewardClaims claims;
    private final CaseTimeline timeline;

    public ReviewStepCompleted(CaseOfProcess caseOfProcess, CaseTimeline timeline, RewardClaims claims) {
        this.claims = claims;
        this.caseOfProcess = caseOfProcess;
        this.timeline = timeline;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return; // another reviewer's rejection ended this task; nothing was decided here
        }
        ReviewDecision decision = ReviewDecision.read(execution.getVariable("decision"), execution.getVariable("comment"));
        CaseRecord caseRecord = caseOfProcess.of(execution);
        if (decision.outcome() == ReviewDecision.Outcome.APPROVE && CITY_REVIEW.equals(execution.getCurrentActivityId())
                && caseRecord.getFlag() != null) {
            throw new InvalidInputException("decision", "此案件有待市工信局处理的标记（" + caseRecord.getFlag()
                    + "），处理前不能审核通过；可退回补正或驳回", "This case is flagged for the lead bureau's decision ("
                    + caseRecord.getFlag() + "); it cannot be approved before that decision, only sent back or rejected");
        }
        Object unit = execution.getVariable("reviewUnit");
        String step = execution.getCurrentActivityName() + (unit == null ? "" : " [" + unit + "]");
        timeline.record(caseRecord, decision.outcome().action(execution.getCurrentActivityId()),
                step + "：" + decision.outcome().label().both()
                        + (decision.comment() == null ? "" : COMMENT + decision.comment()));
        if (decision.outcome() == ReviewDecision.Outcome.REJECT) {
            RewardClaim claim = claims.of(caseRecord);
            claim.recordOutcomeReason(decision.comment());
            claims.save(claim);
        }
    }

    /**
     * What the reviewer asked for when sending the case back from {@code reviewActivityId} (for a city review, the
     * unit's own send-back): the comment of the latest such line of the timeline, or null.
     */
    static String supplementRequest(List<CaseEvent> timeline, String reviewActivityId, Object unit) {
        String action = ReviewDecision.Outcome.SEND_BACK.action(reviewActivityId);
        String marker = ReviewDecision.Outcome.SEND_BACK.label().both() + COMMENT;
        String ofUnit = unit == null ? "" : " [" + unit + "]：";
        for (int i = timeline.size() - 1; i >= 0; i--) {
            CaseEvent event = timeline.get(i);
            String detail = event.getDetail();
            if (action.equals(event.getAction()) && detail != null && detail.contains(ofUnit) && detail.contains(marker)) {
                return detail.substring(detail.indexOf(marker) + marker.length());
            }
        }
        return null;
    }

    /** A reviewer's choice as submitted by the task form. */
    public record ReviewDecision(Outcome outcome, String comment) {

        public enum Outcome {
            APPROVE("approve", Label.of("通过", "approved")),
            SEND_BACK("sendBack", Label.of("退回补正", "sent back for supplements")),
            REJECT("reject", Label.of("驳回", "rejected"));

            private final String value;
            private final Label label;

            Outcome(String value, Label label) {
                this.value = value;
                this.label = label;
            }

            public Label label() { return label; }

            String action(String activityId) {
                return (activityId + "_" + name()).toUpperCase();
            }
        }

        static ReviewDecision read(Object rawDecision, Object rawComment) {
            FieldChecks checks = new FieldChecks();
            Outcome outcome = null;
            for (Outcome candidate : Outcome.values()) {
                if (candidate.value.equals(rawDecision)) {
                    outcome = candidate;
                }
            }
            if (outcome == null) {
                checks.add("decision", "请选择审核结论：通过、退回补正或驳回",
                        "Choose a decision: approve, sendBack or reject");
            }
            String comment = rawComment == null || rawComment.toString().isBlank() ? null : rawComment.toString().strip();
            if (outcome != null && outcome != Outcome.APPROVE) {
                comment = checks.requiredText("comment", rawComment, "退回或驳回的理由", "A reason for sending back or rejecting", 1000);
            } else if (comment != null && comment.length() > 1000) {
                checks.add("comment", "意见不能超过1000个字符", "The comment must be at most 1000 characters");
            }
            checks.throwIfAny();
            return new ReviewDecision(outcome, comment);
        }
    }
}
