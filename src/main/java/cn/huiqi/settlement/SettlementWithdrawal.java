package cn.huiqi.settlement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseOfProcess;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseTimeline;
import cn.huiqi.claim.RewardClaims;
import cn.huiqi.fund.FundLedger;

/**
 * An objection during the public notice takes the case out of its settlement's batch and releases its
 * committed money; city review decides again, and an approved case waits for the next settlement.
 * Service task: {@code ${settlementWithdrawal.withdraw(execution)}}.
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

    public void withdraw(DelegateExecution execution) {
        CaseRecord caseRecord = caseOfProcess.of(execution);
        SettlementLine line = lines.findFirstByCaseIdOrderByIdDesc(caseRecord.getId())
                .filter(l -> l.getStatus() == SettlementLine.Status.ANNOUNCED)
                .orElseThrow(() -> new IllegalStateException("case " + caseRecord.getCaseNumber() + " is not under notice in a settlement"));
        Object reason = execution.getVariable("objectionReason");
        String actor = timeline.currentActor();
        ledger.cancelCommitment(caseRecord.getId(), "公示异议 / objection: " + reason, actor);
        line.moveTo(SettlementLine.Status.WITHDRAWN, actor);
        claims.of(caseRecord).recordSettlement(null);
        timeline.record(caseRecord, "WITHDRAWN_FROM_SETTLEMENT", "因公示异议撤出第 " + line.getSettlementId()
                + " 批结算，核定资金已释放，退回市级审核 / Withdrawn from settlement " + line.getSettlementId()
                + " after an objection; its money is released and city review decides again");
    }
}
