package cn.huiqi.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiqi.casefile.ApplicantNames;
import cn.huiqi.casefile.ApplicationTypes;
import cn.huiqi.casefile.CaseOfProcess;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseTimeline;
import cn.huiqi.casefile.CaseView;
import cn.huiqi.claim.RewardClaim;
import cn.huiqi.claim.RewardClaims;
import cn.huiqi.common.Money;
import cn.huiqi.evidence.EvidenceFiles;
import cn.huiqi.evidence.EvidenceItem;
import cn.huiqi.process.FormFigures;
import cn.huiqi.unit.UnitRepository;

/**
 * What the form of every task of the review chain shows read-only, from the case record, never from process
 * variables, computed each time the form is read ({@link FormFigures}; the diagram names {@code caseFigures}).
 * {@code system*} fields are what the system determined (enterprise from the register, reward, tier, rule and
 * version, units, settled amount, measure 3's figures from the project library); {@code declared*} fields are the
 * application as the enterprise typed it, and {@code reviewerRequest} (supplement tasks) the comment the reviewer sent
 * the case back with, from the timeline; a review task also gets its measure's own figures
 * ({@code ApplicationType.reviewFigures}: measure 1's orders with their results). The
 * forms show each in a disabled field (plain text, never markdown; form-js does not submit disabled fields), in two
 * visibly separate groups.
 */
@Component("caseFigures")
class CaseFigures implements FormFigures {

    /** Values in the application record that the system computed at submission (measure 3: from the project library). */
    private static final Set<String> COMPUTED_AT_SUBMISSION = Set.of("equipmentInvestment",
            "projectAverageProgress", "overallAverageProgress");
    private static final String NONE = "—";
    private static final Set<String> REVIEW_TASKS = Set.of(ReviewStepCompleted.LOCALITY_VERIFICATION, ReviewStepCompleted.CITY_REVIEW);
    /** The supplement steps and the review step that sends a case back to each. */
    private static final Map<String, String> SENT_BACK_FROM = Map.of(
            "Task_LocalitySupplement", ReviewStepCompleted.LOCALITY_VERIFICATION, "Task_CitySupplement", ReviewStepCompleted.CITY_REVIEW);

    private final CaseOfProcess caseOfProcess;
    private final UnitRepository units;
    private final RewardClaims claims;
    private final ObjectMapper json;
    private final ApplicantNames applicantNames;
    private final EvidenceFiles evidence;
    private final CaseTimeline timeline;
    private final ApplicationTypes types;

    public CaseFigures(CaseOfProcess caseOfProcess, UnitRepository units, ObjectMapper json, RewardClaims claims,
                       ApplicantNames applicantNames, EvidenceFiles evidence, CaseTimeline timeline, ApplicationTypes types) {
        this.types = types;
        this.timeline = timeline;
        this.evidence = evidence;
        this.applicantNames = applicantNames;
        this.claims = claims;
        this.caseOfProcess = caseOfProcess;
        this.units = units;
        this.json = json;
    }

    @Override
    public Map<String, Object> of(DelegateTask task) {
        CaseRecord caseRecord = caseOfProcess.of(task.getExecution());
        Map<String, Object> shown = figures(caseRecord);
        if (REVIEW_TASKS.contains(task.getTaskDefinitionKey())) {
            types.forMeasure(caseRecord.getMeasure()).ifPresent(type -> shown.putAll(type.reviewFigures(caseRecord)));
        }
        String sentBackFrom = SENT_BACK_FROM.get(task.getTaskDefinitionKey());
        if (sentBackFrom != null) {
            Object unit = ReviewStepCompleted.CITY_REVIEW.equals(sentBackFrom) ? task.getExecution().getVariable("reviewUnit") : null;
            String request = ReviewStepCompleted.supplementRequest(timeline.of(caseRecord), sentBackFrom, unit);
            if (request != null) {
                shown.put("reviewerRequest", request);
            }
        }
        return shown;
    }

