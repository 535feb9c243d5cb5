package cn.huiqi.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import cn.huiqi.common.FieldProblem;

/** Request and response bodies of {@link RulesController}. */
public final class RuleApi {

    private RuleApi() {
    }

    /** How a version reached the engine: the rules page, the bundled seed, or the engine's own API (Camunda Modeler, REST). */
    public enum Via { RULES_PAGE, SEED, ENGINE_API }

    public record Catalog(String user, boolean canPublish, List<DecisionSummary> decisions) {
    }

    public record DecisionSummary(String key, String name, String kind, String measure, VersionInfo current) {
    }

    public record VersionInfo(int version, String definitionId, Via via, String publishedBy, Instant publishedAt, String note,
                              String publicationKind, Integer restoredVersion, String deploymentName, String diffSummary) {
    }

    public record DecisionDetail(DecisionSummary decision, TableView table, String xml, List<VersionInfo> versions,
                                 List<PublicationView> publications, boolean canPublish,
                                 List<RuleSentences.Sentence> sentences) {
    }

    public record VersionDetail(String key, String name, VersionInfo version, boolean current, TableView table, String xml,
                                List<RuleSentences.Sentence> sentences) {
    }

    /**
     * scope: null when no round of the table's measure was open; round: the open round then; redecisions: the
     * round's cases decided again (scope THIS_ROUND, only in the answer to the publication itself).
     */
    public record PublicationView(int version, String kind, int previousVersion, Integer restoredVersion, String note,
                                  String publishedBy, Instant publishedAt, String diffSummary, List<RuleDiff.Line> diff,
                                  String scope, Long roundId, String roundName, List<RedecisionLine> redecisions) {
    }

    /**
     * For a version published while a round of the table's measure is open: NEXT_ROUND = the open round keeps
     * its pinned version, rounds opened later take the new one; THIS_ROUND = the open round is re-pinned and its
     * cases not yet paid are decided again (docs/rounds.md).
     */
    public enum Scope { NEXT_ROUND, THIS_ROUND }

    /**
     * REDECIDED: new amount or eligibility recorded; UNCHANGED_VERSION_RECORDED: same outcome, the new version recorded;
     * FLAGGED: the outcome would change in a way the case's process cannot follow, left to the lead bureau;
     * KEPT_SETTLED: settled already, the settled amount stands.
     */
    public enum RedecisionResult { REDECIDED, UNCHANGED_VERSION_RECORDED, FLAGGED, KEPT_SETTLED }

    public record RedecisionLine(String caseNumber, String status, RedecisionResult result, BigDecimal oldAmount,
                                 BigDecimal newAmount, Boolean oldEligible, Boolean newEligible) {
    }

    /** The round open now for the table's measure, and the version its cases are decided by. */
    public record OpenRoundView(long id, String measure, String name, Integer pinnedVersion) {
    }

    public record DraftRequest(String xml) {
    }

    public record WhatIfRequest(String xml, Integer version) {
    }

    public record PublishRequest(String xml, String note, String whatIfToken, String scope) {

        public PublishRequest(String xml, String note, String whatIfToken) {
            this(xml, note, whatIfToken, null);
        }
    }

    public record RollbackRequest(Integer version, String note, String whatIfToken, String scope) {

        public RollbackRequest(Integer version, String note, String whatIfToken) {
            this(version, note, whatIfToken, null);
        }
    }

    public record Validation(boolean valid, List<FieldProblem> problems) {
    }

    public record WhatIfReport(String token, String key, String draftSha256, int baseVersion, Integer restoresVersion,
                               String measure, int casesEvaluated, int outcomesChanged, int errors,
                               BigDecimal totalBefore, BigDecimal totalAfter, BigDecimal difference,
                               BigDecimal poolCap, String poolCapSource, Boolean exceedsCapBefore, Boolean exceedsCapAfter,
                               boolean publishable, List<RuleDiff.Line> diff, List<WhatIfRunner.CaseResult> cases,
                               List<WhatIfRunner.MeasureRow> measures, String runBy, Instant runAt, OpenRoundView openRound) {
    }

    public record ReevaluationRequest(String reason) {
    }

    public record ReevaluationView(String caseNumber, String key, int oldVersion, int newVersion, boolean oldEligible,
                                   boolean newEligible, BigDecimal oldAmount, BigDecimal newAmount, String oldTier,
                                   String newTier, boolean amountChanged, String reason, String actor, Instant at) {
    }
}
