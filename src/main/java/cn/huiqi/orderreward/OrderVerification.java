package cn.huiqi.orderreward;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiqi.casefile.CaseOfProcess;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseTimeline;
import cn.huiqi.casefile.TaskNames;
import cn.huiqi.claim.RewardClaim;
import cn.huiqi.claim.RewardClaims;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.common.Money;

/**
 * The verification of each measure 1 order, one mechanism for the locality verifier and the city
 * reviewers, on the shared review chain's review tasks (a no-op for other measures). The task writes one
 * field, {@value #FIELD}: a list of {@code {line, result: accept|notAccept, reason}}.
 * <ul>
 * <li>the form's list is a form figure ({@link #figure}, through {@code OrderApplicationType.reviewFigures}): the case's
 * orders with their current results, read when the form is read; the completion hands {@value #FIELD} on (transient,
 * workflow.HandedOnFields), nothing of it is stored as a variable;</li>
 * <li>a city reviewer's change: each other open city review task of the case keeps what it showed before the first
 * change since it was created ({@value #SHOWN_RESULTS}, one short string, written only when an order changes), so
 * that a parallel reviewer's change is not undone by that task's unchanged rows;</li>
 * <li>end (execution listener, after {@code reviewStepCompleted}): records every result that differs from
 * the recorded one, with reason, actor and time, and a timeline line. The order's facts cannot change
 * (a changed fact or an unknown line is refused: orders are fixed at submission). Locality verification
 * approving: every order needs a result, then the case is decided again on the accepted orders.
 * City review: a change needs a reason and decides the case again. Approving a case that is not
 * eligible on its verified orders is refused: reject it instead.</li>
 * </ul>
 */
@Component("orderVerificationStep") // not "orderVerification": a variable of that name would shadow the bean
public class OrderVerification implements TaskListener, ExecutionListener {

    public static final String FIELD = "orderVerification";
    /** Set on the other open city review tasks when an order changes, not a form field: what each showed before, by line. */
    static final String SHOWN_RESULTS = "orderVerificationShown";
    static final String LOCALITY_TASK = "Task_LocalityVerification";
    /** Row keys the form shows read-only; submitted back unchanged or not at all. */
    private static final Set<String> SHOWN = Set.of("counterparty", "contractNumber", "signingDate", "orderAmount",
            "executionEvidence", "verifiedBy");
    private static final Set<String> WRITABLE = Set.of("line", "result", "reason");
    /**
     * The result each row showed when the form was read, sent back with it: a city reviewer's row differs from it only
     * by the reviewer's own choice. Only the reviewer's own row depends on it; without it (an API caller), the task's
     * snapshot ({@value #SHOWN_RESULTS}) decides.
     */
    static final String SHOWN_AT_READ = "resultWhenOpened";

    private final CaseOfProcess caseOfProcess;
    private final M1OrderRepository orders;
    private final CaseTimeline timeline;
    private final OrderRedecision redecision;
    private final JsonLists jsonLists;
    private final RewardClaims claims;
    private final ObjectMapper json;
    private final TaskNames taskNames;

    OrderVerification(CaseOfProcess caseOfProcess, M1OrderRepository orders, CaseTimeline timeline, OrderRedecision redecision,
                      JsonLists jsonLists, ObjectMapper json, RewardClaims claims, TaskNames taskNames) {
        this.claims = claims;
        this.taskNames = taskNames;
        this.caseOfProcess = caseOfProcess;
        this.orders = orders;
        this.timeline = timeline;
        this.redecision = redecision;
        this.jsonLists = jsonLists;
        this.json = json;
    }

    /**
     * The create listener of review-chain versions deployed before the snapshot was taken only on a change: their
     * running cases still call it. Nothing to do: {@link #keepWhatItShowed} keeps the snapshot.
     */
    @Override
    public void notify(DelegateTask task) {
    }

    /** The form's list: the case's orders with their current results (facts read-only; result and reason editable). */
    Object figure(CaseRecord caseRecord) {
        return SpinValues.jsonValue(toJson(rows(caseRecord))).create();
    }

