package cn.huiqi.assistance;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseLifecycle;
import cn.huiqi.casefile.CaseStatus;
import cn.huiqi.catalogue.Measure;

/** The statuses of measure 7's cases (demands): {@link DemandStatus}. */
@Component
class DemandLifecycle implements CaseLifecycle {

    @Override
    public boolean governs(Measure measure) {
        return AssistanceMeasure.ID.equals(measure.id());
    }

    @Override
    public List<DemandStatus> statuses() {
        return List.of(DemandStatus.values());
    }

    @Override
    public CaseStatus initial() {
        return DemandStatus.SUBMITTED;
    }
}
