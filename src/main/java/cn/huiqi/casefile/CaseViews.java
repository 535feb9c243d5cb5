package cn.huiqi.casefile;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiqi.enterprise.Enterprise;
import cn.huiqi.enterprise.EnterpriseRepository;

@Component
public class CaseViews {

    private final EnterpriseRepository enterprises;
    private final CaseTimeline timeline;
    private final ObjectMapper json;
    private final ApplicationTypes types;

    public CaseViews(EnterpriseRepository enterprises, CaseTimeline timeline, ObjectMapper json, ApplicationTypes types) {
        this.enterprises = enterprises;
        this.timeline = timeline;
        this.json = json;
        this.types = types;
    }

    public CaseView summary(RewardCase c) {
        return view(c, null);
    }

    public CaseView withTimeline(RewardCase c) {
        return view(c, timeline.of(c).stream()
                .map(e -> new CaseView.TimelineEntry(e.getOccurredAt(), e.getActor(), e.getAction(), e.getDetail()))
                .toList());
    }

    private CaseView view(RewardCase c, List<CaseView.TimelineEntry> entries) {
        Enterprise enterprise = enterprises.findById(c.getEnterpriseId()).orElseThrow();
        return new CaseView(c.getCaseNumber(), c.getMeasure(), c.getStatus().name(), c.getStatus().zh(), c.getStatus().en(),
                new CaseView.EnterpriseRef(enterprise.getName(), enterprise.getUscc()), c.getLocalityUnitId(),
                application(c), c.getClaimedAmount(), c.getEligible(), c.getRewardAmount(), c.getRewardTier(), c.getSettledAmount(),
                c.getDecisionKey() == null ? null
                        : new CaseView.DecisionRef(c.getDecisionKey(), c.getDecisionVersion(), c.getDecisionDefinitionId()),
                c.getOutcomeReason(), c.getFlag(),
                c.getPaymentReference() == null ? null : new CaseView.PaymentRef(c.getPaymentReference(), c.getPaymentDate()),
                c.getSubmittedBy(), c.getSubmittedAt(), c.getUpdatedAt(), entries);
    }

    private Map<String, Object> application(RewardCase c) {
        try {
            Map<String, Object> stored = json.readValue(c.getApplicationJson(), new TypeReference<>() { });
            return types.forMeasure(c.getMeasure()).map(type -> type.applicationView(c, stored)).orElse(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("case " + c.getCaseNumber() + " holds unreadable application JSON", e);
        }
    }
}
