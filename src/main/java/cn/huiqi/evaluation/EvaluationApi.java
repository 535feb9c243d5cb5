package cn.huiqi.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Requests and answers of /api/evaluations. */
public final class EvaluationApi {

    private EvaluationApi() {
    }

    public record OpenRequest(String measure, String name, String periodFrom, String periodTo) {
    }

    public record TargetRequest(BigDecimal target, String reason) {
    }

    /** evidenceFileId: the file the locality uploaded (POST /api/evidence/locality-files); evidence: an optional note. */
    public record SelfReportRequest(String unit, String indicator, BigDecimal value, String evidence, Long evidenceFileId) {
    }

    public record GxjFigureRequest(String unit, String indicator, BigDecimal value, String reason) {
    }

    public record DisputeRequest(String reason) {
    }

    /** value absent: gxj keeps the figure. */
    public record ResolutionRequest(BigDecimal value, String reason) {
    }

    public record IndicatorView(String code, String nameZh, String nameEn, String unit, String direction, BigDecimal target,
                                String source, boolean selfReport, int decimals, BigDecimal min, BigDecimal max, String note) {
    }

    public record PinView(String decisionKey, int version, String pinnedBy, Instant pinnedAt) {
    }

    public record FigureView(long id, String unit, String unitName, String indicator, BigDecimal value, String origin,
                             String evidence, String status, String statusZh, String disputeReason, String confirmedHow,
                             String confirmedBy, Instant confirmedAt, String updatedBy, Instant updatedAt, Long evidenceFileId,
                             String evidenceFileName, String evidenceHref) {
    }

    public record RoundSummary(long id, String measure, String name, LocalDate periodFrom, LocalDate periodTo, String status,
                               String statusZh, String statusEn, Instant confirmationDue) {
    }

    public record RoundView(long id, String measure, String name, LocalDate periodFrom, LocalDate periodTo, String status,
                            String statusZh, String statusEn, Instant confirmationFrom, Instant confirmationDue,
                            Integer confirmationWorkingDays, String defaultMark, List<IndicatorView> indicators,
                            List<PinView> ruleVersions, List<FigureView> figures, String createdBy, Instant createdAt,
                            boolean safetyVeto, List<LocalityGroupView> groups) {
    }

    /** A locality's group (系统默认值): in a round's view the grouping recorded when it was opened; note only in the default table. */
    public record LocalityGroupView(String unitId, String unitName, String group, String groupZh, String note) {
    }

    public record GroupChangeView(long id, String unitId, String oldGroup, String newGroup, String reason, String changedBy, Instant changedAt) {
    }

    /** The default grouping new rounds are opened with, and every change of it (GET/PUT /api/evaluations/locality-groups). */
    public record LocalityGroupsView(String defaultMark, String appliesZh, String appliesEn, List<LocalityGroupView> groups,
                                     List<GroupChangeView> changes) {
    }

    public record GroupChange(String unitId, String group) {
    }

    public record GroupsRequest(List<GroupChange> changes, String reason) {
    }

    public record EventView(long id, String unit, String indicator, String kind, String oldValue, String newValue,
                            String detail, String reason, String actor, Instant at) {
    }

    public record ImportResult(int stored, int replaced, int unchanged, int keptConfirmed, int leftForSelfReport) {
    }

    public record ConfirmationResult(String unit, int confirmed, int disputed) {
    }

    /**
     * A round's scores and ranking as the caller may see them: {@code allLines} false for a locality before the ranking
     * is circulated (its own line only, without the tie-break sentence and the total of the awards).
     */
    public record RankingView(long roundId, String measure, String status, boolean allLines, RankingApi.Ranking ranking) {
    }
}
