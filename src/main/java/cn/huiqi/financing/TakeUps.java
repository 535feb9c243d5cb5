package cn.huiqi.financing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.calendar.WorkingDays;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.casefile.CaseTimeline;
import cn.huiqi.common.ConflictException;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.Label;
import cn.huiqi.common.NotFoundException;
import cn.huiqi.identity.Caller;
import cn.huiqi.process.EngineAsSystem;

/**
 * What an institution does with a demand it may see ({@link InstitutionReads}): take it up (at most
 * {@code maxActiveTakeUps} ACTIVE at once, counted under a lock on the demand row so two racing take-ups cannot both
 * pass), write contact and due-diligence notes, decide (offer: approved amount, rate, term; or decline with a reason),
 * and, once the enterprise accepted its offer, record the loan granted. Its own take-ups only; a demand whose consent
 * no longer shares it with the institution answers 404 to all of these.
 */
@Component
class TakeUps {

    private final FinancingDemandRepository demands;
    private final TakeUpRepository takeUps;
    private final InstitutionReads reads;
    private final FinancingAccess access;
    private final CaseRecordRepository cases;
    private final CaseTimeline timeline;
    private final FinancingSteps steps;
    private final DemandMessages messages;
    private final WorkingDays workingDays;
    private final FinancingSettings settings;
    private final TaskService taskService;
    private final EngineAsSystem system;

    TakeUps(FinancingDemandRepository demands, TakeUpRepository takeUps, InstitutionReads reads, FinancingAccess access,
            CaseRecordRepository cases, CaseTimeline timeline, FinancingSteps steps, DemandMessages messages, WorkingDays workingDays,
            FinancingSettings settings, TaskService taskService, EngineAsSystem system) {
        this.demands = demands;
        this.takeUps = takeUps;
        this.reads = reads;
        this.access = access;
        this.cases = cases;
        this.timeline = timeline;
        this.steps = steps;
        this.messages = messages;
        this.workingDays = workingDays;
        this.settings = settings;
        this.taskService = taskService;
        this.system = system;
    }

    @Transactional
    InstitutionReads.TakeUpView takeUp(Caller caller, String caseNumber) {
        Institution institution = access.institution(caller);
        FinancingDemand seen = reads.visibleDemand(institution.unitId(), caseNumber);
        FinancingDemand demand = demands.lockById(seen.getCaseId()).orElseThrow();
        CaseRecord caseRecord = cases.findById(demand.getCaseId()).orElseThrow();
        if (!demand.getStatus().open() || coordinating(caseRecord)) {
            throw new ConflictException("caseNumber", "融资需求 " + caseNumber + " 当前不在发布期，不能对接",
                    "Financing demand " + caseNumber + " is not open to take up now");
        }
        if (takeUps.findByCaseIdAndInstitutionAndPublication(demand.getCaseId(), institution.unitId(), demand.getPublications()).isPresent()) {
            throw new ConflictException("caseNumber", "本机构已对接过本次发布的该需求", "Your institution already took up this publication of the demand");
        }
        int active = takeUps.lockActive(demand.getCaseId());
        if (active >= settings.maxActiveTakeUps()) {
            throw new ConflictException("caseNumber", "已有" + settings.maxActiveTakeUps() + "家金融机构正在对接该需求，请待名额释放后再试",
                    settings.maxActiveTakeUps() + " institutions are already working on this demand; try again when a slot is free");
        }
        Instant now = FinancingIntake.now();
        Instant due = workingDays.deadline(now, settings.takeUpWorkingDays());
        TakeUp takeUp;
        try {
            takeUp = takeUps.insert(new TakeUp(demand.getCaseId(), institution.unitId(), demand.getPublications(), caller.userId(),
                    now, due.atZone(WorkingDays.CHINA).toLocalDate().minusDays(1), due));
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("caseNumber", "本机构已对接过本次发布的该需求", "Your institution already took up this publication of the demand");
        }
        timeline.record(caseRecord, "FINANCING_TAKEN_UP", institution.nameZh() + " 对接该需求，" + settings.takeUpWorkingDays()
                + "个工作日内作出授信决定（系统默认值） / Taken up by " + institution.nameEn());
        steps.notice(caseRecord, "FINANCING_TAKEN_UP", Label.of("金融机构已对接：" + caseNumber, "Taken up: " + caseNumber),
                Label.of(institution.nameZh() + " 已对接您的融资需求，将与您联系。", institution.nameEn() + " took up your demand and will contact you."));
        steps.refreshOpenStatus(caseRecord, demand);
        messages.takenUp(caseNumber);
        return InstitutionReads.TakeUpView.of(takeUp).named(institution.nameZh());
    }

