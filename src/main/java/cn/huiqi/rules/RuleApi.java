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
                                 List<PublicationView> publications, boolean canPublish) {
    }

    public record VersionDetail(String key, String name, VersionInfo version, boolean current, TableView table, String xml) {
    }

    public record PublicationView(int version, String kind, int previousVersion, Integer restoredVersion, String note,
                                  String publishedBy, Instant publishedAt, String diffSummary, List<RuleDiff.Line> diff) {
    }

    public record DraftRequest(String xml) {
    }

    public record WhatIfRequest(String xml, Integer version) {
    }

    public record PublishRequest(String xml, String note, String whatIfToken) {
    }

    public record RollbackRequest(Integer version, String note, String whatIfToken) {
    }

    public record Validation(boolean valid, List<FieldProblem> problems) {
    }

    public record WhatIfReport(String token, String key, String draftSha256, int baseVersion, Integer restoresVersion,
                               String measure, int casesEvaluated, int outcomesChanged, int errors,
                               BigDecimal totalBefore, BigDecimal totalAfter, BigDecimal difference,
                               BigDecimal poolCap, String poolCapSource, Boolean exceedsCapBefore, Boolean exceedsCapAfter,
                               boolean publishable, List<RuleDiff.Line> diff, List<WhatIfRunner.CaseResult> cases,
                               List<WhatIfRunner.MeasureRow> measures, String runBy, Instant runAt) {
    }

    public record ReevaluationRequest(String reason) {
    }

    public record ReevaluationView(String caseNumber, String key, int oldVersion, int newVersion, boolean oldEligible,
                                   boolean newEligible, BigDecimal oldAmount, BigDecimal newAmount, String oldTier,
                                   String newTier, boolean amountChanged, String reason, String actor, Instant at) {
    }
}
