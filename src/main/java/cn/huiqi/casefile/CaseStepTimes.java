package cn.huiqi.casefile;

import java.util.List;

/**
 * The limited steps of a case with their working days used and left, kept by the time limits (a capability above
 * the case core, which implements this): empty for a case without limited steps.
 */
public interface CaseStepTimes {

    /** {@code ended}: the case reached a final status, so no step of it runs or waits any more. */
    List<CaseView.StepTime> of(CaseRecord caseRecord, boolean ended);
}
