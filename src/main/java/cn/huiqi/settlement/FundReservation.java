package cn.huiqi.settlement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseOfProcess;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseTimeline;
import cn.huiqi.claim.RewardClaims;
import cn.huiqi.fund.FundLedger;
import cn.huiqi.fund.Reservation;

/**
 * At city approval the decided reward is reserved in the measure's pool. A full pool is not an error:
 * the case waits for settlement like every approved case, which shares what the pool holds by the
 * measure's rule. While a settlement of the measure is being settled (its shares are decided, its money
 * moves case by case) nothing is reserved either: the room it shares stays free for its cases, and this
 * case waits for the next settlement. Service task: {@code ${fundReservation.reserve(execution)}}.
 */
@Component("fundReservation")
public class FundReservation {

    private final CaseOfProcess caseOfProcess;
    private final CaseTimeline timeline;
    private final FundLedger ledger;
    private final RewardClaims claims;
    private final SettlementRepository settlements;

    public FundReservation(CaseOfProcess caseOfProcess, CaseTimeline timeline, FundLedger ledger, SettlementRepository settlements,
                           RewardClaims claims) {
        this.claims = claims;
        this.caseOfProcess = caseOfProcess;
        this.timeline = timeline;
        this.ledger = ledger;
        this.settlements = settlements;
    }

    public void reserve(DelegateExecution execution) {
        CaseRecord caseRecord = caseOfProcess.of(execution);
        ledger.lockPools(caseRecord.getMeasure()); // a settlement start waits for this, or this for it
        var settling = settlements.findFirstByMeasureAndStatusOrderByIdDesc(caseRecord.getMeasure(), Settlement.Status.SETTLING);
        if (settling.isPresent()) {
            timeline.record(caseRecord, "FUNDS_NOT_RESERVED", "第 " + settling.get().getId() + " 批结算核定中，本案件不预留资金，由下一批结算按规则处理"
                    + " / Settlement " + settling.get().getId() + " is being settled; nothing is reserved now, the next settlement applies the measure's rule");
            return;
        }
        Reservation reservation = ledger.reserve(caseRecord.getMeasure(), caseRecord.getId(), claims.of(caseRecord).getRewardAmount(),
                timeline.currentActor());
        timeline.record(caseRecord, reservation.isReserved() ? "FUNDS_RESERVED" : "FUNDS_NOT_RESERVED",
                reservation.zh() + " / " + reservation.en()
                        + (reservation.isReserved() ? "" : "；结算时按规则处理 / settlement applies the measure's rule"));
    }
}
