package cn.huiqi.casefile;

/**
 * Published (synchronously, in the opening transaction) when a case has been opened and numbered: the
 * capabilities that keep a measure's details in their own tables (e.g. the reward claim) start them here, and the
 * evidence files uploaded as drafts are claimed by the case.
 */
public record CaseOpened(CaseRecord caseRecord, NewApplication application, java.util.List<Long> evidenceDrafts) {

    /**
     * @param evidenceDrafts the evidence drafts the application claims (ids, {@link CaseRegistration#EVIDENCE_DRAFTS}); the
     *                       evidence module attaches them to the case or refuses the whole application
     */
    public CaseOpened {
        evidenceDrafts = evidenceDrafts == null ? java.util.List.of() : java.util.List.copyOf(evidenceDrafts);
    }
}
