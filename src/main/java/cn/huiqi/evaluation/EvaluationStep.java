package cn.huiqi.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.identity.Caller;

/**
 * What completing each gxj step of the evaluation processes means ({@code ${evaluationStep}}: an execution listener at
 * the end of the task, so the engine passes its refusals through unchanged and they reach the API and Tasklist as 4xx).
 * The task contracts (EvaluationTaskContracts) already said who may complete and which fields they send; here the values
 * are checked, the round records the step, and the four-eyes rule is applied: who checks the proposal is read from the
 * round's own records (its preparer, the people who entered or changed figures), never from a variable.
 */
@Component("evaluationStep")
public class EvaluationStep implements ExecutionListener {

    static final String CLOSE_DATA_ENTRY = "Task_CloseDataEntry";
    static final String PROPOSE = "Task_Propose";
    static final String CHECK_PROPOSAL = "Task_CheckProposal";
    static final String CITY_APPROVAL = "Task_CityApproval";
    static final String HANDLE_REVIEW_REQUESTS = "Task_HandleReviewRequests";
    static final String SAFETY_VETO_CHECK = "Task_SafetyVetoCheck";

    /** The outcomes each step accepts (its form, bpmn/forms/evaluation-*.form, offers exactly these). */
    static final Map<String, List<String>> OUTCOMES = Map.of(
            SAFETY_VETO_CHECK, List.of("none", "recorded"),
            CHECK_PROPOSAL, List.of("approve", "return"),
            CITY_APPROVAL, List.of("approved", "returned"),
            HANDLE_REVIEW_REQUESTS, List.of("keep", "corrected"));

    private final RoundProcess process;
    private final RoundProcessStore processStore;
    private final EvaluationStore store;
    private final EvaluationRounds rounds;
    private final EvaluationAccess access;
    private final ApplicationEventPublisher events;

