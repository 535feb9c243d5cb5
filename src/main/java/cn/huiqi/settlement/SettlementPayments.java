package cn.huiqi.settlement;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.casefile.CaseTimeline;
import cn.huiqi.claim.RewardClaim;
import cn.huiqi.claim.RewardClaims;
import cn.huiqi.common.ConflictException;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.common.Money;
import cn.huiqi.common.NotFoundException;
import cn.huiqi.fund.FundLedger;
import cn.huiqi.process.EngineAsSystem;

/**
 * 市财政局 confirms the payments of a disbursement batch, all or some, each with its payment reference;
 * or reports a failed one with its reason (it stays in the batch, visible, until paid). Confirming the
 * same payment twice pays once (the ledger is idempotent on case and reference). When nothing is left
 * to pay the batch task is completed and the settlement closed.
 */
@Service
public class SettlementPayments {

    public static final String PAYMENT_CONFIRMED = "payment-confirmed";
    static final String BATCH_TASK = "Task_ConfirmPayments";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public record Confirmation(String caseNumber, String paymentReference, String paymentDate) {
    }

    private final SettlementRepository settlements;
    private final SettlementLineRepository lines;
    private final CaseRecordRepository cases;
    private final FundLedger ledger;
    private final CaseTimeline timeline;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final RewardClaims claims;
    private final EngineAsSystem engineAsSystem;

    public SettlementPayments(SettlementRepository settlements, SettlementLineRepository lines, CaseRecordRepository cases,
                              FundLedger ledger, CaseTimeline timeline, RuntimeService runtimeService, TaskService taskService,
                              EngineAsSystem engineAsSystem, RewardClaims claims) {
        this.claims = claims;
        this.settlements = settlements;
        this.lines = lines;
        this.cases = cases;
        this.ledger = ledger;
        this.timeline = timeline;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.engineAsSystem = engineAsSystem;
    }

    @Transactional
    public Settlement confirm(long settlementId, List<Confirmation> confirmations, String actor) {
        Settlement settlement = inDisbursement(settlementId);
        FieldChecks checks = new FieldChecks();
        if (confirmations == null || confirmations.isEmpty()) {
            checks.add("payments", "请至少确认一笔支付", "Confirm at least one payment");
        }
        List<Confirmation> all = confirmations == null ? List.of() : confirmations;
        LocalDate[] dates = new LocalDate[all.size()];
        for (int i = 0; i < all.size(); i++) {
            Confirmation c = all.get(i);
            String prefix = "payments[" + i + "].";
            checks.requiredText(prefix + "caseNumber", c.caseNumber(), "案件编号", "Case number", 32);
            checks.requiredText(prefix + "paymentReference", c.paymentReference(), "支付凭证号", "Payment reference", 64);
            dates[i] = date(checks, prefix + "paymentDate", c.paymentDate());
        }
        checks.throwIfAny();
        // first every line's state, then the money: a refused confirmation pays nothing
        List<CaseRecord> paidCases = new ArrayList<>();
        List<SettlementLine> paidLines = new ArrayList<>();
        Set<Long> listedLines = new HashSet<>(); // each read returns a new object: a line listed twice is found by its id
        for (int i = 0; i < all.size(); i++) {
            Confirmation c = all.get(i);
            CaseRecord caseRecord = caseOf(c.caseNumber());
            SettlementLine line = lineOf(settlement, caseRecord);
            String reference = c.paymentReference().strip();
            if (!listedLines.add(line.getId())) {
                throw new InvalidInputException("payments[" + i + "].caseNumber", "案件 " + c.caseNumber() + " 在本次确认中出现了两次",
                        "Case " + c.caseNumber() + " is listed twice");
            }
            if (line.getStatus() == SettlementLine.Status.PAID) {
                if (!reference.equals(line.getPaymentReference())) {
                    throw new ConflictException("payments[" + i + "].paymentReference",
                            "案件 " + c.caseNumber() + " 已以凭证号 " + line.getPaymentReference() + " 支付，不能再次支付",
                            "Case " + c.caseNumber() + " was already paid with reference " + line.getPaymentReference());
                }
                paidCases.add(null); // the same confirmation again: paid once
            } else if (!line.awaitsPayment()) {
                throw new ConflictException("payments[" + i + "].caseNumber", "案件 " + c.caseNumber() + " 不在待支付状态（"
                        + line.getStatus().label().zh() + "）",
                        "Case " + c.caseNumber() + " is not awaiting payment (" + line.getStatus().label().en() + ")");
            } else {
                paidCases.add(caseRecord);
            }
            paidLines.add(line);
        }
        for (int i = 0; i < all.size(); i++) {
            CaseRecord caseRecord = paidCases.get(i);
            if (caseRecord == null) {
                continue;
            }
            SettlementLine line = paidLines.get(i);
            String reference = all.get(i).paymentReference().strip();
            ledger.pay(caseRecord.getId(), reference, dates[i], actor);
            line.paid(reference, dates[i], actor);
            lines.update(line);
            RewardClaim claim = claims.of(caseRecord);
            claim.recordPayment(reference, dates[i]);
            claims.save(claim);
            timeline.record(caseRecord, "PAYMENT_RECORDED", "已拨付 " + Money.format(line.getGranted()) + " 元，凭证号 " + reference
                    + "，日期 " + dates[i] + " / Paid CNY " + Money.format(line.getGranted()) + ", reference " + reference + ", " + dates[i]);
            engineAsSystem.call(() -> runtimeService.createMessageCorrelation(PAYMENT_CONFIRMED)
                    .processInstanceBusinessKey(caseRecord.getCaseNumber()).correlateWithResult());
        }
        closeWhenNothingIsLeft(settlement);
        return settlement;
    }

