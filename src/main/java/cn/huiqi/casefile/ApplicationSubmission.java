package cn.huiqi.casefile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.huiqi.common.ConflictException;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.enterprise.Enterprise;

/**
 * Starts a measure's process for an API submission. The process's first step validates and opens
 * the case in the same transaction, so a refusal leaves nothing behind. Two requests with one
 * Idempotency-Key race to the database's unique key; the loser returns the winner's case.
 */
@Service
public class ApplicationSubmission {

    public record Result(boolean created, CaseView view) {

        /** 201 for a new case, 200 for the case an earlier request with the same key made. */
        public ResponseEntity<CaseView> asResponse() {
            return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(view);
        }
    }

    private final RuntimeService runtimeService;
    private final CaseRecordRepository cases;
    private final CaseRegistration registration;
    private final CaseViews views;
    private final TransactionTemplate transaction;
    private final CaseOfProcess caseOfProcess;

    public ApplicationSubmission(RuntimeService runtimeService, CaseRecordRepository cases, CaseRegistration registration,
                                 CaseViews views, TransactionTemplate transaction, CaseOfProcess caseOfProcess) {
        this.runtimeService = runtimeService;
        this.caseOfProcess = caseOfProcess;
        this.cases = cases;
        this.registration = registration;
        this.views = views;
        this.transaction = transaction;
    }

    public Result submit(ApplicationType type, String idempotencyKey, Map<String, Object> fields) {
        FieldChecks checks = new FieldChecks();
        String key = checks.asciiToken("Idempotency-Key", idempotencyKey, "幂等键", "Idempotency key", 128);
        checks.throwIfAny();
        Enterprise enterprise = registration.applicantEnterprise(fields.get(CaseRegistration.ENTERPRISE_ID));
        // outside the application period a new application is refused first; a retry of a case opened
        // inside it (same key) still answers that case
        // an enterprise's key, whether it applies itself or as a project's owner (Applicant#key)
        String enterpriseKey = Applicant.enterprise(enterprise.getId()).key();
        boolean newKey = transaction.execute(status -> cases.findByApplicantKeyAndIdempotencyKey(enterpriseKey, key).isEmpty());
        if (newKey) {
            registration.admit(type.measure());
        }
        // checked here too (the process's first step checks again): a bad body is a 400 before any engine
        // work, and the subject key tells a replay of the same application from a reused key
        NewApplication application = type.validate(fields, enterprise).application();
        String subjectKey = application.subjectKey();
        String applicantKey = registration.applicant(application, enterprise).key();
        String applicationJson = registration.applicationJson(application);

        // the same look-up as above when the enterprise applies itself: not asked twice (a twin racing in
        // between is caught by the unique key below and answered as a replay there)
        if (!newKey || !applicantKey.equals(enterpriseKey)) {
            Optional<Result> replay = replay(applicantKey, key, subjectKey, applicationJson);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        try {
            return transaction.execute(status -> {
                Map<String, Object> variables = new HashMap<>(fields);
                // read once, by the process's first step, onto the case record: transient, as the evidence drafts, the
                // applicant and the fields the measure keeps in its own tables
                variables.put(CaseRegistration.IDEMPOTENCY_KEY, Variables.stringValue(key, true));
                for (String readOnce : readOnce(type)) {
                    variables.computeIfPresent(readOnce, (name, value) -> Variables.untypedValue(value, true));
                }
                String processInstanceId = runtimeService.startProcessInstanceByKey(type.processKey(), variables).getId();
                CaseRecord created = caseOfProcess.ofRootProcessInstance(processInstanceId).orElseThrow();
                return new Result(true, views.withTimeline(created));
            });
        } catch (DataIntegrityViolationException concurrentTwin) {
            Optional<Result> twin = replay(applicantKey, key, subjectKey, applicationJson);
            if (twin.isPresent()) {
                return twin.get();
            }
            // another request won the race for a unique key: name what it holds (409), as a non-concurrent attempt would
            transaction.executeWithoutResult(status -> {
                cases.findByMeasureAndApplicantKeyAndSubjectKey(application.measure(), applicantKey, subjectKey)
                        .ifPresent(existing -> {
                            throw new DuplicateApplicationException(application.subjectField(), application.subjectLabelZh(),
                                    application.subjectLabelEn(), existing.getCaseNumber());
                        });
                type.checkClaims(application);
            });
            throw concurrentTwin;
        }
    }

    private static List<String> readOnce(ApplicationType type) {
        List<String> names = new ArrayList<>(List.of(CaseRegistration.EVIDENCE_DRAFTS, CaseRegistration.ENTERPRISE_ID));
        names.addAll(type.readOnceFields());
        return names;
    }

    private Optional<Result> replay(String applicantKey, String key, String subjectKey, String applicationJson) {
        return transaction.execute(status -> cases.findByApplicantKeyAndIdempotencyKey(applicantKey, key)
                .map(existing -> {
                    if (!existing.getSubjectKey().equals(subjectKey) || !existing.getApplicationJson().equals(applicationJson)) {
                        throw new ConflictException("Idempotency-Key", "该幂等键已用于另一份申请（案件 " + existing.getCaseNumber() + "）",
                                "This Idempotency-Key was already used for another application (case " + existing.getCaseNumber() + ")");
                    }
                    return new Result(false, views.withTimeline(existing));
                }));
    }
}
