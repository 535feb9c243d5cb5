package cn.huiqi.casefile;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.huiqi.catalogue.ApplicantKind;
import cn.huiqi.catalogue.Measure;

/** Measures that pay their applicants (1-3, later 5 and 6): application, review, settlement, notice, payment. */
@Component
class RewardLifecycle implements CaseLifecycle {

    @Override
    public boolean governs(Measure measure) {
        return measure.paysMoney() && measure.applicant() != ApplicantKind.NONE;
    }

    @Override
    public List<RewardStatus> statuses() {
        return List.of(RewardStatus.values());
    }

    @Override
    public CaseStatus initial() {
        return RewardStatus.SUBMITTED;
    }
}
