package cn.huiqi.financing;

import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import cn.huiqi.calendar.WorkingDays;
import cn.huiqi.casefile.CaseLifecycles;
import cn.huiqi.casefile.CaseOfProcess;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseTimeline;
import cn.huiqi.casefile.EnterpriseNotice;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.Label;

/**
 * The steps of {@code bpmn/m8-financing-demand.bpmn} ({@code ${financingSteps.…}}): the end listeners of 审核 and 协调
 * (checked values, bilingual 400, the completion rolls back), publication, the publication and take-up deadlines on
 * the working-day clock, and a take-up's lapse. Everything is written to the demand record, the case status and its
 * timeline; nothing the process routes on is a variable a worker could write.
 */
@Component("financingSteps")
public class FinancingSteps {

    static final Set<TakeUpStatus> LIVE = EnumSet.of(TakeUpStatus.ACTIVE, TakeUpStatus.OFFERED);

    private final CaseOfProcess caseOfProcess;
    private final FinancingDemandRepository demands;
    private final TakeUpRepository takeUps;
    private final Consents consents;
    private final CaseLifecycles lifecycles;
    private final CaseTimeline timeline;
    private final WorkingDays workingDays;
    private final FinancingSettings settings;
    private final ApplicationEventPublisher events;
    private final Institutions institutions;

    FinancingSteps(CaseOfProcess caseOfProcess, FinancingDemandRepository demands, TakeUpRepository takeUps, Consents consents,
                   CaseLifecycles lifecycles, CaseTimeline timeline, WorkingDays workingDays, FinancingSettings settings,
                   ApplicationEventPublisher events, Institutions institutions) {
        this.caseOfProcess = caseOfProcess;
        this.demands = demands;
        this.takeUps = takeUps;
        this.consents = consents;
        this.lifecycles = lifecycles;
        this.timeline = timeline;
        this.workingDays = workingDays;
        this.settings = settings;
        this.events = events;
        this.institutions = institutions;
    }

    /** Start of every user task: the fields any step takes are cleared, so a completion is judged on what it sent. */
    public void fresh(DelegateExecution execution) {
        execution.removeVariables(FinancingTaskContracts.ALL_FIELDS);
    }

    // ---- 审核 screening ------------------------------------------------------------------------------------

    /** End of Task_Screen: publish (consent must stand), return for supplement or reject, with a reason for both. */
    public void screened(DelegateExecution execution) {
        CaseRecord caseRecord = caseOfProcess.of(execution);
        FinancingDemand demand = demands.findById(caseRecord.getId()).orElseThrow();
        FieldChecks checks = new FieldChecks();
        String decision = text(execution, "decision");
        String reason = text(execution, "reason");
        if (!List.of("publish", "return", "reject").contains(decision)) {
            checks.add("decision", "审核结论须为 publish（发布）、return（退回补充）或 reject（不予发布）",
                    "The decision must be publish, return or reject");
        } else if (!"publish".equals(decision)) {
            reason = checks.requiredText("reason", reason, "理由", "The reason", 2000);
        } else if (!consents.present(demand.getCaseId())) {
            checks.add("decision", "企业尚未同意共享（或已撤回），不能发布", "The enterprise has not consented to share (or revoked): it cannot be published");
        }
        checks.throwIfAny();
        switch (decision) {
            case "publish" -> timeline.record(caseRecord, "FINANCING_SCREENED", "审核通过，予以发布 / Screened: published");
            case "return" -> {
                demand.setScreeningReason(reason);
                move(caseRecord, demand, FinancingStatus.RETURNED);
                timeline.record(caseRecord, "FINANCING_RETURN", "退回补充 / Returned for supplement — " + reason);
                notice(caseRecord, "FINANCING_SCREENED", Label.of("融资需求退回补充：" + caseRecord.getCaseNumber(), "Returned for supplement: " + caseRecord.getCaseNumber()),
                        Label.of("请补充后重新提交，理由：" + reason, "Please supplement and submit again; reason: " + reason));
            }
            default -> {
                demand.setScreeningReason(reason);
                demand.setClosedAt(FinancingIntake.now());
                timeline.record(caseRecord, "FINANCING_REJECT", "不予发布 / Not published — " + reason);
                move(caseRecord, demand, FinancingStatus.REJECTED);
            }
        }
    }

