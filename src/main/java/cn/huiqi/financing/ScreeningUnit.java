package cn.huiqi.financing;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.workflow.CaseUnitOfStep;

/** The unit that screens a financing demand (Task_Screen): the screening unit stored on its record at intake. */
@Component
class ScreeningUnit implements CaseUnitOfStep {

    private final FinancingDemandRepository demands;

    ScreeningUnit(FinancingDemandRepository demands) {
        this.demands = demands;
    }

    @Override
    public Optional<String> unitOf(CaseRecord caseRecord, String activityId) {
        if (!FinancingMeasure.ID.equals(caseRecord.getMeasure()) || !"Task_Screen".equals(activityId)) {
            return Optional.empty();
        }
        return demands.findById(caseRecord.getId()).map(FinancingDemand::getScreeningUnit);
    }
}
