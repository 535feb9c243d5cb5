package cn.huiqi.casefile;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiqi.common.InvalidInputException;
import cn.huiqi.enterprise.Enterprise;
import cn.huiqi.enterprise.EnterpriseRepository;
import cn.huiqi.enterprise.EnterpriseUserRepository;

/**
 * Opens the case record for a process instance that has just started, for any measure. The
 * applicant is the authenticated user who started the process, never a variable the client sent.
 */
@Component
public class CaseRegistration {

    /** The policy year that case numbers carry (洪府办发〔2023〕81号). */
    public static final int POLICY_YEAR = 2023;
    /** Start variable set by the app's submit API; a retry with the same key finds the same case. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";

    private final RewardCaseRepository cases;
    private final EnterpriseUserRepository enterpriseUsers;
    private final EnterpriseRepository enterprises;
    private final CaseTimeline timeline;
    private final ObjectMapper json;

    public CaseRegistration(RewardCaseRepository cases, EnterpriseUserRepository enterpriseUsers,
                            EnterpriseRepository enterprises, CaseTimeline timeline, ObjectMapper json) {
        this.cases = cases;
        this.enterpriseUsers = enterpriseUsers;
        this.enterprises = enterprises;
        this.timeline = timeline;
        this.json = json;
    }

    /** The enterprise the authenticated user acts for, or a clear refusal. */
    public Enterprise applicantEnterprise() {
        String userId = timeline.currentActor();
        if (CaseTimeline.SYSTEM.equals(userId)) {
            throw new InvalidInputException("applicant", "只有已登录的企业用户可以提交申请",
                    "Only a signed-in enterprise user can apply");
        }
        Long enterpriseId = enterpriseUsers.findById(userId)
                .orElseThrow(() -> new InvalidInputException("applicant", "账号 " + userId + " 未绑定企业，不能提交申请",
                        "Account " + userId + " is not bound to an enterprise and cannot apply"))
                .getEnterpriseId();
        return enterprises.findById(enterpriseId).orElseThrow();
    }

    public RewardCase open(DelegateExecution execution, Enterprise enterprise, NewApplication application) {
        String measure = application.measure();
        Optional<RewardCase> same = cases.findByMeasureAndEnterpriseIdAndSubjectKey(measure, enterprise.getId(),
                application.subjectKey());
        if (same.isPresent()) {
            throw new DuplicateApplicationException(application.subjectField(), application.subjectLabelZh(),
                    application.subjectLabelEn(), same.get().getCaseNumber());
        }
        Object key = execution.getVariable(IDEMPOTENCY_KEY);
        RewardCase rewardCase = new RewardCase(measure, enterprise.getId(), enterprise.getLocalityUnitId(),
                application.subjectKey(), key == null ? null : key.toString(), toJson(application.application()),
                application.claimedAmount(), timeline.currentActor());
        rewardCase = cases.saveAndFlush(rewardCase);
        rewardCase.assignNumber(POLICY_YEAR);
        rewardCase.attachProcess(execution.getProcessInstanceId());
        execution.setProcessBusinessKey(rewardCase.getCaseNumber());
        execution.setVariable("caseNumber", rewardCase.getCaseNumber());
        execution.setVariable("measure", measure);
        execution.setVariable("applicant", rewardCase.getSubmittedBy());
        execution.setVariable("enterpriseName", enterprise.getName());
        execution.setVariable("enterpriseUscc", enterprise.getUscc());
        execution.setVariable("localityUnit", enterprise.getLocalityUnitId());
        timeline.record(rewardCase, "SUBMITTED", "提交申请 / Application submitted");
        return rewardCase;
    }

    /** The application as the case stores it (application_json). */
    String applicationJson(NewApplication application) {
        return toJson(application.application());
    }

    private String toJson(java.util.Map<String, Object> application) {
        try {
            return json.writeValueAsString(application);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
