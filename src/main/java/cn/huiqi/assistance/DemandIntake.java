package cn.huiqi.assistance;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRegistration;
import cn.huiqi.casefile.CaseTimeline;
import cn.huiqi.casefile.NewApplication;
import cn.huiqi.process.EngineAsSystem;

/**
 * The one place a demand is opened, whichever way it came in: the case record (casefile), the demand row, the first
 * timeline line, then the process, started by the app as the system with the case number as business key and no
 * variables. Nobody else can start the process: it has no start contract (StepGuard refuses users) and nobody holds
 * CREATE_INSTANCE on it ({@code Measure#startedByApp}); its start event binds only a demand case without a process.
 * Callers check who may open the demand (the enterprise itself, a visiting official, a hotline import) first.
 */
@Component
class DemandIntake {

    static final String SUBJECT_DEMAND = "DEMAND:";
    static final String SUBJECT_HOTLINE = "HOTLINE:";

    private final CaseRegistration registration;
    private final CaseTimeline timeline;
    private final DemandRepository demands;
    private final RuntimeService runtimeService;
    private final EngineAsSystem engineAsSystem;

    DemandIntake(CaseRegistration registration, CaseTimeline timeline, DemandRepository demands,
                 RuntimeService runtimeService, EngineAsSystem engineAsSystem) {
        this.registration = registration;
        this.timeline = timeline;
        this.demands = demands;
        this.runtimeService = runtimeService;
        this.engineAsSystem = engineAsSystem;
    }

    /** A demand opened earlier with the same retry key by the same enterprise (the retry answers that case). */
    Optional<CaseRecord> retried(NewDemand demand) {
        return registration.findRetry(demand.enterprise(), demand.idempotencyKey())
                .filter(c -> AssistanceMeasure.ID.equals(c.getMeasure()));
    }

    @Transactional
    CaseRecord open(NewDemand demand) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("origin", demand.origin().name());
        summary.put("category", demand.category().name());
        if (demand.scope() != null) {
            summary.put("scope", demand.scope().name());
        }
        if (demand.utility() != null) {
            summary.put("utility", demand.utility().name());
        }
        summary.put("title", demand.title());
        String subject = demand.hotlineTicket() != null ? SUBJECT_HOTLINE + demand.hotlineTicket()
                : SUBJECT_DEMAND + UUID.randomUUID();
        NewApplication application = new NewApplication(AssistanceMeasure.ID, "hotlineTicket", subject,
                "12345工单", "12345 ticket", summary, null);
        CaseRecord caseRecord = registration.openWithoutProcess(demand.enterprise(), application, demand.idempotencyKey(),
                demand.evidenceDrafts());
        Demand row = new Demand(caseRecord.getId(), demand.origin(), demand.category(), demand.scope(), demand.utility(),
                demand.title(), demand.description(), Instant.now());
        row.setVisitId(demand.visitId());
        row.setHotlineTicket(demand.hotlineTicket());
        demands.insert(row);
        timeline.record(caseRecord, "SUBMITTED", firstLine(demand));
        String caseNumber = caseRecord.getCaseNumber();
        engineAsSystem.call(() -> runtimeService.startProcessInstanceByKey(AssistanceMeasure.PROCESS_KEY, caseNumber));
        return caseRecord;
    }

    private static String firstLine(NewDemand demand) {
        return switch (demand.origin()) {
            case ENTERPRISE -> "企业提出诉求：" + demand.title() + " / Demand raised by the enterprise";
            case VISIT -> "走访发现诉求：" + demand.title() + " / Demand found on visit " + demand.visitId();
            case HOTLINE -> "12345转办诉求（工单 " + demand.hotlineTicket() + "）：" + demand.title()
                    + " / Demand referred by the 12345 hotline, ticket " + demand.hotlineTicket();
        };
    }
}
