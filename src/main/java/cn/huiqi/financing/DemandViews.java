package cn.huiqi.financing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.casefile.CaseView;
import cn.huiqi.casefile.CaseViews;
import cn.huiqi.casefile.CaseVisibility;
import cn.huiqi.identity.Caller;

/** A demand as its enterprise and the officials who may read it see it: all of it, every take-up and offer. */
@Component
class DemandViews {

    record Terms(BigDecimal amount, int termMonths, String purpose, String guaranteeKind, String guaranteeKindZh, String orderCaseNumber,
                 String orderBuyer, BigDecimal orderAmount, LocalDate orderDueOn) {
    }

    record Fields(String caseNumber, String status, String statusZh, String statusEn, String locality, String screeningUnit,
                  Terms terms, String screeningReason, Instant submittedAt, Instant publishedAt, Instant publicationDueAt, int publications,
                  Long acceptedTakeUp, BigDecimal grantedAmount, LocalDate grantedOn, String coordinationOutcome,
                  String coordinationOutcomeZh, String coordinationReason) {
    }

    record ConsentView(String audience, String audienceZh, List<String> fields, List<String> institutions, String givenBy,
                       Instant givenAt, boolean revoked, Instant revokedAt, List<LogLine> log) {
    }

    record LogLine(String action, String audience, String fields, String institutions, String actor, Instant at) {
    }

    record View(CaseView caseView, Fields demand, ConsentView consent, List<InstitutionReads.TakeUpView> takeUps) {
    }

    record ReadLine(String institution, String institutionZh, String userId, String what, Instant at) {
    }

    private final FinancingDemandRepository demands;
    private final TakeUpRepository takeUps;
    private final Consents consents;
    private final ReadLogRepository readLog;
    private final CaseRecordRepository cases;
    private final CaseViews views;
    private final CaseVisibility visibility;
    private final FinancingSteps steps;

    DemandViews(FinancingDemandRepository demands, TakeUpRepository takeUps, Consents consents, ReadLogRepository readLog,
                CaseRecordRepository cases, CaseViews views, CaseVisibility visibility, FinancingSteps steps) {
        this.demands = demands;
        this.takeUps = takeUps;
        this.consents = consents;
        this.readLog = readLog;
        this.cases = cases;
        this.views = views;
        this.visibility = visibility;
        this.steps = steps;
    }

    @Transactional(readOnly = true)
    View of(CaseRecord caseRecord) {
        FinancingDemand d = demands.findById(caseRecord.getId()).orElseThrow();
        return new View(views.withTimeline(caseRecord), fields(caseRecord, d), consent(d.getCaseId()),
                takeUps.findByCaseIdOrderById(d.getCaseId()).stream()
                        .map(t -> InstitutionReads.TakeUpView.of(t).named(steps.institutionName(t.getInstitution()).zh())).toList());
    }

    /** The demands the caller may read (enterprise its own, locality its own, jrb/gxj/zxqyj all), newest first. */
    @Transactional(readOnly = true)
    List<Fields> list(Caller caller) {
        return demands.findAllOrderByCaseIdDesc().stream()
                .map(d -> java.util.Map.entry(cases.findById(d.getCaseId()).orElseThrow(), d))
                .filter(e -> visibility.canRead(caller, e.getKey()))
                .map(e -> fields(e.getKey(), e.getValue()))
                .toList();
    }

    @Transactional(readOnly = true)
    List<ReadLine> readLog(CaseRecord caseRecord) {
        return readLog.findByCaseIdOrderByReadAtDescIdDesc(caseRecord.getId()).stream()
                .map(r -> new ReadLine(r.getInstitution(), steps.institutionName(r.getInstitution()).zh(), r.getUserId(), r.getWhat(), r.getReadAt()))
                .toList();
    }

    private Fields fields(CaseRecord caseRecord, FinancingDemand d) {
        Terms terms = new Terms(d.getAmount(), d.getTermMonths(), d.getPurpose(), d.getGuaranteeKind().name(), d.getGuaranteeKind().label().zh(),
                d.getOrderCaseId() == null ? null : cases.findById(d.getOrderCaseId()).map(CaseRecord::getCaseNumber).orElse(null),
                d.getOrderBuyer(), d.getOrderAmount(), d.getOrderDueOn());
        CoordinationOutcome outcome = d.getCoordinationOutcome();
        return new Fields(caseRecord.getCaseNumber(), d.getStatus().name(), d.getStatus().zh(), d.getStatus().en(), d.getLocality(),
                d.getScreeningUnit(), terms, d.getScreeningReason(), d.getSubmittedAt(), d.getPublishedAt(), d.getPublicationDueAt(),
                d.getPublications(), d.getAcceptedTakeUp(), d.getGrantedAmount(), d.getGrantedOn(),
                outcome == null ? null : outcome.name(), outcome == null ? null : outcome.label().zh(), d.getCoordinationReason());
    }

    private ConsentView consent(long caseId) {
        List<LogLine> log = consents.history(caseId).stream()
                .map(l -> new LogLine(l.getAction(), l.getAudience(), l.getFields(), l.getInstitutions(), l.getActor(), l.getOccurredAt())).toList();
        return consents.of(caseId).map(c -> new ConsentView(c.getAudience().name(), c.getAudience().label().zh(),
                        c.fields().stream().map(Enum::name).toList(), List.copyOf(c.getInstitutions()), c.getGivenBy(), c.getGivenAt(),
                        c.revoked(), c.getRevokedAt(), log))
                .orElse(null);
    }
}