    private List<Map<String, Object>> rows(CaseRecord caseRecord) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (M1Order order : orders.findByCaseIdOrderByLineNo(caseRecord.getId())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("line", order.getLineNo());
            row.put("counterparty", order.getCounterparty());
            row.put("contractNumber", order.getContractNumber());
            row.put("signingDate", order.getSigningDate().toString());
            row.put("orderAmount", Money.format(order.getAmount()));
            row.put("executionEvidence", order.getExecutionEvidence());
            row.put("result", result(order.getVerification()));
            row.put(SHOWN_AT_READ, result(order.getVerification()));
            row.put("reason", order.getVerificationReason());
            rows.add(row);
        }
        return rows;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        CaseRecord caseRecord = caseOfProcess.of(execution);
        if (!OrderApplicationType.MEASURE.equals(caseRecord.getMeasure())) {
            return;
        }
        boolean locality = LOCALITY_TASK.equals(execution.getCurrentActivityId());
        Object decision = execution.getVariable("decision");
        Object unit = execution.getVariable("reviewUnit");
        String step = execution.getCurrentActivityName() + (unit == null ? "" : " [" + unit + "]");
        Object verified = execution.getVariable(FIELD);
        // a city review that hands on no list changes no order and decides nothing again: it needs none of them
        List<M1Order> caseOrders = locality || verified != null ? orders.findByCaseIdOrderByLineNo(caseRecord.getId()) : List.of();