    // ---- 发布 publication ------------------------------------------------------------------------------------

    /** Task_Publish: a new publication round with its own deadline (publicationWorkingDays, labelled default). */
    public void publish(DelegateExecution execution) {
        CaseRecord caseRecord = caseOfProcess.of(execution);
        FinancingDemand demand = demands.findById(caseRecord.getId()).orElseThrow();
        java.time.Instant now = FinancingIntake.now();
        demand.published(now, workingDays.deadline(now, settings.publicationWorkingDays()));
        move(caseRecord, demand, openStatus(demand));
        timeline.record(caseRecord, "FINANCING_PUBLISHED", "第" + demand.getPublications() + "次发布，" + settings.publicationWorkingDays()
                + "个工作日内待金融机构对接（系统默认值，待政策部门确认） / Publication " + demand.getPublications() + ", open for "
                + settings.publicationWorkingDays() + " working days (system default)");
        notice(caseRecord, "FINANCING_SCREENED", Label.of("融资需求已发布：" + caseRecord.getCaseNumber(), "Financing demand published: " + caseRecord.getCaseNumber()),
                Label.of("您的融资需求已按您的同意范围向金融机构发布。", "Your demand is published to the institutions you consented to."));
    }

    /** Timer on the matching wait: the end of this publication's last working day. */
    public Date publicationDue(DelegateExecution execution) {
        return Date.from(demandOf(execution).getPublicationDueAt());
    }

    /** Gateway at the publication deadline: some institution of this round is still working on it or has offered. */
    public boolean anyLiveTakeUp(DelegateExecution execution) {
        FinancingDemand demand = demandOf(execution);
        return takeUps.findByCaseIdAndStatusIn(demand.getCaseId(), LIVE).stream()
                .anyMatch(t -> t.getPublication() == demand.getPublications());
    }

    // ---- take-up limit --------------------------------------------------------------------------------------

    /**
     * Timer of a take-up's event sub-process, triggered in the same transaction that saved the take-up: the due instant
     * of the demand's newest take-up, read from its row (no variable carries it).
     */
    public Date takeUpDue(DelegateExecution execution) {
        long caseId = caseOfProcess.of(execution).getId();
        return takeUps.findByCaseIdOrderById(caseId).stream().reduce((a, b) -> b).map(t -> Date.from(t.getDueAt()))
                .orElseThrow(() -> new IllegalStateException("case " + caseId + " has no take-up"));
    }

    /** A take-up's limit passed: every take-up of the demand still ACTIVE (no decision) at its due instant lapses. */
    public void takeUpLapsed(DelegateExecution execution) {
        CaseRecord caseRecord = caseOfProcess.of(execution);
        java.time.Instant now = FinancingIntake.now();
        for (TakeUp takeUp : takeUps.findByCaseIdAndStatusIn(caseRecord.getId(), EnumSet.of(TakeUpStatus.ACTIVE))) {
            if (takeUp.getDueAt().isAfter(now)) {
                continue;
            }
            takeUp.end(TakeUpStatus.LAPSED, now);
            takeUps.update(takeUp);
            Label name = institutionName(takeUp.getInstitution());
            timeline.record(caseRecord, "FINANCING_TAKE_UP_LAPSED", name.zh() + " 对接超时未决，名额释放 / " + name.en() + "'s take-up lapsed");
            notice(caseRecord, "FINANCING_LAPSED", Label.of("对接超时：" + caseRecord.getCaseNumber(), "Take-up lapsed: " + caseRecord.getCaseNumber()),
                    Label.of(name.zh() + " 未在时限内作出授信决定，对接已终止，其他金融机构可继续对接。",
                            name.en() + " made no credit decision in time; its take-up ended and others may take the demand up."));
        }
        refreshOpenStatus(caseRecord, demands.findById(caseRecord.getId()).orElseThrow());
    }

    // ---- 协调 coordination by jrb -------------------------------------------------------------------------------

    /** Start of Task_Coordinate: the demand waits for jrb. */
    public void coordinationOpened(DelegateExecution execution) {
        CaseRecord caseRecord = caseOfProcess.of(execution);
        FinancingDemand demand = demands.findById(caseRecord.getId()).orElseThrow();
        move(caseRecord, demand, FinancingStatus.COORDINATING);
        timeline.record(caseRecord, "FINANCING_UNMATCHED", "发布期内未达成授信，转市金融办协调 / Nothing came of the publication: jrb coordinates");
    }

