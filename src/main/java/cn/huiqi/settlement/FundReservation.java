package cn.huiqi.settlement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseOfProcess;
import cn.huiqi.casefile.CaseTimeline;
import cn.huiqi.casefile.RewardCase;
import cn.huiqi.fund.FundLedger;
import cn.huiqi.fund.Reservation;

/**
 * At city approval the decided reward is reserved in the measure's pool. A full pool is not an error:
 * the case waits for settlement like every approved case, which shares what the pool holds by the
 * measure's rule. Service task: {@code ${fundReservation.reserve(execution)}}.
 */
@Component("fundReservation")
public class FundReservation {

    private final CaseOfProcess caseOfProcess;
    private final CaseTimeline timeline;
    private final FundLedger ledger;

    public FundReservation(CaseOfProcess caseOfProcess, CaseTimeline timeline, FundLedger ledger) {
        this.caseOfProcess = caseOfProcess;
        this.timeline = timeline;
        this.ledger = ledger;
    }

    public void reserve(DelegateExecution execution) {
        RewardCase rewardCase = caseOfProcess.of(execution);
        Reservation reservation = ledger.reserve(rewardCase.getMeasure(), rewardCase.getId(), rewardCase.getRewardAmount(),
                timeline.currentActor());
        timeline.record(rewardCase, reservation.isReserved() ? "FUNDS_RESERVED" : "FUNDS_NOT_RESERVED",
                reservation.zh() + " / " + reservation.en()
                        + (reservation.isReserved() ? "" : "；结算时按规则处理 / settlement applies the measure's rule"));
    }
}