    @Transactional
    InstitutionReads.TakeUpView notes(Caller caller, long takeUpId, Map<String, Object> body) {
        TakeUp takeUp = own(caller, takeUpId);
        FieldChecks checks = new FieldChecks();
        DemandFields.onlyKnown(checks, body, List.of("contactNotes", "diligenceNotes"));
        if (body.isEmpty()) {
            checks.add("contactNotes", "请填写联系或尽职调查记录", "Write a contact or due-diligence note");
        }
        String contact = body.containsKey("contactNotes") ? checks.requiredText("contactNotes", body.get("contactNotes"), "联系记录", "The contact note", 4000) : null;
        String diligence = body.containsKey("diligenceNotes") ? checks.requiredText("diligenceNotes", body.get("diligenceNotes"), "尽职调查记录", "The due-diligence note", 4000) : null;
        checks.throwIfAny();
        if (!FinancingSteps.LIVE.contains(takeUp.getStatus()) && takeUp.getStatus() != TakeUpStatus.ACCEPTED) {
            throw ended(takeUp);
        }
        if (contact != null) {
            takeUp.setContactNotes(contact);
        }
        if (diligence != null) {
            takeUp.setDiligenceNotes(diligence);
        }
        takeUps.update(takeUp);
        return InstitutionReads.TakeUpView.of(takeUp);
    }

    @Transactional
    InstitutionReads.TakeUpView decide(Caller caller, long takeUpId, Map<String, Object> body) {
        TakeUp takeUp = own(caller, takeUpId);
        FieldChecks checks = new FieldChecks();
        DemandFields.onlyKnown(checks, body, List.of("decision", "approvedAmount", "rate", "termMonths", "reason"));
        String decision = body.get("decision") == null ? "" : body.get("decision").toString();
        BigDecimal amount = null;
        BigDecimal rate = null;
        Integer term = null;
        String reason = null;
        if ("OFFER".equals(decision)) {
            amount = DemandFields.amount(checks, "approvedAmount", body.get("approvedAmount"), "授信金额", "The approved amount");
            rate = DemandFields.rate(checks, "rate", body.get("rate"));
            term = DemandFields.months(checks, "termMonths", body.get("termMonths"), "授信期限", "The term");
            if (body.containsKey("reason")) {
                checks.add("reason", "授信时不填理由", "No reason with an offer");
            }
        } else if ("DECLINE".equals(decision)) {
            reason = checks.requiredText("reason", body.get("reason"), "不予授信理由", "The reason to decline", 2000);
            for (String field : List.of("approvedAmount", "rate", "termMonths")) {
                if (body.containsKey(field)) {
                    checks.add(field, "不予授信时不填授信条件", "No credit terms when declining");
                }
            }
        } else {
            checks.add("decision", "授信决定须为 OFFER（授信）或 DECLINE（不予授信）", "The decision must be OFFER or DECLINE");
        }
        checks.throwIfAny();
        FinancingDemand demand = demands.lockById(takeUp.getCaseId()).orElseThrow();
        if (takeUp.getStatus() != TakeUpStatus.ACTIVE || !demand.getStatus().open()) {
            throw ended(takeUp);
        }
        CaseRecord caseRecord = cases.findById(demand.getCaseId()).orElseThrow();
        String name = steps.institutionName(takeUp.getInstitution()).zh();
        Instant now = FinancingIntake.now();
        if (amount != null) {
            takeUp.offer(amount, rate, term, caller.userId(), now);
            timeline.record(caseRecord, "FINANCING_OFFERED", name + " 作出授信决定 / Credit offered");
            steps.notice(caseRecord, "FINANCING_OFFERED", Label.of("金融机构已授信：" + caseRecord.getCaseNumber(), "Credit offered: " + caseRecord.getCaseNumber()),
                    Label.of(name + " 授信 " + amount.toPlainString() + " 元，年利率 " + rate.stripTrailingZeros().toPlainString() + "%，期限 " + term
                            + " 个月。请在融资页面选定一家。", "An offer of " + amount.toPlainString() + " yuan at " + rate.stripTrailingZeros().toPlainString()
                            + "% for " + term + " months; choose one on the financing page."));
        } else {
            takeUp.decline(reason, caller.userId(), now);
            timeline.record(caseRecord, "FINANCING_DECLINED", name + " 不予授信 / Credit declined — " + reason);
            steps.notice(caseRecord, "FINANCING_DECLINED", Label.of("金融机构不予授信：" + caseRecord.getCaseNumber(), "Credit declined: " + caseRecord.getCaseNumber()),
                    Label.of(name + " 不予授信，理由：" + reason, "Declined; reason: " + reason));
        }
        takeUps.update(takeUp);
        steps.refreshOpenStatus(caseRecord, demand);
        unmatchedAfterDeadline(caseRecord, demand);
        return InstitutionReads.TakeUpView.of(takeUp);
    }

