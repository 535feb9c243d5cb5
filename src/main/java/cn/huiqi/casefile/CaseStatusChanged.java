package cn.huiqi.casefile;

/**
 * Published (synchronously, in the transaction of the step) when a case's process moves it to another status:
 * notices to people start here. {@code from} is the status name before the move.
 */
public record CaseStatusChanged(CaseRecord caseRecord, String from, CaseStatus to) {
}
