package cn.huiqi.workflow;

import java.util.Optional;

import cn.huiqi.casefile.CaseRecord;

/**
 * Which unit acts on a step whose role is {@link TaskRole#CASE_UNIT}, read from the case's own record (a measure's
 * table next to the case, e.g. the demand's responsible unit): empty when the case is not the implementing measure's
 * or the step is not one of its steps. A bean of the measure; every bean of this type is asked in turn.
 */
public interface CaseUnitOfStep {

    Optional<String> unitOf(CaseRecord caseRecord, String activityId);
}
