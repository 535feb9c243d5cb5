package cn.huiqi.assistance;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.workflow.CaseUnitOfStep;

/** The unit that holds 办理 of a demand: the responsible unit on its record (routing, or gxj's transfer decision). */
@Component
class DemandHandlingUnit implements CaseUnitOfStep {

    private final DemandRepository demands;

    DemandHandlingUnit(DemandRepository demands) {
        this.demands = demands;
    }

    @Override
    public Optional<String> unitOf(CaseRecord caseRecord, String activityId) {
        if (!AssistanceMeasure.ID.equals(caseRecord.getMeasure()) || !"Task_Handle".equals(activityId)) {
            return Optional.empty();
        }
        return demands.findById(caseRecord.getId()).map(Demand::getResponsibleUnit);
    }
}
