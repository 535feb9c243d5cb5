package cn.huiqi.timelimit;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseOfProcess;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.catalogue.MeasureCatalogue;
import cn.huiqi.catalogue.MeasureUnits;

/**
 * What a limited step works on: the case of the process hierarchy (found by the root instance, like
 * {@code casefile.CaseOfProcess}), or, for a process of no single case (fund-settlement), its measure, which the
 * system writes when it starts the settlement. The lead unit supervises the step (督办).
 */
@Component
class StepSubject {

    record Subject(Long caseId, String name, String measure, String leadUnit) {
    }

    private final CaseRecordRepository cases;
    private final CaseOfProcess caseOfProcess;
    private final MeasureCatalogue catalogue;
    private final MeasureUnits units;

    StepSubject(CaseRecordRepository cases, CaseOfProcess caseOfProcess, MeasureCatalogue catalogue, MeasureUnits units) {
        this.cases = cases;
        this.caseOfProcess = caseOfProcess;
        this.catalogue = catalogue;
        this.units = units;
    }

    Optional<Subject> of(DelegateExecution execution) {
        Optional<CaseRecord> caseRecord = caseOfProcess.ofRootProcessInstance(CaseOfProcess.rootIdOf(execution));
        if (caseRecord.isPresent()) {
            CaseRecord c = caseRecord.get();
            return Optional.of(new Subject(c.getId(), c.getCaseNumber(), c.getMeasure(),
                    c.getLeadUnit() != null ? c.getLeadUnit() : leadUnitOf(c.getMeasure())));
        }
        DelegateExecution instance = CaseOfProcess.rootOf(execution);
        Object measure = instance.getVariable("measure");
        if (measure == null || catalogue.find(measure.toString()).isEmpty()) {
            return Optional.empty();
        }
        Object settlement = instance.getVariable("settlementId");
        Object round = instance.getVariable("evaluationRound");
        String name = round != null ? "评价轮次 " + round + " / evaluation round " + instance.getBusinessKey()
                : settlement != null ? "结算第 " + settlement + " 批 / settlement " + settlement : "结算 / settlement " + instance.getId();
        return Optional.of(new Subject(null, name, measure.toString(), leadUnitOf(measure.toString())));
    }

    /** The subject as the clock records it, when the process is not at hand (or its case cannot be found any more). */
    Subject ofClock(StepClock clock) {
        if (clock.caseId() != null) {
            return cases.findById(clock.caseId()).map(c -> new Subject(c.getId(), c.getCaseNumber(), c.getMeasure(),
                            c.getLeadUnit() != null ? c.getLeadUnit() : leadUnitOf(c.getMeasure())))
                    // no lead unit: no 督办 item for a case that is not there
                    .orElseGet(() -> new Subject(clock.caseId(), "案件 " + clock.caseId() + " / case " + clock.caseId(), clock.measure(), null));
        }
        return new Subject(null, "结算 / settlement " + clock.processInstanceId(), clock.measure(), leadUnitOf(clock.measure()));
    }

    private String leadUnitOf(String measure) {
        MeasureUnits.Units of = units.of(List.of(catalogue.require(measure))).get(measure);
        return of == null || of.lead() == null ? null : of.lead().id();
    }
}
