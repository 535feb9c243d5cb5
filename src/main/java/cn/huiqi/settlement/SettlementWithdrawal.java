package cn.huiqi.settlement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseOfProcess;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseTimeline;
import cn.huiqi.claim.RewardClaim;
import cn.huiqi.claim.RewardClaims;
import cn.huiqi.common.Money;
import cn.huiqi.fund.CaseFunds;
import cn.huiqi.fund.FundLedger;

/**
 * An objection during the public notice takes the case out of its settlement's batch and releases its
 * committed money; city review decides again, and an approved case waits for the next settlement.
 * Service task: {@code ${settlementWithdrawal.withdraw(execution)}}. A case treated as withdrawn (视为撤回: no
 * supplement by its deadline) gives back whatever it holds: {@code ${settlementWithdrawal.releaseWithdrawnCase(execution)}}.
 */
@Component("settlementWithdrawal")
public class SettlementWithdrawal {

    private final CaseOfProcess caseOfProcess;
    private final SettlementLineRepository lines;
    private final FundLedger ledger;
    private final RewardClaims claims;
    private final CaseTimeline timeline;

    public SettlementWithdrawal(CaseOfProcess caseOfProcess, SettlementLineRepository lines, FundLedger ledger,
                                CaseTimeline timeline, RewardClaims claims) {
        this.claims = claims;
        this.caseOfProcess = caseOfProcess;
        this.lines = lines;
        this.ledger = ledger;
        this.timeline = timeline;
    }

    /**
     * 逾期未补正，视为撤回: releases the case's open reservation or unpaid commitment and takes it out of a settlement
     * it is still in, so a stalled case never holds money a settlement could share. In the shipped models money is
     * reserved only after city review and an upheld objection releases it before city review starts again, so this
     * usually finds nothing to release; it is the one place that makes sure.
     */
    public void releaseWithdrawnCase(DelegateExecution execution) {
        CaseRecord caseRecord = caseOfProcess.of(execution);
        ledger.lockPools(caseRecord.getMeasure());
        String actor = CaseTimeline.SYSTEM;
        String reason = "逾期未补正，视为撤回 / no supplement by the deadline: treated as withdrawn";
        var funds = ledger.ofCase(caseRecord.getId());
        String released = "";
        if (funds.reserved().signum() > 0) {
            released = Money.format(funds.reserved());
            ledger.releaseReservation(caseRecord.getId(), reason, actor);
        } else if (funds.state() == CaseFunds.State.COMMITTED) {
            released = Money.format(funds.committed());
            ledger.cancelCommitment(caseRecord.getId(), reason, actor);
        }
        lines.findFirstByCaseIdOrderByIdDesc(caseRecord.getId())
                .filter(l -> l.getStatus() == SettlementLine.Status.ALLOCATED || l.getStatus() == SettlementLine.Status.ANNOUNCED)
                .ifPresent(l -> {
                    l.moveTo(SettlementLine.Status.WITHDRAWN, actor);
                    lines.update(l);
                });
        if (!released.isEmpty()) {
            RewardClaim claim = claims.of(caseRecord);
            claim.recordSettlement(null);
            claims.save(claim);
        }
        timeline.record(caseRecord, "SUPPLEMENT_DEADLINE_PASSED", "逾期未补正，视为撤回" + (released.isEmpty() ? "" : "，已释放资金 " + released + " 元")
                + " / No supplement by the deadline: the case is treated as withdrawn"
                + (released.isEmpty() ? "" : "; CNY " + released + " released"));
    }

    /** review-chain: an objection during the notice takes the case out of its settlement and back to city review. */
    public void withdraw(DelegateExecution execution) {
        withdraw(execution, "退回市级审核", "city review decides again");
    }

    /**
     * evaluation-award (measures 5 and 6): an upheld objection during the notice takes the locality's award out of its
     * settlement; the award process ends withdrawn, there is no city review to return to (the round's ranking is
     * rechecked by 市工信局 and a corrected award goes through the evaluation round again).
     */
    public void withdrawAward(DelegateExecution execution) {
        withdraw(execution, "本次奖励撤回，由市工信局重新核定评价结果", "the award is withdrawn and 市工信局 rechecks the evaluation");
    }

    private void withdraw(DelegateExecution execution, String nextZh, String nextEn) {
        CaseRecord caseRecord = caseOfProcess.of(execution);
        SettlementLine line = lines.findFirstByCaseIdOrderByIdDesc(caseRecord.getId())
                .filter(l -> l.getStatus() == SettlementLine.Status.ANNOUNCED)
                .orElseThrow(() -> new IllegalStateException("case " + caseRecord.getCaseNumber() + " is not under notice in a settlement"));
        Object reason = execution.getVariable("objectionReason");
        String actor = timeline.currentActor();
        ledger.cancelCommitment(caseRecord.getId(), "公示异议 / objection: " + reason, actor);
        line.moveTo(SettlementLine.Status.WITHDRAWN, actor);
        lines.update(line);
        RewardClaim claim = claims.of(caseRecord);
        claim.recordSettlement(null);
        claims.save(claim);
        timeline.record(caseRecord, "WITHDRAWN_FROM_SETTLEMENT", "因公示异议撤出第 " + line.getSettlementId()
                + " 批结算，核定资金已释放，" + nextZh + " / Withdrawn from settlement " + line.getSettlementId()
                + " after an objection; its money is released and " + nextEn);
    }
}
