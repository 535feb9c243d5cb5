package cn.huiqi.workflow;

import cn.huiqi.casefile.CaseRecord;

/**
 * Where a step sits: its process and activity, the case the process works on (null for processes that
 * are not about one case, and before a case exists) and, in city review, the unit of this instance.
 */
record StepSite(String processKey, String activityId, CaseRecord caseRecord, String reviewUnit) {
}
