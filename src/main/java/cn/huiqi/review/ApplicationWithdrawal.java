package cn.huiqi.review;

import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.casefile.ApplicationTypes;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.casefile.CaseTimeline;
import cn.huiqi.casefile.RewardStatus;
import cn.huiqi.common.ConflictException;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.enterprise.EnterpriseRegister;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.Groups;
import cn.huiqi.process.EngineAsSystem;

/**
 * 撤回: the applying enterprise (its own users and agents in force, nobody else) withdraws a submitted application
 * until the locality starts verifying. "Starts" means any of: the verification task is claimed, a decision or
 * comment is saved on it, or the locality has decided on the case before (a send-back, then the supplement).
 * The review chain's verification task catches the message {@value #MESSAGE} and ends at
 * {@code End_ApplicantWithdrew} (status WITHDRAWN, no money is reserved before city review); the case frees its
 * subject (measure 1: one application per enterprise) and what its measure claims (measure 1: contract numbers),
 * so the enterprise may apply again. The timeline keeps the reason; inbox tells the locality.
 */
@Component
class ApplicationWithdrawal {

    static final String MESSAGE = "case-withdrawn-by-applicant";
    static final String ACTION = "APPLICATION_WITHDRAWN";
    static final int REASON_MAX = 500;
    private static final String VERIFICATION_TASK = "Task_LocalityVerification";

    private final CaseRecordRepository cases;
    private final EnterpriseRegister register;
    private final CaseTimeline timeline;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final EngineAsSystem engineAsSystem;
    private final ApplicationTypes types;

    ApplicationWithdrawal(CaseRecordRepository cases, EnterpriseRegister register, CaseTimeline timeline, TaskService taskService,
                          RuntimeService runtimeService, EngineAsSystem engineAsSystem, ApplicationTypes types) {
        this.cases = cases;
        this.register = register;
        this.timeline = timeline;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.engineAsSystem = engineAsSystem;
        this.types = types;
    }

    @Transactional
    public CaseRecord withdraw(Caller caller, String caseNumber, String rawReason) {
        CaseRecord caseRecord = cases.getByCaseNumber(caseNumber);
        if (!caller.isIn(Groups.ENTERPRISE) || caseRecord.getEnterpriseId() == null
                || !register.actsFor(caller.userId(), caseRecord.getEnterpriseId())) {
            throw new AccessDeniedException(caller.userId() + " may not withdraw case " + caseNumber);
        }
        FieldChecks checks = new FieldChecks();
        String reason = checks.requiredText("reason", rawReason, "撤回理由", "Reason for withdrawing", REASON_MAX);
        checks.throwIfAny();
        Task verification = engineAsSystem.call(() -> taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey(VERIFICATION_TASK).singleResult());
        if (!caseRecord.is(RewardStatus.LOCALITY_VERIFICATION) || verification == null) {
            throw tooLate(caseNumber);
        }
        if (verification.getAssignee() != null || verificationSaved(verification) || decidedBefore(caseRecord)) {
            throw tooLate(caseNumber);
        }
        timeline.record(caseRecord, ACTION, "企业撤回申请 / The applicant withdrew the application — " + reason);
        caseRecord.releaseSubject();
        cases.save(caseRecord);
        types.forMeasure(caseRecord.getMeasure()).ifPresent(type -> type.withdrawn(caseRecord));
        try {
            engineAsSystem.call(() -> runtimeService.createMessageCorrelation(MESSAGE)
                    .processInstanceBusinessKey(caseNumber)
                    .correlateWithResult());
        } catch (OptimisticLockingException claimedMeanwhile) {
            throw tooLate(caseNumber);
        }
        return caseRecord;
    }

    private boolean verificationSaved(Task task) {
        Map<String, Object> saved = engineAsSystem.call(() -> taskService.getVariablesLocal(task.getId()));
        return saved.get("decision") != null || saved.get("comment") != null;
    }

    /** A decision of the locality is on the timeline (e.g. a send-back: the verification started long ago). */
    private boolean decidedBefore(CaseRecord caseRecord) {
        return timeline.of(caseRecord).stream()
                .anyMatch(e -> e.getAction() != null && e.getAction().startsWith(VERIFICATION_TASK.toUpperCase() + "_"));
    }

    private static ConflictException tooLate(String caseNumber) {
        return new ConflictException("caseNumber", "案件 " + caseNumber + " 已开始核实或已办结，不能撤回；如需撤回请联系属地",
                "Case " + caseNumber + " is being verified or is closed and can no longer be withdrawn; please contact the locality");
    }
}
