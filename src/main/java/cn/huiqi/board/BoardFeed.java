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
 * Feeds the board's read model from the case events, in the transaction of the step that caused them (written as it
 * commits, {@link BoardWrites}): a step that rolls back leaves the board as it was, and a step that commits has moved
 * it. Times are the engine's clock (the one the step clocks and timers run on).
 */
@Component
class BoardFeed {

    private final BoardWrites writes;
    private final CaseLifecycles lifecycles;
    private final WorkingDays workingDays;
    private final RewardClaims claims;
    private final OverdueNow clock;

    BoardFeed(BoardWrites writes, CaseLifecycles lifecycles, WorkingDays workingDays, RewardClaims claims, OverdueNow clock) {
        this.writes = writes;
        this.lifecycles = lifecycles;
        this.workingDays = workingDays;
        this.claims = claims;
        this.clock = clock;
    }

    @EventListener
    void opened(CaseOpened event) {
        CaseRecord c = event.caseRecord();
        Instant now = clock.now();
        boolean isFinal = lifecycles.statusOf(c).isFinal();
        BoardCase opened = new BoardCase(c.getId(), c.getCaseNumber(), c.getMeasure(), c.getLocalityUnitId(), c.getStatus(), now);
        opened.enter(opened.status, isFinal, now, workingDays);
        writes.opened(c.getId(), opened::copy);
    }

    @EventListener
    void statusChanged(CaseStatusChanged event) {
        CaseRecord c = event.caseRecord();
        Instant now = clock.now();
        String locality = c.getLocalityUnitId();
        BoardCase absent = new BoardCase(c.getId(), c.getCaseNumber(), c.getMeasure(), locality, c.getStatus(), now);
        writes.change(c.getId(), row -> {
            row.locality = locality;
            row.enter(event.to().name(), event.to().isFinal(), now, workingDays);
            money(row);
        }, absent::copy);
    }

    @EventListener
    void overdue(StepOverdue event) {
        if (event.caseId() <= 0) {
            return; // a settlement's step, of no single case
        }
        writes.change(event.caseId(), row -> row.everOverdue = true, null);
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
