package cn.huiqi.casefile;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;


@Component
public class CaseViews {

    private final ApplicantNames applicants;
    private final CaseTimeline timeline;
    private final ObjectMapper json;
    private final ApplicationTypes types;
    private final CaseLifecycles lifecycles;
    private final List<CaseRewards> rewards;
    private final List<CaseStepTimes> stepTimes;

    public CaseViews(ApplicantNames applicants, CaseTimeline timeline, ObjectMapper json, ApplicationTypes types,
                     CaseLifecycles lifecycles, List<CaseRewards> rewards, List<CaseStepTimes> stepTimes) {
        this.stepTimes = stepTimes;
        this.applicants = applicants;
        this.timeline = timeline;
        this.json = json;
        this.types = types;
        this.lifecycles = lifecycles;
        this.rewards = rewards;
    }

    public CaseView summary(CaseRecord c) {
        return view(c, null);
    }

    public CaseView withTimeline(CaseRecord c) {
        return view(c, timeline.of(c).stream()
                .map(e -> new CaseView.TimelineEntry(e.getOccurredAt(), e.getActor(), e.getAction(), e.getDetail()))
                .toList());
    }

    public CaseListItem listItem(CaseRecord c) {
        CaseView.ApplicantRef applicant = applicants.of(c.getApplicant());
        CaseStatus status = lifecycles.statusOf(c);
        CaseView.Reward r = rewardOf(c);
        return new CaseListItem(c.getCaseNumber(), c.getMeasure(), status.name(), status.zh(), status.en(),
                c.getApplicant().isEnterprise() ? new CaseView.EnterpriseRef(applicant.name(), applicant.code()) : null,
                applicant, c.getLocalityUnitId(), c.getRoundId(), r.claimedAmount(), r.rewardAmount(), r.outcomeReason(),
                c.getFlag(), c.getSubmittedAt(), updated(c, r), r.provisional() != null,
                r.provisional() == null ? null : r.provisional().zh(), r.provisional() == null ? null : r.provisional().en());
    }

    private CaseView.Reward rewardOf(CaseRecord c) {
        return rewards.stream().flatMap(source -> source.rewardOf(c.getId()).stream()).findFirst().orElse(CaseView.Reward.NONE);
    }

    private static Instant updated(CaseRecord c, CaseView.Reward r) {
        return r.updatedAt() != null && r.updatedAt().isAfter(c.getUpdatedAt()) ? r.updatedAt() : c.getUpdatedAt();
    }

    private CaseView view(CaseRecord c, List<CaseView.TimelineEntry> entries) {
        CaseView.ApplicantRef applicant = applicants.of(c.getApplicant());
        CaseStatus status = lifecycles.statusOf(c);
        CaseView.Reward r = rewardOf(c);
        Instant updated = updated(c, r);
        return new CaseView(c.getCaseNumber(), c.getMeasure(), status.name(), status.zh(), status.en(),
                c.getApplicant().isEnterprise() ? new CaseView.EnterpriseRef(applicant.name(), applicant.code()) : null,
                applicant, c.getLocalityUnitId(),
                application(c), r.claimedAmount(), r.eligible(), r.rewardAmount(), r.rewardTier(), r.settledAmount(),
                r.decision(), r.outcomeReason(), c.getFlag(), r.payment(),
                c.getSubmittedBy(), c.getSubmittedAt(), updated, entries,
                stepTimes.stream().flatMap(source -> source.of(c, status.isFinal()).stream()).toList(), r.provisional() != null,
                r.provisional() == null ? null : r.provisional().zh(), r.provisional() == null ? null : r.provisional().en());
    }

    private Map<String, Object> application(CaseRecord c) {
        try {
            Map<String, Object> stored = json.readValue(c.getApplicationJson(), new TypeReference<>() { });
            return types.forMeasure(c.getMeasure()).map(type -> type.applicationView(c, stored)).orElse(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("case " + c.getCaseNumber() + " holds unreadable application JSON", e);
        }
    }
}