    @Transactional
    InstitutionReads.TakeUpView grant(Caller caller, long takeUpId, Map<String, Object> body) {
        TakeUp takeUp = own(caller, takeUpId);
        FieldChecks checks = new FieldChecks();
        DemandFields.onlyKnown(checks, body, List.of("amount", "grantedOn"));
        BigDecimal amount = DemandFields.amount(checks, "amount", body.get("amount"), "放款金额", "The granted amount");
        LocalDate on = DemandFields.date(checks, "grantedOn", body.get("grantedOn"), "放款日期", "The grant date");
        LocalDate today = FinancingIntake.now().atZone(WorkingDays.CHINA).toLocalDate();
        if (amount != null && takeUp.getApprovedAmount() != null && amount.compareTo(takeUp.getApprovedAmount()) > 0) {
            checks.add("amount", "放款金额不能超过授信金额 " + takeUp.getApprovedAmount().toPlainString() + " 元",
                    "The granted amount cannot exceed the approved " + takeUp.getApprovedAmount().toPlainString() + " yuan");
        }
        if (on != null && (on.isAfter(today) || takeUp.getDecidedAt() != null && on.isBefore(takeUp.getDecidedAt().atZone(WorkingDays.CHINA).toLocalDate()))) {
            checks.add("grantedOn", "放款日期须在授信决定之后、不晚于今天", "The grant date must be between the credit decision and today");
        }
        checks.throwIfAny();
        FinancingDemand demand = demands.lockById(takeUp.getCaseId()).orElseThrow();
        if (takeUp.getStatus() != TakeUpStatus.ACCEPTED || demand.getStatus() != FinancingStatus.ACCEPTED) {
            throw new ConflictException("takeUpId", "只有企业选定的授信才能登记放款", "Only the offer the enterprise accepted can be granted");
        }
        CaseRecord caseRecord = cases.findById(demand.getCaseId()).orElseThrow();
        Instant now = FinancingIntake.now();
        takeUp.end(TakeUpStatus.GRANTED, now);
        takeUps.update(takeUp);
        demand.granted(amount, on);
        demand.setClosedAt(now);
        timeline.record(caseRecord, "FINANCING_GRANTED", steps.institutionName(takeUp.getInstitution()).zh() + " 已放款 " + amount.toPlainString()
                + " 元（" + on + "） / Loan granted: " + amount.toPlainString() + " yuan on " + on);
        steps.move(caseRecord, demand, FinancingStatus.GRANTED);
        messages.send(DemandMessages.LOAN_GRANTED, caseRecord.getCaseNumber());
        return InstitutionReads.TakeUpView.of(takeUp);
    }

    /** The institution's own take-ups, of demands it may still see. */
    @Transactional(readOnly = true)
    List<InstitutionReads.TakeUpView> mine(Caller caller) {
        Institution institution = access.institution(caller);
        return takeUps.findByInstitutionOrderByIdDesc(institution.unitId()).stream()
                .filter(t -> demands.findById(t.getCaseId()).map(d -> reads.visibleToTakeUp(d, institution.unitId())).orElse(false))
                .map(t -> InstitutionReads.TakeUpView.of(t).named(institution.nameZh()))
                .toList();
    }

    /** The take-up if it is the caller's institution's and its demand is still shared with it; else 404. */
    private TakeUp own(Caller caller, long takeUpId) {
        Institution institution = access.institution(caller);
        TakeUp takeUp = takeUps.findById(takeUpId).filter(t -> t.getInstitution().equals(institution.unitId()))
                .filter(t -> demands.findById(t.getCaseId()).map(d -> reads.visibleToTakeUp(d, institution.unitId())).orElse(false))
                .orElseThrow(() -> new NotFoundException("takeUpId", "对接记录 " + takeUpId + " 不存在", "Take-up " + takeUpId + " does not exist"));
        return takeUp;
    }

    /** After the publication deadline, when nothing of this round lives any more, jrb coordinates. */
    void unmatchedAfterDeadline(CaseRecord caseRecord, FinancingDemand demand) {
        if (demand.getStatus().open() && demand.getPublicationDueAt() != null && !FinancingIntake.now().isBefore(demand.getPublicationDueAt())
                && takeUps.findByCaseIdAndStatusIn(demand.getCaseId(), FinancingSteps.LIVE).stream()
                        .noneMatch(t -> t.getPublication() == demand.getPublications())) {
            messages.unmatchedIfWaiting(caseRecord.getCaseNumber());
        }
    }

    private boolean coordinating(CaseRecord caseRecord) {
        return system.call(() -> taskService.createTaskQuery().processInstanceBusinessKey(caseRecord.getCaseNumber())
                .taskDefinitionKey("Task_Coordinate").count()) > 0;
    }

    private static ConflictException ended(TakeUp takeUp) {
        return new ConflictException("takeUpId", "该对接已" + takeUp.getStatus().label().zh() + "，不能再修改",
                "This take-up is " + takeUp.getStatus().label().en().toLowerCase() + "; it cannot change any more");
    }

}
