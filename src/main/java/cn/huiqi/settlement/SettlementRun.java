package cn.huiqi.settlement;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.casefile.CaseTimeline;
import cn.huiqi.claim.RewardClaim;
import cn.huiqi.claim.RewardClaims;
import cn.huiqi.common.Money;
import cn.huiqi.fund.FundLedger;
import cn.huiqi.fund.Reservation;

/**
 * The steps of {@code bpmn/fund-settlement.bpmn}. Each is an asynchronous job that handles at most
 * {@code huiqi.settlement.cases-per-job} cases in one transaction and loops until none is left, so no job
 * runs long and the job executor's lock (about a minute) is safe: an app stopped anywhere resumes the step
 * within that minute, from the last committed case. A step is idempotent: it takes only lines still in
 * the state it moves them from, and the engine's optimistic lock on the job rolls back a second run of the
 * same job (e.g. on a node whose lock had expired) together with everything it wrote.
 */
@Component("settlements")
public class SettlementRun {

    public static final String SETTLEMENT_DECIDED = "settlement-decided";
    public static final String NOTICE_ENDED = "notice-ended";

    private final SettlementAllocation allocation;
    private final CaseRecordRepository cases;
    private final SettlementRepository settlements;
    private final SettlementLineRepository lines;
    private final FundLedger ledger;
    private final CaseTimeline timeline;
    private final RuntimeService runtimeService;
    private final int casesPerJob;
    private final RewardClaims claims;
    private final PublicNotice publicNotice;

    public SettlementRun(SettlementAllocation allocation, CaseRecordRepository cases, SettlementRepository settlements,
                         SettlementLineRepository lines, FundLedger ledger, CaseTimeline timeline, RuntimeService runtimeService,
                         @Value("${huiqi.settlement.cases-per-job:20}") int casesPerJob, RewardClaims claims, PublicNotice publicNotice) {
        this.claims = claims;
        this.publicNotice = publicNotice;
        this.allocation = allocation;
        this.cases = cases;
        this.settlements = settlements;
        this.lines = lines;
        this.ledger = ledger;
        this.timeline = timeline;
        this.runtimeService = runtimeService;
        this.casesPerJob = casesPerJob;
    }

    /**
     * Moves the money of the next few allocated cases (commit their share; the ledger releases the rest,
     * or reserves and commits for a case that held no reservation), announces each and tells its review
     * chain. Sets {@code casesLeftToSettle}; when none is left the settlement goes to public notice, from the next working
     * day for {@code huiqi.notice.working-days} working days ({@link PublicNotice}).
     */
    public void settleNextCases(DelegateExecution execution) {
        Settlement settlement = settlementOf(execution);
        String actor = settlement.getStartedBy();
        execution.setVariable("settlementId", settlement.getId());
        if (settlement.getStatus() == Settlement.Status.SETTLING) {
            ledger.lockPools(settlement.getMeasure());
            for (SettlementLine line : lines.findBySettlementIdAndStatusOrderById(settlement.getId(), SettlementLine.Status.ALLOCATED,
                    casesPerJob)) {
                settle(settlement, line, actor);
            }
            if (!lines.existsBySettlementIdAndStatus(settlement.getId(), SettlementLine.Status.ALLOCATED)) {
                settlement.announce(publicNotice.startingToday());
                settlements.update(settlement); // before the notice timer reads its last day (PublicNotice.endsAt)
            }
        }
        execution.setVariable("casesLeftToSettle", settlement.getStatus() == Settlement.Status.SETTLING);
    }

