package cn.huiqi.financing;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseLifecycle;
import cn.huiqi.casefile.CaseStatus;
import cn.huiqi.catalogue.Measure;

/** The statuses of measure 8's cases (financing demands): {@link FinancingStatus}. */
@Component
class FinancingLifecycle implements CaseLifecycle {

    @Override
    public boolean governs(Measure measure) {
        return FinancingMeasure.ID.equals(measure.id());
    }

    @Override
    public List<FinancingStatus> statuses() {
        return List.of(FinancingStatus.values());
    }

    @Override
    public CaseStatus initial() {
        return FinancingStatus.SUBMITTED;
    }
}