        List<Change> changes = read(verified, locality ? Map.of() : shownResults(execution), caseOrders, locality);
        List<ExecutionEntity> otherReviews = !locality && !changes.isEmpty() ? otherOpenReviews(execution) : List.of();
        otherReviews.forEach(other -> keepWhatItShowed(other, changes));
        String actor = timeline.currentActor();
        for (Change change : changes) {
            String before = change.order().getVerification().label().zh();
            change.order().verify(change.result(), change.reason(), actor);
            orders.saveVerification(change.order());
            timeline.record(caseRecord, locality ? "ORDER_VERIFIED" : "ORDER_VERIFICATION_CHANGED",
                    step + "：第" + change.order().getLineNo() + "笔订单（合同 " + change.order().getContractNumber() + "）"
                            + (locality ? "" : before + " → ") + change.result().label().zh() + " / order " + change.order().getLineNo() + " "
                            + change.result().label().en() + (change.reason() == null ? "" : " — " + change.reason()));
        }
        if ("reject".equals(decision)) {
            return;
        }
        boolean approve = "approve".equals(decision);
        if (locality && approve) {
            List<String> open = caseOrders.stream().filter(o -> o.getVerification() == M1Order.Verification.PENDING)
                    .map(o -> "第" + o.getLineNo() + "笔").toList();
            if (!open.isEmpty()) {
                throw new InvalidInputException(FIELD, "核实通过前须逐笔给出核实结果，尚未核实：" + String.join("、", open),
                        "Give a result for every order before approving; not yet verified: " + open.size() + " order(s)");
            }
        }
        RewardClaim claim = claims.of(caseRecord);
        boolean eligible = Boolean.TRUE.equals(claim.getEligible());
        if ((locality && approve) || (!locality && !changes.isEmpty())) {
            eligible = redecision.redecide(caseRecord, caseOrders, step);
        }
        // their names show the amount when they were created: the other bureau's reviewer sees the amount as it is now
        otherReviews.forEach(other -> other.getTasks().forEach(task -> taskNames.rename(task, caseRecord)));
        if (approve && !eligible) {
            throw new InvalidInputException(FIELD, "按核实认可的订单，本案不符合奖励条件（" + claim.getOutcomeReason() + "）：请选择驳回并说明理由",
                    "On its accepted orders the case is not eligible: reject it with a reason instead of approving");
        }
    }

    private record Change(M1Order order, M1Order.Verification result, String reason) {
    }

    /** The case's other open city review tasks' executions (the parallel reviews at the same step). */
    private static List<ExecutionEntity> otherOpenReviews(DelegateExecution execution) {
        List<ExecutionEntity> tree = new ArrayList<>(List.of(((ExecutionEntity) execution).getProcessInstance()));
        List<ExecutionEntity> others = new ArrayList<>();
        for (int i = 0; i < tree.size(); i++) {
            ExecutionEntity other = tree.get(i);
            tree.addAll(other.getExecutions());
            if (!other.getId().equals(execution.getId()) && other.isActive() && execution.getCurrentActivityId().equals(other.getActivityId())) {
                others.add(other);
            }
        }
        return others;
    }

    /**
     * Before this reviewer's changes are recorded: another open city review task keeps, for each changed line it has no
     * entry for yet, the result it showed (the one before the first change since it was created).
     */
    private void keepWhatItShowed(ExecutionEntity other, List<Change> changes) {
        Map<String, String> shown = new LinkedHashMap<>(shownResults(other));
        changes.forEach(change -> shown.putIfAbsent(String.valueOf(change.order().getLineNo()), result(change.order().getVerification())));
        other.setVariableLocal(SHOWN_RESULTS, toJson(shown));
    }

    private Map<String, String> shownResults(DelegateExecution execution) {
        Object shown = execution.getVariableLocal(SHOWN_RESULTS);
        if (shown == null) {
            return Map.of();
        }
        try {
            return json.readValue(shown.toString(), new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private List<Change> read(Object raw, Map<String, String> shown, List<M1Order> caseOrders, boolean locality) {
        List<Map<String, Object>> rows = jsonLists.read(raw, FIELD);
        List<Change> changes = new ArrayList<>();
        if (rows == null) {
            return changes;
        }
        FieldChecks checks = new FieldChecks();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            String at = FIELD + "[" + i + "]";
            for (String key : row.keySet()) {
                if (!WRITABLE.contains(key) && !SHOWN.contains(key) && !SHOWN_AT_READ.equals(key)) {
                    checks.add(at + "." + key, "未知字段 " + key, "Unknown field " + key);
                }
            }
            M1Order order = lineOf(row.get("line"), caseOrders);
            if (order == null) {
                checks.add(at + ".line", "本申请没有第 " + row.get("line") + " 笔订单：订单在提交后不能增加",
                        "The application has no order " + row.get("line") + "; orders cannot be added after submission");
                continue;
            }
            Map<String, Object> recorded = Map.of("counterparty", order.getCounterparty(), "contractNumber", order.getContractNumber(),
                    "signingDate", order.getSigningDate().toString(), "orderAmount", Money.format(order.getAmount()),
                    "executionEvidence", order.getExecutionEvidence());
            recorded.forEach((key, value) -> {
                if (row.containsKey(key) && row.get(key) != null && !Objects.equals(String.valueOf(row.get(key)), value)) {
                    checks.add(at + "." + key, "订单内容在提交后不能修改（第" + order.getLineNo() + "笔）",
                            "An order cannot be changed after submission (order " + order.getLineNo() + ")");
                }
            });
            Object rawResult = row.get("result");
            if (rawResult == null || rawResult.toString().isBlank()) {
                continue; // no result given for this line: unchanged
            }
            Object atRead = row.get(SHOWN_AT_READ);
            String before = atRead != null && !atRead.toString().isBlank() ? atRead.toString() : shown.get(String.valueOf(order.getLineNo()));
            if (!locality && rawResult.toString().equals(before) && !rawResult.toString().equals(result(order.getVerification()))) {
                continue; // shown and left as it was, while another reviewer changed it: not this reviewer's change
            }
            M1Order.Verification result = switch (rawResult.toString()) {
                case "accept" -> M1Order.Verification.ACCEPTED;
                case "notAccept" -> M1Order.Verification.NOT_ACCEPTED;
                default -> null;
            };
            if (result == null) {
                checks.add(at + ".result", "核实结果只能为 accept（认可）或 notAccept（不予认可）", "The result must be accept or notAccept");
                continue;
            }
            Object rawReason = row.get("reason");
            boolean changed = result != order.getVerification();
            if (!locality && changed && rawReason != null && Objects.equals(rawReason.toString().strip(), order.getVerificationReason())) {
                rawReason = null; // the verifier's reason, shown in the form, is not the reviewer's
            }
            boolean reasonNeeded = result == M1Order.Verification.NOT_ACCEPTED || (!locality && changed);
            String reason;
            if (reasonNeeded) {
                reason = checks.requiredText(at + ".reason", changed ? rawReason : (rawReason == null ? order.getVerificationReason() : rawReason),
                        "第" + order.getLineNo() + "笔订单" + (locality ? "不予认可的理由" : "改变核实结果的理由"),
                        "Order " + order.getLineNo() + ": " + (locality ? "the reason for not accepting it" : "the reason for changing its result"), 500);
            } else {
                reason = rawReason == null || rawReason.toString().isBlank() ? null
                        : checks.requiredText(at + ".reason", rawReason, "核实说明", "Note", 500);
            }
            if (changed || (locality && !Objects.equals(reason, order.getVerificationReason()))) {
                changes.add(new Change(order, result, reason));
            }
        }
        checks.throwIfAny();
        return changes;
    }

    private static M1Order lineOf(Object rawLine, List<M1Order> caseOrders) {
        if (rawLine == null) {
            return null;
        }
        int line;
        try {
            line = new java.math.BigDecimal(rawLine.toString()).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
        return caseOrders.stream().filter(o -> o.getLineNo() == line).findFirst().orElse(null);
    }

    private static String result(M1Order.Verification verification) {
        return switch (verification) {
            case ACCEPTED -> "accept";
            case NOT_ACCEPTED -> "notAccept";
            case PENDING -> null;
        };
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