    Map<String, Object> figures(CaseRecord caseRecord) {
        Map<String, Object> shown = new LinkedHashMap<>();
        CaseView.ApplicantRef applicant = applicantNames.of(caseRecord.getApplicant());
        shown.put("systemCaseNumber", caseRecord.getCaseNumber());
        shown.put("systemEnterprise", applicant.name());
        shown.put("systemUscc", applicant.code());
        shown.put("systemLocality", unitNames(List.of(caseRecord.getLocalityUnitId())));
        RewardClaim claim = claims.of(caseRecord);
        shown.put("systemRewardAmount", claim.getRewardAmount() == null ? NONE : Money.format(claim.getRewardAmount()));
        shown.put("systemRewardTier", text(claim.getRewardTier()));
        shown.put("systemRule", claim.getDecisionKey() == null ? NONE
                : claim.getDecisionKey() + " 第 " + claim.getDecisionVersion() + " 版 / version " + claim.getDecisionVersion());
        shown.put("systemReviewUnits", caseRecord.getReviewUnits().isEmpty() ? NONE : unitNames(caseRecord.getReviewUnits()));
        shown.put("systemSettledAmount", claim.getSettledAmount() == null ? "尚未结算 / not settled yet"
                : Money.format(claim.getSettledAmount()));
        List<EvidenceItem> files = evidence.ofCase(caseRecord);
        if (!files.isEmpty()) { // none: the form says so by itself
            shown.put("systemEvidence", evidenceLinks(files));
            shown.put("declaredEvidenceNames", String.join("\n", files.stream()
                    .map(f -> "文件 " + f.id() + " / File " + f.id() + "：" + f.fileName()).toList()));
        }
        application(caseRecord).forEach((key, value) -> shown.put(
                (COMPUTED_AT_SUBMISSION.contains(key) ? "system" : "declared") + Character.toUpperCase(key.charAt(0)) + key.substring(1),
                text(value)));
        return shown;
    }

    /**
     * The case's files as a markdown list of links for the review form's text component: only text the system wrote
     * (number, kind, order, type, size, date, the 补正 mark) and the download link; the names the enterprise gave the
     * files are shown verbatim in a disabled field ({@code declaredEvidenceNames}), never as markdown.
     */
    static String evidenceLinks(List<EvidenceItem> files) {
        StringBuilder list = new StringBuilder();
        for (EvidenceItem f : files) {
            list.append("- [文件 ").append(f.id()).append("：").append(f.kindZh())
                    .append(f.orderIndex() == null ? "" : "（订单 " + f.orderIndex() + "）")
                    .append("，").append(f.format()).append("，").append(size(f.size())).append("，")
                    .append(java.time.LocalDate.ofInstant(f.uploadedAt(), java.time.ZoneId.of("Asia/Shanghai")))
                    .append(" / File ").append(f.id()).append(": ").append(f.kindEn())
                    .append(f.orderIndex() == null ? "" : " (order " + f.orderIndex() + ")").append("](").append(f.href()).append(")");
            if (f.addedAfterLatestSendBack()) {
                list.append(" **补正后新增 / added after the send-back**");
            } else if (f.supplementRound() > 0) {
                list.append(" （第 ").append(f.supplementRound()).append(" 次补正 / supplement ").append(f.supplementRound()).append("）");
            }
            list.append("\n");
        }
        return list.toString();
    }

    private static String size(long bytes) {
        return bytes >= 1024 * 1024 ? String.format("%.1f MB", bytes / 1048576.0) : Math.max(1, (bytes + 1023) / 1024) + " KB";
    }

    private String unitNames(List<String> unitIds) {
        return String.join("、", unitIds.stream()
                .map(id -> units.findById(id).map(u -> u.getNameZh() + " (" + id + ")").orElse(id)).toList());
    }

    private Map<String, Object> application(CaseRecord caseRecord) {
        try {
            return json.readValue(caseRecord.getApplicationJson(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("case " + caseRecord.getCaseNumber() + ": unreadable application", e);
        }
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? NONE : value.toString();
    }
}
