package cn.huiqi.financing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseTimeline;
import cn.huiqi.common.ConflictException;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.NotFoundException;
import cn.huiqi.identity.Caller;

/**
 * What the enterprise (its user, or an agent acting for it) does with its own demand: supplement it when screening
 * returned it, change or revoke its consent, accept one offer, withdraw.
 */
@Component
class EnterpriseActions {

    private final FinancingAccess access;
    private final FinancingDemandRepository demands;
    private final TakeUpRepository takeUps;
    private final Consents consents;
    private final FinancingSubmission submission;
    private final FinancingSteps steps;
    private final DemandMessages messages;
    private final CaseTimeline timeline;

    EnterpriseActions(FinancingAccess access, FinancingDemandRepository demands, TakeUpRepository takeUps, Consents consents,
                      FinancingSubmission submission, FinancingSteps steps, DemandMessages messages, CaseTimeline timeline) {
        this.access = access;
        this.demands = demands;
        this.takeUps = takeUps;
        this.consents = consents;
        this.submission = submission;
        this.steps = steps;
        this.messages = messages;
        this.timeline = timeline;
    }

    /** RETURNED → corrected terms → SUBMITTED, back to screening. */
    @Transactional
    void supplement(Caller caller, String caseNumber, Map<String, Object> body) {
        CaseRecord caseRecord = access.enterprisesOwn(caller, caseNumber);
        FieldChecks checks = new FieldChecks();
        DemandFields.onlyKnown(checks, body, FinancingSubmission.TERMS);
        FinancingDemand demand = demands.lockById(caseRecord.getId()).orElseThrow();
        DemandTerms terms = submission.terms(checks, demand.getEnterpriseId(), body);
        checks.throwIfAny();
        if (demand.getStatus() != FinancingStatus.RETURNED) {
            throw new ConflictException("caseNumber", "只有退回补充的融资需求可以修改", "Only a demand returned for supplement can be changed");
        }
        demand.apply(terms);
        timeline.record(caseRecord, "FINANCING_SUPPLEMENTED", "企业补充后重新提交 / Supplemented and submitted again");
        steps.move(caseRecord, demand, FinancingStatus.SUBMITTED);
        messages.send(DemandMessages.RESUBMITTED, caseNumber);
    }

    @Transactional
    void consent(Caller caller, String caseNumber, Map<String, Object> body) {
        CaseRecord caseRecord = access.enterprisesOwn(caller, caseNumber);
        FieldChecks checks = new FieldChecks();
        ConsentTerms terms = consents.parse(checks, "", body);
        checks.throwIfAny();
        notFinal(demands.findById(caseRecord.getId()).orElseThrow());
        consents.give(caseRecord, terms);
    }

    @Transactional
    void revokeConsent(Caller caller, String caseNumber) {
        CaseRecord caseRecord = access.enterprisesOwn(caller, caseNumber);
        consents.revoke(caseRecord);
    }

    /** Accepts one offer (an OFFERED take-up of this publication); every other live take-up is not chosen. */
    @Transactional
    void accept(Caller caller, String caseNumber, Map<String, Object> body) {
        CaseRecord caseRecord = access.enterprisesOwn(caller, caseNumber);
        FieldChecks checks = new FieldChecks();
        DemandFields.onlyKnown(checks, body, List.of("takeUpId"));
        Object raw = body.get("takeUpId");
        long takeUpId = -1;
        try {
            takeUpId = raw instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(raw));
        } catch (NumberFormatException e) {
            checks.add("takeUpId", "请选择一项授信（takeUpId）", "Choose an offer (takeUpId)");
        }
        checks.throwIfAny();
        FinancingDemand demand = demands.lockById(caseRecord.getId()).orElseThrow();
        long id = takeUpId;
        TakeUp chosen = takeUps.findById(id).filter(t -> t.getCaseId().equals(demand.getCaseId()))
                .orElseThrow(() -> new NotFoundException("takeUpId", "该需求没有对接记录 " + id, "This demand has no take-up " + id));
        if (chosen.getStatus() != TakeUpStatus.OFFERED || !demand.getStatus().open()) {
            throw new ConflictException("takeUpId", "只能选定当前有效的授信", "Only a standing offer can be accepted");
        }
        chosen.setStatus(TakeUpStatus.ACCEPTED);
        takeUps.update(chosen);
        takeUps.endLive(demand.getCaseId(), TakeUpStatus.NOT_CHOSEN, FinancingIntake.now());
        demand.setAcceptedTakeUp(chosen.getId());
        timeline.record(caseRecord, "FINANCING_ACCEPTED", "企业选定 " + steps.institutionName(chosen.getInstitution()).zh()
                + " 的授信 / The enterprise accepted an offer");
        steps.move(caseRecord, demand, FinancingStatus.ACCEPTED);
        messages.send(DemandMessages.OFFER_ACCEPTED, caseNumber);
    }

    @Transactional
    void withdraw(Caller caller, String caseNumber, Map<String, Object> body) {
        CaseRecord caseRecord = access.enterprisesOwn(caller, caseNumber);
        FieldChecks checks = new FieldChecks();
        DemandFields.onlyKnown(checks, body, List.of("reason"));
        String reason = checks.requiredText("reason", body.get("reason"), "撤回理由", "The reason", 500);
        checks.throwIfAny();
        FinancingDemand demand = demands.lockById(caseRecord.getId()).orElseThrow();
        notFinal(demand);
        if (demand.getStatus() == FinancingStatus.ACCEPTED) {
            throw new ConflictException("caseNumber", "已选定授信的需求不能撤回", "A demand with an accepted offer cannot be withdrawn");
        }
        Instant now = FinancingIntake.now();
        takeUps.endLive(demand.getCaseId(), TakeUpStatus.ENDED, now);
        demand.setClosedAt(now);
        timeline.record(caseRecord, "APPLICATION_WITHDRAWN", "企业撤回融资需求 / The enterprise withdrew the demand — " + reason);
        steps.move(caseRecord, demand, FinancingStatus.WITHDRAWN);
        messages.send(DemandMessages.WITHDRAWN, caseNumber);
    }

    private static void notFinal(FinancingDemand demand) {
        if (demand.getStatus().isFinal()) {
            throw new ConflictException("caseNumber", "该融资需求已" + demand.getStatus().zh(), "This demand is " + demand.getStatus().en().toLowerCase());
        }
    }
}