    /** End of Task_Coordinate: publish again, the next matchmaking event, a government guarantee, or close with a reason. */
    public void coordinated(DelegateExecution execution) {
        CaseRecord caseRecord = caseOfProcess.of(execution);
        FinancingDemand demand = demands.findById(caseRecord.getId()).orElseThrow();
        FieldChecks checks = new FieldChecks();
        CoordinationOutcome outcome = DemandFields.oneOf(checks, "outcome", execution.getVariable("outcome"), CoordinationOutcome.class,
                "协调结果", "The outcome");
        String reason = text(execution, "reason");
        if (outcome == CoordinationOutcome.CLOSE) {
            reason = checks.requiredText("reason", reason, "办结理由", "The reason to close", 2000);
        } else if (reason != null && !reason.isBlank()) {
            reason = checks.requiredText("reason", reason, "说明", "The note", 2000);
        } else {
            reason = null;
        }
        checks.throwIfAny();
        demand.coordinated(outcome, reason, FinancingIntake.now());
        timeline.record(caseRecord, "FINANCING_COORDINATED", "市金融办协调：" + outcome.label().zh() + " / jrb: " + outcome.label().en()
                + (reason == null ? "" : " — " + reason));
        if (outcome == CoordinationOutcome.CLOSE) {
            demand.setClosedAt(FinancingIntake.now());
            move(caseRecord, demand, FinancingStatus.CLOSED);
        } else {
            demands.update(demand); // the outcome stays on the demand: openStatus() reads it when it is published again
        }
        notice(caseRecord, "FINANCING_COORDINATED", Label.of("市金融办协调结果：" + caseRecord.getCaseNumber(), "Coordinated by jrb: " + caseRecord.getCaseNumber()),
                Label.of(outcome.label().zh() + (reason == null ? "" : "。" + reason), outcome.label().en() + (reason == null ? "" : ". " + reason)));
    }

    // ---- shared ------------------------------------------------------------------------------------------------

    /** PUBLISHED, or COORDINATING while jrb's outcome keeps it on an event or a guarantee; TAKEN_UP while a take-up lives. */
    static FinancingStatus openStatus(FinancingDemand demand) {
        CoordinationOutcome outcome = demand.getCoordinationOutcome();
        return outcome == CoordinationOutcome.NEXT_EVENT || outcome == CoordinationOutcome.GUARANTEE
                ? FinancingStatus.COORDINATING : FinancingStatus.PUBLISHED;
    }

    /**
     * After a take-up starts or ends: TAKEN_UP while one of this round lives, else back to the open status. The demand is
     * as stored but for this status: when the status stays, its row is not written.
     */
    void refreshOpenStatus(CaseRecord caseRecord, FinancingDemand demand) {
        if (!demand.getStatus().open()) {
            return;
        }
        boolean live = takeUps.findByCaseIdAndStatusIn(demand.getCaseId(), LIVE).stream()
                .anyMatch(t -> t.getPublication() == demand.getPublications());
        FinancingStatus status = live ? FinancingStatus.TAKEN_UP : openStatus(demand);
        if (status == demand.getStatus()) {
            lifecycles.moveTo(caseRecord, status);
        } else {
            move(caseRecord, demand, status);
        }
    }

    /** The demand, with every change its caller made, written in its new status; the case follows. */
    void move(CaseRecord caseRecord, FinancingDemand demand, FinancingStatus status) {
        demand.setStatus(status);
        demands.update(demand);
        lifecycles.moveTo(caseRecord, status);
    }

    void notice(CaseRecord caseRecord, String kind, Label title, Label body) {
        events.publishEvent(new EnterpriseNotice(caseRecord, kind, title, body));
    }

    Label institutionName(String unitId) {
        return institutions.find(unitId).map(i -> Label.of(i.nameZh(), i.nameEn())).orElse(Label.of(unitId, unitId));
    }

    private FinancingDemand demandOf(DelegateExecution execution) {
        return demands.findById(caseOfProcess.of(execution).getId()).orElseThrow();
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