    @Transactional
    public Settlement reportFailure(long settlementId, String caseNumber, String reason, String actor) {
        Settlement settlement = inDisbursement(settlementId);
        FieldChecks checks = new FieldChecks();
        checks.requiredText("caseNumber", caseNumber, "案件编号", "Case number", 32);
        String why = checks.requiredText("reason", reason, "失败原因", "Reason of the failure", 500);
        checks.throwIfAny();
        CaseRecord caseRecord = caseOf(caseNumber);
        SettlementLine line = lineOf(settlement, caseRecord);
        if (!line.awaitsPayment()) {
            throw new ConflictException("caseNumber", "案件 " + caseNumber + " 不在待支付状态（" + line.getStatus().label().zh() + "）",
                    "Case " + caseNumber + " is not awaiting payment (" + line.getStatus().label().en() + ")");
        }
        line.failed(why, actor);
        lines.update(line);
        timeline.record(caseRecord, "PAYMENT_FAILED", "支付失败 / Payment failed: " + why);
        return settlement;
    }

    private void closeWhenNothingIsLeft(Settlement settlement) {
        boolean pending = lines.findBySettlementIdOrderById(settlement.getId()).stream().anyMatch(SettlementLine::awaitsPayment);
        if (!pending && settlement.getStatus() != Settlement.Status.CLOSED) {
            settlement.close();
            settlements.update(settlement);
            engineAsSystem.call(() -> {
                taskService.createTaskQuery().processInstanceId(settlement.getProcessInstanceId()).taskDefinitionKey(BATCH_TASK)
                        .list().forEach(task -> taskService.complete(task.getId()));
                return null;
            });
        }
    }

    /**
     * The settlement, locked until this transaction ends: confirmations and failures of one batch run one
     * after the other, so the same confirmation sent twice at once pays once and answers the same, and the
     * last payment of a batch always sees the others and closes it.
     */
    private Settlement inDisbursement(long settlementId) {
        Settlement settlement = settlements.lockById(settlementId)
                .orElseThrow(() -> new NotFoundException("settlementId", "结算批次 " + settlementId + " 不存在",
                        "Settlement " + settlementId + " does not exist"));
        if (settlement.getStatus() == Settlement.Status.SETTLING) {
            throw new ConflictException("settlementId", "结算批次 " + settlementId + " 仍在核定中，公示期满后才能拨付",
                    "Settlement " + settlementId + " is still being settled; payments follow its public notice");
        }
        if (settlement.getStatus() == Settlement.Status.NOTICE) {
            throw new ConflictException("settlementId", "结算批次 " + settlementId + " 仍在公示期，公示期满后才能拨付",
                    "Settlement " + settlementId + " is still under public notice; payments follow the notice period");
        }
        return settlement;
    }

    private CaseRecord caseOf(String caseNumber) {
        return cases.getByCaseNumber(caseNumber.strip());
    }

    private SettlementLine lineOf(Settlement settlement, CaseRecord caseRecord) {
        return lines.findBySettlementIdAndCaseId(settlement.getId(), caseRecord.getId())
                .orElseThrow(() -> new NotFoundException("caseNumber", "案件 " + caseRecord.getCaseNumber() + " 不在结算批次 "
                        + settlement.getId() + " 中", "Case " + caseRecord.getCaseNumber() + " is not in settlement " + settlement.getId()));
    }

    private static LocalDate date(FieldChecks checks, String field, String raw) {
        String text = checks.requiredText(field, raw, "支付日期", "Payment date", 10);
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.isAfter(LocalDate.now(CHINA))) {
                checks.add(field, "支付日期不能晚于今天", "The payment date cannot be in the future");
            }
            return date;
        } catch (DateTimeParseException e) {
            checks.add(field, "支付日期格式应为 YYYY-MM-DD", "The payment date must be written YYYY-MM-DD");
            return null;
        }
    }
}
