package cn.huiqi.financing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.enterprise.Enterprise;
import cn.huiqi.enterprise.EnterpriseRepository;
import cn.huiqi.identity.Caller;
import cn.huiqi.unit.UnitRepository;

/**
 * The one way institutions read financing demands: only demands published (or later) whose consent, unrevoked, shares
 * them with the caller's institution — open ones to take up, and those it took up — and of those only the fields the
 * consent names; of take-ups only its own. Every read is logged ({@code financing_read_log}) for the enterprise. A
 * demand it may not see answers 404, whatever the reason (never published, not shared, revoked), so nothing leaks.
 */
@Component
class InstitutionReads {

    /** A demand as one institution sees it: consented fields only, its own take-ups only. */
    record SharedDemand(String caseNumber, String status, String statusZh, String statusEn, Instant publishedAt,
                        Instant publicationDueAt, Map<String, Object> fields, List<String> sharedFields, List<TakeUpView> ownTakeUps,
                        boolean canTakeUp) {
    }

    private final FinancingDemandRepository demands;
    private final TakeUpRepository takeUps;
    private final Consents consents;
    private final ReadLogRepository readLog;
    private final CaseRecordRepository cases;
    private final EnterpriseRepository enterprises;
    private final UnitRepository units;
    private final FinancingAccess access;

    InstitutionReads(FinancingDemandRepository demands, TakeUpRepository takeUps, Consents consents, ReadLogRepository readLog,
                     CaseRecordRepository cases, EnterpriseRepository enterprises, UnitRepository units, FinancingAccess access) {
        this.demands = demands;
        this.takeUps = takeUps;
        this.consents = consents;
        this.readLog = readLog;
        this.cases = cases;
        this.enterprises = enterprises;
        this.units = units;
        this.access = access;
    }

    /** Open demands shared with the caller's institution, and those it took up that it may still see. */
    @Transactional
    List<SharedDemand> list(Caller caller) {
        Institution institution = access.institution(caller);
        Map<Long, FinancingDemand> open = new LinkedHashMap<>();
        demands.findByStatusInOrderByPublishedAtDesc(FinancingDemands.OPEN).forEach(d -> open.put(d.getCaseId(), d));
        Set<Long> ids = new java.util.LinkedHashSet<>(open.keySet());
        takeUps.findByInstitutionOrderByIdDesc(institution.unitId()).forEach(t -> ids.add(t.getCaseId()));
        List<SharedDemand> visible = new ArrayList<>();
        for (Long id : ids) {
            FinancingDemand demand = open.containsKey(id) ? open.get(id) : demands.findById(id).orElseThrow();
            visible(demand, institution.unitId()).ifPresent(consent -> {
                visible.add(view(demand, consent, institution.unitId()));
                log(demand, institution, caller, "LIST");
            });
        }
        return visible;
    }

    @Transactional
    SharedDemand read(Caller caller, String caseNumber) {
        Institution institution = access.institution(caller);
        FinancingDemand demand = visibleDemand(institution.unitId(), caseNumber);
        SharedDemand view = view(demand, consents.sharesWith(demand.getCaseId(), institution.unitId()).orElseThrow(), institution.unitId());
        log(demand, institution, caller, "DETAIL");
        return view;
    }

    /** The demand of this number if the institution may see it now; else 404 (no reason given). */
    FinancingDemand visibleDemand(String institution, String caseNumber) {
        CaseRecord caseRecord = cases.findByCaseNumber(caseNumber).filter(c -> FinancingMeasure.ID.equals(c.getMeasure()))
                .orElseThrow(() -> FinancingAccess.notFound(caseNumber));
        FinancingDemand demand = demands.findById(caseRecord.getId()).orElseThrow();
        if (visible(demand, institution).isEmpty()) {
            throw FinancingAccess.notFound(caseNumber);
        }
        return demand;
    }

    /** Whether the institution may still act on its take-up of this demand (published or later, consent shares it). */
    boolean visibleToTakeUp(FinancingDemand demand, String institution) {
        return visible(demand, institution).isPresent();
    }

    private Optional<Consent> visible(FinancingDemand demand, String institution) {
        if (!demand.getStatus().publishedOrLater()) {
            return Optional.empty();
        }
        boolean tookItUp = !takeUps.findByCaseIdAndInstitutionOrderById(demand.getCaseId(), institution).isEmpty();
        if (!demand.getStatus().open() && !tookItUp) {
            return Optional.empty();
        }
        return consents.sharesWith(demand.getCaseId(), institution);
    }

