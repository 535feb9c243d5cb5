package cn.huiqi.casefile;

/**
 * Published (synchronously, in the opening transaction) when a case has been opened and numbered: the
 * capabilities that keep a measure's details in their own tables (e.g. the reward claim) start them here.
 */
public record CaseOpened(CaseRecord caseRecord, NewApplication application) {
}
