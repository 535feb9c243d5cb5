package cn.huiqi.casefile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

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
 * Starts a measure's process for an API submission. The checks before the start and the process's first step, which
 * validates again and opens the case, run in one transaction, so a refusal leaves nothing behind and the applicant and
 * the round are looked up once ({@link CaseRegistration}). Two requests with one Idempotency-Key race to the database's
 * unique key; the loser returns the winner's case.
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
        AtomicReference<Checked> checked = new AtomicReference<>();
        try {
            // the checks and the start in one transaction: the process's first step checks again (RegisterApplication)
            // and finds the applicant and the round these checks found, and a refusal leaves nothing behind
            return transaction.execute(status -> {
                Checked application = check(type, key, fields);
                checked.set(application);
                if (application.earlier().isPresent()) {
                    return replay(application.earlier().get(), application);
                }
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
            Checked application = checked.get();
            if (application == null) {
                throw concurrentTwin;
            }
            Optional<Result> twin = transaction.execute(status -> cases
                    .findByApplicantKeyAndIdempotencyKey(application.applicantKey(), key).map(existing -> replay(existing, application)));
            if (twin.isPresent()) {
                return twin.get();
            }
            // another request won the race for a unique key: name what it holds (409), as a non-concurrent attempt would
            NewApplication refused = application.application();
            transaction.executeWithoutResult(status -> {
                cases.findByMeasureAndApplicantKeyAndSubjectKey(refused.measure(), application.applicantKey(), refused.subjectKey())
                        .ifPresent(existing -> {
                            throw new DuplicateApplicationException(refused.subjectField(), refused.subjectLabelZh(),
                                    refused.subjectLabelEn(), existing.getCaseNumber());
                        });
                type.checkClaims(refused);
            });
            throw concurrentTwin;
        }
    }

    /** What the checks before the start found: the application, its applicant, the case an earlier request with the key opened. */
    private record Checked(NewApplication application, String applicantKey, String applicationJson, Optional<CaseRecord> earlier) {
    }

    private Checked check(ApplicationType type, String key, Map<String, Object> fields) {
        Enterprise enterprise = registration.applicantEnterprise(fields.get(CaseRegistration.ENTERPRISE_ID));
        // outside the application period a new application is refused first; a retry of a case opened
        // inside it (same key) still answers that case
        // an enterprise's key, whether it applies itself or as a project's owner (Applicant#key)
        String enterpriseKey = Applicant.enterprise(enterprise.getId()).key();
        Optional<CaseRecord> earlier = cases.findByApplicantKeyAndIdempotencyKey(enterpriseKey, key);
        if (earlier.isEmpty()) {
            registration.admit(type.measure());
        }
        // checked here too (the process's first step checks again): a bad body is a 400 before any engine
        // work, and the subject key tells a replay of the same application from a reused key
        NewApplication application = type.validate(fields, enterprise).application();
        String applicantKey = registration.applicant(application, enterprise).key();
        // the same look-up as above when the enterprise applies itself: not asked twice (a twin racing in
        // between is caught by the unique key at the start and answered as a replay then)
        if (!applicantKey.equals(enterpriseKey)) {
            earlier = cases.findByApplicantKeyAndIdempotencyKey(applicantKey, key);
        }
        return new Checked(application, applicantKey, registration.applicationJson(application), earlier);
    }

    private static List<String> readOnce(ApplicationType type) {
        List<String> names = new ArrayList<>(List.of(CaseRegistration.EVIDENCE_DRAFTS, CaseRegistration.ENTERPRISE_ID));
        names.addAll(type.readOnceFields());
        return names;
    }

    /** The case an earlier request with the same key opened, if it is the same application (else 409). */
    private Result replay(CaseRecord existing, Checked application) {
        if (!existing.getSubjectKey().equals(application.application().subjectKey())
                || !existing.getApplicationJson().equals(application.applicationJson())) {
            throw new ConflictException("Idempotency-Key", "该幂等键已用于另一份申请（案件 " + existing.getCaseNumber() + "）",
                    "This Idempotency-Key was already used for another application (case " + existing.getCaseNumber() + ")");
        }
        return new Result(false, views.withTimeline(existing));
    }
}
