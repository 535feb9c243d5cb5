package cn.huiqi.settlement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseStatus;
import cn.huiqi.casefile.CaseTimeline;
import cn.huiqi.casefile.RewardCase;
import cn.huiqi.casefile.RewardCaseRepository;
import cn.huiqi.common.Money;
import cn.huiqi.fund.FundLedger;
import cn.huiqi.fund.FundPools;
import cn.huiqi.fund.PoolBalance;
import cn.huiqi.fund.Reservation;

/**
 * The steps of {@code bpmn/fund-settlement.bpmn}. Each runs as one transaction of its own (the tasks
 * are asynchronous), so an app stopped in the middle resumes the step from the start with nothing
 * written twice: a step that finds its work done (e.g. the settlement row of this process) returns.
 */
@Component("settlements")
public class SettlementRun {

    public static final String SETTLEMENT_DECIDED = "settlement-decided";
    public static final String NOTICE_ENDED = "notice-ended";

    private final RewardCaseRepository cases;
    private final SettlementRepository settlements;
    private final SettlementLineRepository lines;
    private final FundLedger ledger;
    private final CaseTimeline timeline;
    private final RuntimeService runtimeService;

    public SettlementRun(RewardCaseRepository cases, SettlementRepository settlements, SettlementLineRepository lines,
                         FundLedger ledger, CaseTimeline timeline, RuntimeService runtimeService) {
        this.cases = cases;
        this.settlements = settlements;
        this.lines = lines;
        this.ledger = ledger;
        this.timeline = timeline;
        this.runtimeService = runtimeService;
    }

    /** Shares the pool among the measure's approved cases, commits the money, announces each case's amount. */
    public void settle(DelegateExecution execution) {
        if (settlements.findByProcessInstanceId(execution.getProcessInstanceId()).isPresent()) {
            return;
        }
        String measure = (String) execution.getVariable("measure");
        String actor = (String) execution.getVariable("settlementStarter");
        ledger.lockPools(measure); // no city approval may take the room computed below until this commits
        List<RewardCase> waiting = cases.findByMeasureAndStatusOrderBySubmittedAtAsc(measure, CaseStatus.AWAITING_SETTLEMENT);
        List<Allocation.Claim> claims = waiting.stream()
                .map(c -> new Allocation.Claim(c.getId(), c.getRewardAmount(), c.getSubmittedAt())).toList();
        Map<Long, BigDecimal> reserved = waiting.stream()
                .collect(java.util.stream.Collectors.toMap(RewardCase::getId, c -> ledger.ofCase(c.getId()).reserved()));
        Allocation.Result result = Allocation.allocate(ledger.settlementRule(measure), claims, available(measure, reserved));
        Settlement settlement = settlements.save(new Settlement(measure, result, execution.getProcessInstanceId(), actor));

        List<Allocation.Share> unreserved = new ArrayList<>();
        for (Allocation.Share share : result.shares()) {
            if (reserved.get(share.caseId()).signum() > 0) {
                ledger.commit(share.caseId(), share.granted(), note(result), actor);
            } else {
                unreserved.add(share);
            }
        }
        for (Allocation.Share share : unreserved) {
            if (share.granted().signum() > 0) {
                Reservation reservation = ledger.reserve(measure, share.caseId(), share.granted(), actor);
                if (!reservation.isReserved()) {
                    throw new IllegalStateException("settlement " + settlement.getId() + ": " + reservation.en());
                }
                ledger.commit(share.caseId(), share.granted(), note(result), actor);
            }
        }
        for (Allocation.Share share : result.shares()) {
            SettlementLine line = lines.save(new SettlementLine(settlement.getId(), share, actor));
            RewardCase rewardCase = cases.findById(share.caseId()).orElseThrow();
            rewardCase.recordSettlement(share.granted());
            timeline.record(rewardCase, "SETTLED", "结算（第 " + settlement.getId() + " 批，" + result.rule().zh() + "）：核定 "
                    + Money.format(share.granted()) + " 元（认定奖励 " + Money.format(share.asked()) + " 元） / Settlement "
                    + settlement.getId() + " (" + result.rule().en() + "): CNY " + Money.format(share.granted())
                    + " of CNY " + Money.format(share.asked()));
            correlate(SETTLEMENT_DECIDED, rewardCase, Map.of("funded", line.getStatus() == SettlementLine.Status.ANNOUNCED,
                    "settledAmount", Money.format(share.granted()), "settlementId", settlement.getId()));
        }
        execution.setVariable("settlementId", settlement.getId());
    }

    /** The notice period is over: every case still announced goes to the disbursement batch. */
    public void endNotice(DelegateExecution execution) {
        Settlement settlement = settlements.findByProcessInstanceId(execution.getProcessInstanceId()).orElseThrow();
        if (settlement.getStatus() == Settlement.Status.NOTICE) {
            for (SettlementLine line : lines.findBySettlementIdOrderById(settlement.getId())) {
                if (line.getStatus() == SettlementLine.Status.ANNOUNCED) {
                    line.moveTo(SettlementLine.Status.PENDING_PAYMENT, CaseTimeline.SYSTEM);
                    correlate(NOTICE_ENDED, cases.findById(line.getCaseId()).orElseThrow(), Map.of());
                }
            }
            settlement.endNotice();
        }
        boolean pending = lines.findBySettlementIdOrderById(settlement.getId()).stream().anyMatch(SettlementLine::awaitsPayment);
        if (!pending) {
            settlement.close();
        }
        execution.setVariable("paymentsPending", pending);
    }

    /**
     * What this settlement may share: the measure pool's and the package fund's room, counting the
     * reservations these very cases hold (they are about to be committed or released).
     */
    private BigDecimal available(String measure, Map<Long, BigDecimal> reservedByTheseCases) {
        BigDecimal heldByThese = reservedByTheseCases.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal pool = room(ledger.balance(measure), heldByThese);
        BigDecimal pkg = room(ledger.balance(FundPools.PACKAGE), heldByThese);
        return pool.min(pkg).max(BigDecimal.ZERO);
    }

    private static BigDecimal room(PoolBalance balance, BigDecimal heldByThese) {
        return balance.cap().subtract(balance.committed()).subtract(balance.paid())
                .subtract(balance.reserved().subtract(heldByThese));
    }

    private static String note(Allocation.Result result) {
        return result.scaled()
                ? "结算核定（" + result.rule().zh() + "，余额 " + Money.format(result.remainder()) + " 元） / committed at settlement ("
                        + result.rule().en() + ", remainder CNY " + Money.format(result.remainder()) + ")"
                : "结算核定 / committed at settlement";
    }

    private void correlate(String message, RewardCase rewardCase, Map<String, Object> variables) {
        runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(rewardCase.getCaseNumber())
                .setVariables(variables).correlateWithResult();
    }
}
