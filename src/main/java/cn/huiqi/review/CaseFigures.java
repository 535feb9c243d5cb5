package cn.huiqi.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiqi.casefile.CaseOfProcess;
import cn.huiqi.casefile.RewardCase;
import cn.huiqi.common.Money;
import cn.huiqi.enterprise.Enterprise;
import cn.huiqi.enterprise.EnterpriseRepository;
import cn.huiqi.unit.UnitRepository;

/**
 * Create listener of every task of the review chain: writes what its form shows, read-only and
 * task-local, from the case record, never from process variables. {@code system*} variables are what the
 * system determined (enterprise from the register, reward, tier, rule and version, units, settled amount,
 * measure 3's figures from the project library); {@code declared*} variables are the application as the
 * enterprise typed it, and {@code reviewerRequest} a reviewer's request for supplements. The forms show
 * each in a disabled field (plain text, never markdown; form-js does not submit disabled fields), in two
 * visibly separate groups. Task listener: {@code ${caseFigures}}.
 */
@Component("caseFigures")
public class CaseFigures implements TaskListener {

    /** Values in the application record that the system computed at submission (measure 3: from the project library). */
    private static final Set<String> COMPUTED_AT_SUBMISSION = Set.of("equipmentInvestment",
            "projectAverageProgress", "overallAverageProgress");
    private static final String NONE = "—";

    private final CaseOfProcess caseOfProcess;
    private final EnterpriseRepository enterprises;
    private final UnitRepository units;
    private final ObjectMapper json;

    public CaseFigures(CaseOfProcess caseOfProcess, EnterpriseRepository enterprises, UnitRepository units, ObjectMapper json) {
        this.caseOfProcess = caseOfProcess;
        this.enterprises = enterprises;
        this.units = units;
        this.json = json;
    }

    @Override
    public void notify(DelegateTask task) {
        RewardCase rewardCase = caseOfProcess.of(task.getExecution());
        task.setVariablesLocal(figures(rewardCase));
        Object request = task.getExecution().getVariable("supplementRequest");
        if (request != null) {
            task.setVariableLocal("reviewerRequest", request.toString());
        }
    }

    Map<String, Object> figures(RewardCase rewardCase) {
        Map<String, Object> shown = new LinkedHashMap<>();
        Enterprise enterprise = enterprises.findById(rewardCase.getEnterpriseId()).orElseThrow();
        shown.put("systemCaseNumber", rewardCase.getCaseNumber());
        shown.put("systemEnterprise", enterprise.getName());
        shown.put("systemUscc", enterprise.getUscc());
        shown.put("systemLocality", unitNames(List.of(rewardCase.getLocalityUnitId())));
        shown.put("systemRewardAmount", rewardCase.getRewardAmount() == null ? NONE : Money.format(rewardCase.getRewardAmount()));
        shown.put("systemRewardTier", text(rewardCase.getRewardTier()));
        shown.put("systemRule", rewardCase.getDecisionKey() == null ? NONE
                : rewardCase.getDecisionKey() + " 第 " + rewardCase.getDecisionVersion() + " 版 / version " + rewardCase.getDecisionVersion());
        shown.put("systemReviewUnits", rewardCase.getReviewUnits().isEmpty() ? NONE : unitNames(rewardCase.getReviewUnits()));
        shown.put("systemSettledAmount", rewardCase.getSettledAmount() == null ? "尚未结算 / not settled yet"
                : Money.format(rewardCase.getSettledAmount()));
        application(rewardCase).forEach((key, value) -> shown.put(
                (COMPUTED_AT_SUBMISSION.contains(key) ? "system" : "declared") + Character.toUpperCase(key.charAt(0)) + key.substring(1),
                text(value)));
        return shown;
    }

    private String unitNames(List<String> unitIds) {
        return String.join("、", unitIds.stream()
                .map(id -> units.findById(id).map(u -> u.getNameZh() + " (" + id + ")").orElse(id)).toList());
    }

    private Map<String, Object> application(RewardCase rewardCase) {
        try {
            return json.readValue(rewardCase.getApplicationJson(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("case " + rewardCase.getCaseNumber() + ": unreadable application", e);
        }
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? NONE : value.toString();
    }
}