    void log(FinancingDemand demand, Institution institution, Caller caller, String what) {
        readLog.insert(new ReadLog(demand.getCaseId(), institution.unitId(), caller.userId(), what, FinancingIntake.now()));
    }

    private SharedDemand view(FinancingDemand demand, Consent consent, String institution) {
        CaseRecord caseRecord = cases.findById(demand.getCaseId()).orElseThrow();
        Map<String, Object> fields = new LinkedHashMap<>();
        Set<SharedField> shared = consent.fields();
        Enterprise enterprise = null;
        for (SharedField field : shared) {
            switch (field) {
                case AMOUNT -> fields.put("amount", demand.getAmount());
                case TERM -> fields.put("termMonths", demand.getTermMonths());
                case GUARANTEE_KIND -> {
                    fields.put("guaranteeKind", demand.getGuaranteeKind().name());
                    fields.put("guaranteeKindZh", demand.getGuaranteeKind().label().zh());
                }
                case PURPOSE -> fields.put("purpose", demand.getPurpose());
                case LOCALITY -> fields.put("locality", units.findById(demand.getLocality()).map(u -> u.getNameZh()).orElse(demand.getLocality()));
                case ENTERPRISE_NAME, CREDIT_CODE, CONTACT -> {
                    enterprise = enterprise != null ? enterprise : enterprises.findById(demand.getEnterpriseId()).orElseThrow();
                    if (field == SharedField.ENTERPRISE_NAME) {
                        fields.put("enterpriseName", enterprise.getName());
                    } else if (field == SharedField.CREDIT_CODE) {
                        fields.put("creditCode", enterprise.getUscc());
                    } else {
                        fields.put("contactName", enterprise.getContactName());
                        fields.put("contactPhone", enterprise.getContactPhone());
                    }
                }
                case ORDER -> {
                    if (demand.getGuaranteeKind() == GuaranteeKind.ORDER_FINANCING) {
                        fields.put("order", orderOf(demand));
                    }
                }
            }
        }
        List<TakeUpView> own = takeUps.findByCaseIdAndInstitutionOrderById(demand.getCaseId(), institution).stream()
                .map(TakeUpView::of).toList();
        boolean canTakeUp = demand.getStatus().open() && own.stream().noneMatch(t -> t.publication() == demand.getPublications());
        var status = demand.getStatus();
        return new SharedDemand(caseRecord.getCaseNumber(), status.name(), status.zh(), status.en(), demand.getPublishedAt(),
                demand.getPublicationDueAt(), fields, shared.stream().map(Enum::name).toList(), own, canTakeUp);
    }

    private Map<String, Object> orderOf(FinancingDemand demand) {
        Map<String, Object> order = new LinkedHashMap<>();
        if (demand.getOrderCaseId() != null) {
            order.put("caseNumber", cases.findById(demand.getOrderCaseId()).map(CaseRecord::getCaseNumber).orElse(null));
        } else {
            order.put("buyer", demand.getOrderBuyer());
            order.put("amount", demand.getOrderAmount());
            order.put("dueOn", demand.getOrderDueOn());
        }
        return order;
    }

    /** One take-up with its offer: to its own institution, the enterprise and the city readers, never to another institution. */
    record TakeUpView(long id, String institution, String institutionZh, int publication, Instant takenAt, LocalDate dueOn,
                      String status, String statusZh, String statusEn, String contactNotes, String diligenceNotes,
                      BigDecimal approvedAmount, BigDecimal rate, Integer termMonths, String declinedReason, Instant decidedAt) {

        static TakeUpView of(TakeUp t) {
            return new TakeUpView(t.getId(), t.getInstitution(), null, t.getPublication(), t.getTakenAt(), t.getDueOn(),
                    t.getStatus().name(), t.getStatus().label().zh(), t.getStatus().label().en(), t.getContactNotes(),
                    t.getDiligenceNotes(), t.getApprovedAmount(), t.getRate(), t.getTermMonths(), t.getDeclinedReason(), t.getDecidedAt());
        }

        TakeUpView named(String nameZh) {
            return new TakeUpView(id, institution, nameZh, publication, takenAt, dueOn, status, statusZh, statusEn, contactNotes,
                    diligenceNotes, approvedAmount, rate, termMonths, declinedReason, decidedAt);
        }
    }
}
