package cn.huiqi.financing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRegistration;
import cn.huiqi.casefile.CaseTimeline;
import cn.huiqi.casefile.NewApplication;
import cn.huiqi.process.EngineAsSystem;

/**
 * The one place a financing demand opens: the case record (casefile), the demand row, the consent given with it (and
 * its log line), the first timeline line, then the process {@code m8-financing-demand}, started by the app as the
 * system with the case number as business key and no variables (as measure 7's {@code DemandIntake}).
 */
@Component
class FinancingIntake {

    static final String SUBJECT = "FINANCING:";

    private final CaseRegistration registration;
    private final CaseTimeline timeline;
    private final FinancingDemandRepository demands;
    private final Consents consents;
    private final RuntimeService runtimeService;
    private final EngineAsSystem engineAsSystem;
    private final FinancingSettings settings;

    FinancingIntake(CaseRegistration registration, CaseTimeline timeline, FinancingDemandRepository demands, Consents consents,
                    RuntimeService runtimeService, EngineAsSystem engineAsSystem, FinancingSettings settings) {
        this.registration = registration;
        this.timeline = timeline;
        this.demands = demands;
        this.consents = consents;
        this.runtimeService = runtimeService;
        this.engineAsSystem = engineAsSystem;
        this.settings = settings;
    }

    Optional<CaseRecord> retried(NewFinancingDemand demand) {
        return registration.findRetry(demand.enterprise(), demand.idempotencyKey())
                .filter(c -> FinancingMeasure.ID.equals(c.getMeasure()));
    }

    @Transactional
    CaseRecord open(NewFinancingDemand demand) {
        DemandTerms terms = demand.terms();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("amount", terms.amount().toPlainString());
        summary.put("termMonths", terms.termMonths());
        summary.put("guaranteeKind", terms.guaranteeKind().name());
        NewApplication application = new NewApplication(FinancingMeasure.ID, "financingDemand", SUBJECT + UUID.randomUUID(),
                "融资需求", "Financing demand", summary, null);
        CaseRecord caseRecord = registration.openWithoutProcess(demand.enterprise(), application, demand.idempotencyKey(), java.util.List.of());
        String locality = caseRecord.getLocalityUnitId();
        String screening = FinancingSettings.JRB.equals(settings.screening()) ? FinancingSettings.JRB : locality;
        demands.insert(new FinancingDemand(caseRecord.getId(), demand.enterprise().getId(), locality, screening, terms, now()));
        consents.give(caseRecord, demand.consent());
        timeline.record(caseRecord, "SUBMITTED", "企业提出融资需求：" + terms.amount().toPlainString() + "元，" + terms.termMonths()
                + "个月，" + terms.guaranteeKind().label().zh() + " / Financing demand: " + terms.amount().toPlainString() + " yuan, "
                + terms.termMonths() + " months, " + terms.guaranteeKind().label().en());
        String caseNumber = caseRecord.getCaseNumber();
        engineAsSystem.call(() -> runtimeService.startProcessInstanceByKey(FinancingMeasure.PROCESS_KEY, caseNumber));
        return caseRecord;
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