    EvaluationStep(RoundProcess process, RoundProcessStore processStore, EvaluationStore store, EvaluationRounds rounds, EvaluationAccess access,
                   ApplicationEventPublisher events) {
        this.events = events;
        this.process = process;
        this.processStore = processStore;
        this.store = store;
        this.rounds = rounds;
        this.access = access;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return; // the task was cancelled (instance deleted or moved), not completed
        }
        Caller caller = access.leadBureau();
        long roundId = process.roundOf(execution);
        Instant now = EvaluationRounds.now();
        switch (execution.getCurrentActivityId()) {
            case CLOSE_DATA_ENTRY -> {
                if (store.round(roundId).orElseThrow().status() == EvaluationStatus.DATA_ENTRY) {
                    rounds.startConfirmation(roundId); // refuses while any locality lacks a figure
                }
            }
            case SAFETY_VETO_CHECK -> {
                String outcome = outcome(execution, OUTCOMES.get(SAFETY_VETO_CHECK));
                store.event(roundId, null, null, "VETO_CHECKED", null, outcome, "recorded".equals(outcome)
                        ? "安全生产一票否决已录入 / Safety vetoes recorded" : "无安全生产一票否决 / No safety veto", null, caller.userId(), now);
            }
            case PROPOSE -> {
                processStore.prepared(roundId, caller.userId(), now);
                processStore.status(roundId, EvaluationStatus.PROPOSED, caller.userId(), now);
                store.event(roundId, null, null, "PROPOSED", null, null, "拟定奖励方案 / Award proposal prepared", text(execution, "reason"),
                        caller.userId(), now);
            }
            case CHECK_PROPOSAL -> {
                fourEyes(roundId, caller.userId());
                String outcome = outcome(execution, OUTCOMES.get(CHECK_PROPOSAL));
                String reason = reasonUnless(execution, "approve".equals(outcome));
                processStore.checked(roundId, caller.userId());
                store.event(roundId, null, null, "approve".equals(outcome) ? "PROPOSAL_CHECKED" : "PROPOSAL_RETURNED", null, outcome,
                        "approve".equals(outcome) ? "复核同意，报市政府审定 / Checked, sent for approval" : "复核退回拟定 / Returned to the preparer",
                        reason, caller.userId(), now);
            }
            case CITY_APPROVAL -> cityApproval(execution, roundId, caller, now);
            case HANDLE_REVIEW_REQUESTS -> {
                String outcome = outcome(execution, OUTCOMES.get(HANDLE_REVIEW_REQUESTS));
                String reason = reasonUnless(execution, false);
                List<String> requesting = processStore.openRequestUnits(roundId);
                int handled = processStore.handleOpenRequests(roundId, "keep".equals(outcome) ? "KEPT" : "CORRECTED", reason, caller.userId(), now);
                store.event(roundId, null, null, "REVIEW_HANDLED", null, outcome, "处理复核申请 " + handled + " 件，" + ("keep".equals(outcome)
                        ? "维持排名 / ranking kept" : "数据已更正，重新评分 / corrected, scored again"), reason, caller.userId(), now);
                if (!requesting.isEmpty()) {
                    EvaluationStore.Round round = store.round(roundId).orElseThrow();
                    events.publishEvent(new ReviewRequestsAnswered(roundId, round.measure(), round.name(), requesting, "corrected".equals(outcome)));
                }
            }
            default -> throw new IllegalStateException("no completion rule for " + execution.getCurrentActivityId());
        }
    }

    /** Four eyes: the proposal is checked by a second gxj person — never its preparer, nor one who entered or changed figures. */
    private void fourEyes(long roundId, String userId) {
        RoundProcessStore.ProcessState state = processStore.state(roundId);
        if (userId.equals(state.preparedBy())) {
            throw new FourEyesRefusal("双人复核：奖励方案由您拟定，须由市工信局另一名工作人员复核",
                    "Four eyes: you prepared this proposal; another 市工信局 person must check it");
        }
        if (processStore.figureActors(roundId).contains(userId)) {
            throw new FourEyesRefusal("双人复核：您导入、评分、更正或处理过本轮数据，须由市工信局另一名工作人员复核",
                    "Four eyes: you entered or changed figures of this round; another 市工信局 person must check the proposal");
        }
    }

    private void cityApproval(DelegateExecution execution, long roundId, Caller caller, Instant now) {
        String outcome = outcome(execution, OUTCOMES.get(CITY_APPROVAL));
        if ("returned".equals(outcome)) {
            String reason = reasonUnless(execution, false);
            store.event(roundId, null, null, "APPROVAL_RETURNED", null, outcome, "市政府审定退回，重新拟定 / Returned by the city government",
                    reason, caller.userId(), now);
            return;
        }
        FieldChecks checks = new FieldChecks();
        String document = checks.requiredText("documentNumber", text(execution, "documentNumber"), "审定文号", "Approval document number", 100);
        String rawDate = text(execution, "approvalDate");
        LocalDate date = null;
        if (rawDate == null || !rawDate.matches("\\d{4}-\\d{2}-\\d{2}")) {
            checks.add("approvalDate", "审定日期须为 yyyy-MM-dd 格式的日期", "The approval date must be a date yyyy-MM-dd");
        } else {
            try {
                date = LocalDate.parse(rawDate);
                if (date.isAfter(LocalDate.ofInstant(now, java.time.ZoneId.of("Asia/Shanghai")))) {
                    checks.add("approvalDate", "审定日期不能晚于今天", "The approval date cannot be in the future");
                }
            } catch (DateTimeParseException e) {
                checks.add("approvalDate", "审定日期须为 yyyy-MM-dd 格式的日期", "The approval date must be a date yyyy-MM-dd");
            }
        }
        checks.throwIfAny();
        processStore.approved(roundId, document, date);
        processStore.status(roundId, EvaluationStatus.APPROVED, caller.userId(), now);
        store.event(roundId, null, null, "APPROVED", null, document, "市政府审定通过（" + date + "）/ Approved by the city government",
                null, caller.userId(), now);
    }

    private static String outcome(DelegateExecution execution, List<String> allowed) {
        Object value = execution.getVariable("outcome");
        if (value == null || !allowed.contains(value.toString())) {
            throw new InvalidInputException("outcome", "办理结果须为 " + String.join(" / ", allowed), "The outcome must be one of " + allowed);
        }
        return value.toString();
    }

    private static String reasonUnless(DelegateExecution execution, boolean optional) {
        String reason = text(execution, "reason");
        if (optional && (reason == null || reason.isBlank())) {
            return null;
        }
        FieldChecks checks = new FieldChecks();
        String checked = checks.requiredText("reason", reason, "理由", "Reason", 1000);
        checks.throwIfAny();
        return checked;
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