    /**
     * The notice period is over: the next few cases still announced go to the disbursement batch. Sets
     * {@code casesLeftToAnnounce}; when none is left the batch is formed and {@code paymentsPending} set.
     */
    public void endNoticeForNextCases(DelegateExecution execution) {
        Settlement settlement = settlementOf(execution);
        if (settlement.getStatus() == Settlement.Status.NOTICE) {
            for (SettlementLine line : lines.findBySettlementIdAndStatusOrderById(settlement.getId(), SettlementLine.Status.ANNOUNCED,
                    casesPerJob)) {
                line.moveTo(SettlementLine.Status.PENDING_PAYMENT, CaseTimeline.SYSTEM);
                lines.update(line);
                correlate(NOTICE_ENDED, cases.findById(line.getCaseId()).orElseThrow(), Map.of());
            }
            if (!lines.existsBySettlementIdAndStatus(settlement.getId(), SettlementLine.Status.ANNOUNCED)) {
                settlement.endNotice();
                settlements.update(settlement);
            }
        }
        boolean left = settlement.getStatus() == Settlement.Status.NOTICE;
        execution.setVariable("casesLeftToAnnounce", left);
        if (!left) {
            boolean pending = lines.findBySettlementIdOrderById(settlement.getId()).stream().anyMatch(SettlementLine::awaitsPayment);
            if (!pending && settlement.getStatus() != Settlement.Status.CLOSED) {
                settlement.close();
                settlements.update(settlement);
            }
            execution.setVariable("paymentsPending", pending);
        }
    }

    /** Version 1 of the model (one settling step): instances started before the upgrade finish with it. */
    public void settle(DelegateExecution execution) {
        do {
            settleNextCases(execution);
        } while (Boolean.TRUE.equals(execution.getVariable("casesLeftToSettle")));
    }

    /** Version 1 of the model (one notice-end step): instances started before the upgrade finish with it. */
    public void endNotice(DelegateExecution execution) {
        do {
            endNoticeForNextCases(execution);
        } while (Boolean.TRUE.equals(execution.getVariable("casesLeftToAnnounce")));
    }

    /** The settlement of this process: decided when it was started through the API, or now (a start through the engine). */
    private Settlement settlementOf(DelegateExecution execution) {
        return settlements.findByProcessInstanceId(execution.getProcessInstanceId()).orElseGet(() -> allocation.allocate(
                (String) execution.getVariable("measure"), execution.getProcessInstanceId(),
                (String) execution.getVariable("settlementStarter")));
    }

    private void settle(Settlement settlement, SettlementLine line, String actor) {
        Allocation.Share share = new Allocation.Share(line.getCaseId(), line.getAsked(), line.getGranted());
        if (ledger.ofCase(share.caseId()).reserved().signum() > 0) {
            ledger.commit(share.caseId(), share.granted(), note(settlement), actor); // releases what is not granted
        } else if (share.granted().signum() > 0) {
            Reservation reservation = ledger.reserve(settlement.getMeasure(), share.caseId(), share.granted(), actor);
            if (!reservation.isReserved()) {
                throw new IllegalStateException("settlement " + settlement.getId() + ": " + reservation.en());
            }
            ledger.commit(share.caseId(), share.granted(), note(settlement), actor);
        }
        line.settled(actor);
        lines.update(line);
        CaseRecord caseRecord = cases.findById(share.caseId()).orElseThrow();
        RewardClaim claim = claims.of(caseRecord);
        claim.recordSettlement(share.granted());
        claims.save(claim);
        timeline.record(caseRecord, "SETTLED", "结算（第 " + settlement.getId() + " 批，" + settlement.getRule().label().zh() + "）：核定 "
                + Money.format(share.granted()) + " 元（认定奖励 " + Money.format(share.asked()) + " 元） / Settlement "
                + settlement.getId() + " (" + settlement.getRule().label().en() + "): CNY " + Money.format(share.granted())
                + " of CNY " + Money.format(share.asked()));
        correlate(SETTLEMENT_DECIDED, caseRecord, Map.of("funded", line.getStatus() == SettlementLine.Status.ANNOUNCED,
                "settledAmount", Money.format(share.granted()), "settlementId", settlement.getId()));
    }

    private static String note(Settlement settlement) {
        return settlement.isScaled()
                ? "结算核定（" + settlement.getRule().label().zh() + "，余额 " + Money.format(settlement.getRemainder()) + " 元） / committed at settlement ("
                        + settlement.getRule().label().en() + ", remainder CNY " + Money.format(settlement.getRemainder()) + ")"
                : "结算核定 / committed at settlement";
    }

    private void correlate(String message, CaseRecord caseRecord, Map<String, Object> variables) {
        runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(caseRecord.getCaseNumber())
                .setVariables(variables).correlateWithResult();
    }
}
