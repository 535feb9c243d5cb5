package cn.huiqi.board;

import java.time.Instant;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.huiqi.calendar.WorkingDays;
import cn.huiqi.casefile.CaseLifecycles;
import cn.huiqi.casefile.CaseOpened;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseStatusChanged;
import cn.huiqi.claim.RewardClaims;
import cn.huiqi.timelimit.OverdueNow;
import cn.huiqi.timelimit.StepOverdue;

/**
 * Feeds the board's read model from the case events, synchronously, in the transaction of the step that caused them:
 * a step that rolls back leaves the board as it was, and a step that commits has moved it. Times are the engine's clock
 * (the one the step clocks and timers run on).
 */
@Component
class BoardFeed {

    private final BoardRows rows;
    private final CaseLifecycles lifecycles;
    private final WorkingDays workingDays;
    private final RewardClaims claims;
    private final OverdueNow clock;

    BoardFeed(BoardRows rows, CaseLifecycles lifecycles, WorkingDays workingDays, RewardClaims claims, OverdueNow clock) {
        this.rows = rows;
        this.lifecycles = lifecycles;
        this.workingDays = workingDays;
        this.claims = claims;
        this.clock = clock;
    }

    @EventListener
    void opened(CaseOpened event) {
        CaseRecord c = event.caseRecord();
        if (!rows.exists(c.getId())) {
            Instant now = clock.now();
            BoardCase row = new BoardCase(c.getId(), c.getCaseNumber(), c.getMeasure(), c.getLocalityUnitId(), c.getStatus(), now);
            row.enter(c.getStatus(), lifecycles.statusOf(c).isFinal(), now, workingDays);
            rows.save(row, now);
        }
    }

    @EventListener
    void statusChanged(CaseStatusChanged event) {
        CaseRecord c = event.caseRecord();
        Instant now = clock.now();
        BoardCase row = rows.find(c.getId()).orElseGet(() ->
                new BoardCase(c.getId(), c.getCaseNumber(), c.getMeasure(), c.getLocalityUnitId(), c.getStatus(), now));
        row.locality = c.getLocalityUnitId();
        row.enter(event.to().name(), event.to().isFinal(), now, workingDays);
        money(row);
        rows.save(row, now);
    }

    @EventListener
    void overdue(StepOverdue event) {
        if (event.caseId() <= 0) {
            return; // a settlement's step, of no single case
        }
        rows.find(event.caseId()).ifPresent(row -> {
            row.everOverdue = true;
            rows.save(row, clock.now());
        });
    }

    /** The approved amount (the rule's reward) once approved; the paid amount (what was settled and paid) once paid. */
    void money(BoardCase row) {
        if (!row.approved() && row.outcome != BoardCase.Outcome.PAID) {
            return;
        }
        claims.find(row.caseId).ifPresent(claim -> {
            row.approvedAmount = claim.getRewardAmount();
            row.paidAmount = row.outcome == BoardCase.Outcome.PAID ? claim.getSettledAmount() : null;
        });
    }
}
