package cn.huiqi.casefile;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import cn.huiqi.catalogue.MeasureCatalogue;

/** The lifecycle of a case, from its measure; every status change of a case passes here. */
@Component
public class CaseLifecycles {

    private final MeasureCatalogue catalogue;
    private final List<CaseLifecycle> lifecycles;
    private final ApplicationEventPublisher events;

    CaseLifecycles(MeasureCatalogue catalogue, List<CaseLifecycle> lifecycles, ApplicationEventPublisher events) {
        this.catalogue = catalogue;
        this.lifecycles = List.copyOf(lifecycles);
        this.events = events;
    }

    /** The one lifecycle governing this measure's cases; IllegalStateException for a measure without cases (a programming error). */
    public CaseLifecycle of(String measureId) {
        var measure = catalogue.require(measureId);
        List<CaseLifecycle> governing = lifecycles.stream().filter(l -> l.governs(measure)).toList();
        if (governing.size() != 1) {
            throw new IllegalStateException("measure " + measureId + " is governed by " + governing.size() + " case lifecycles, not one");
        }
        return governing.get(0);
    }

    /** The lifecycle of this measure, or empty for an unknown measure or one without cases (a caller's bad filter). */
    public java.util.Optional<CaseLifecycle> find(String measureId) {
        return catalogue.find(measureId).flatMap(measure -> {
            List<CaseLifecycle> governing = lifecycles.stream().filter(l -> l.governs(measure)).toList();
            return governing.size() == 1 ? java.util.Optional.of(governing.get(0)) : java.util.Optional.empty();
        });
    }

    /** Every status some measure's cases can be in, once per name, in lifecycle order. */
    public List<CaseStatus> allStatuses() {
        java.util.Map<String, CaseStatus> byName = new java.util.LinkedHashMap<>();
        lifecycles.forEach(l -> l.statuses().forEach(s -> byName.putIfAbsent(s.name(), s)));
        return List.copyOf(byName.values());
    }

    /** Whether any measure's cases can be in a status of this name. */
    public boolean anyHas(String statusName) {
        return lifecycles.stream().anyMatch(l -> l.find(statusName).isPresent());
    }

    /** The case's status with its labels. */
    public CaseStatus statusOf(CaseRecord caseRecord) {
        return of(caseRecord.getMeasure()).find(caseRecord.getStatus()).orElseThrow(() -> new IllegalStateException(
                "case " + caseRecord.getCaseNumber() + " holds status " + caseRecord.getStatus() + ", unknown to its measure"));
    }

    /** The status of this name for the case's measure, or IllegalArgumentException when its measure has none such. */
    public CaseStatus status(CaseRecord caseRecord, String name) {
        return of(caseRecord.getMeasure()).find(name).orElseThrow(() -> new IllegalArgumentException(
                "measure " + caseRecord.getMeasure() + " has no case status " + name));
    }

    /**
     * Moves the case and publishes {@link CaseStatusChanged}, whose first listener writes the case
     * ({@link CaseStatusWrites}); refused (IllegalArgumentException) when the case's measure does not allow the status.
     */
    public void moveTo(CaseRecord caseRecord, CaseStatus status) {
        if (!of(caseRecord.getMeasure()).allows(status)) {
            throw new IllegalArgumentException("measure " + caseRecord.getMeasure() + " has no case status " + status.name());
        }
        String from = caseRecord.getStatus();
        caseRecord.moveTo(status);
        if (!status.name().equals(from)) {
            events.publishEvent(new CaseStatusChanged(caseRecord, from, status));
        }
    }
}
