package cn.huiqi.casefile;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiqi.catalogue.ApplicantKind;
import cn.huiqi.catalogue.MeasureCatalogue;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.common.TransactionRows;
import cn.huiqi.enterprise.Enterprise;
import cn.huiqi.enterprise.EnterpriseRegister;
import cn.huiqi.enterprise.EnterpriseRepository;
import cn.huiqi.identity.Groups;

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
    /**
     * Start variable (and API field) naming the enterprise applied for. An agent must name it; a login bound
     * to an enterprise may leave it out and applies for its own, as before.
     */
    public static final String ENTERPRISE_ID = "enterpriseId";
    /**
     * Start variable (and API field of every measure's body) listing the ids of the evidence drafts the application
     * claims (a list of ids, or their comma-separated text as a form field sends it); see {@link CaseOpened}.
     */
    public static final String EVIDENCE_DRAFTS = "evidenceDrafts";

    private final CaseRecordRepository cases;
    private final CaseOfProcess caseOfProcess;
    private final EnterpriseRegister register;
    private final EnterpriseRepository enterprises;
    private final CaseTimeline timeline;
    private final IdentityService identityService;
    private final ObjectMapper json;
    private final MeasureCatalogue catalogue;
    private final CaseLifecycles lifecycles;
    private final ApplicationEventPublisher events;
    private final ApplicationPeriods periods;
    /**
     * Within a transaction, the enterprise each user applies for (by the enterprise it names) and each measure's open
     * round, as first found: a submission's checks and its process's first step ask once ({@link TransactionRows}).
     */
    private final TransactionRows<Enterprise> applicants = new TransactionRows<>();
    private final TransactionRows<Optional<Long>> admitted = new TransactionRows<>();

    /** Who applies for which enterprise (null: the login's own): the key of {@link #applicants}. */
    private record ApplicantAsked(String userId, Long namedEnterpriseId) {
    }

    public CaseRegistration(CaseRecordRepository cases, CaseOfProcess caseOfProcess, EnterpriseRegister register,
                            EnterpriseRepository enterprises, CaseTimeline timeline, IdentityService identityService, ObjectMapper json,
                            ApplicationPeriods periods, MeasureCatalogue catalogue, CaseLifecycles lifecycles,
                            ApplicationEventPublisher events) {
        this.caseOfProcess = caseOfProcess;
        this.periods = periods;
        this.catalogue = catalogue;
        this.lifecycles = lifecycles;
        this.events = events;
        this.cases = cases;
        this.register = register;
        this.enterprises = enterprises;
        this.timeline = timeline;
        this.identityService = identityService;
        this.json = json;
    }

    /**
     * The enterprise the authenticated user applies for, or a clear refusal: the one it names (which it must
     * act for, {@link EnterpriseRegister#actsFor}), else the one its login is bound to. Only an account in
     * group enterprise and no other applies: a staff account never does. Looked up once per transaction.
     */
    public Enterprise applicantEnterprise(Object namedEnterpriseId) {
        String userId = timeline.currentActor();
        if (CaseTimeline.SYSTEM.equals(userId)) {
            throw new InvalidInputException("applicant", "只有已登录的企业用户可以提交申请",
                    "Only a signed-in enterprise user can apply");
        }
        Authentication authentication = identityService.getCurrentAuthentication();
        List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        if (groups.size() != 1 || !groups.contains(Groups.ENTERPRISE)) {
            throw new InvalidInputException("applicant", "只有企业用户可以提交申请，工作人员账号不能作为申请人",
                    "Only enterprise users can apply; a staff account is never an applicant");
        }
        Long named = enterpriseId(namedEnterpriseId);
        ApplicantAsked asked = new ApplicantAsked(userId, named);
        Enterprise found = applicants.get(asked);
        return found != null ? found : applicants.keep(asked, enterpriseActedFor(userId, named));
    }

    private Enterprise enterpriseActedFor(String userId, Long named) {
        if (named == null) {
            return register.ownEnterprise(userId).orElseThrow(() -> new InvalidInputException(ENTERPRISE_ID,
                    "账号 " + userId + " 未绑定企业；经办人须在 enterpriseId 中指明代为申请的企业",
                    "Account " + userId + " is not bound to an enterprise; an agent must name the enterprise it applies for in enterpriseId"));
        }
        if (!register.actsFor(userId, named)) {
            // the same answer whether the enterprise exists or not
            throw new InvalidInputException(ENTERPRISE_ID, "账号 " + userId + " 无权代表企业 " + named + " 申请（没有有效的经办人授权）",
                    "Account " + userId + " may not apply for enterprise " + named + " (no authorisation in force)");
        }
        return enterprises.findById(named).orElseThrow();
    }

    private static Long enterpriseId(Object raw) {
        if (raw == null || raw.toString().isBlank()) {
            return null;
        }
        if (raw instanceof Long || raw instanceof Integer || raw instanceof Short) {
            return ((Number) raw).longValue();
        }
        String text = raw.toString().strip();
        if (raw instanceof String && text.matches("[1-9][0-9]{0,17}")) {
            return Long.valueOf(text);
        }
        throw new InvalidInputException(ENTERPRISE_ID, "企业编号应为正整数", "enterpriseId must be a positive whole number");
    }

    /**
     * Refuses (400 naming the application period) an application of a measure that takes none today; answers its round
     * (asked once per transaction).
     */
    public Optional<Long> admit(String measure) {
        Optional<Long> round = admitted.get(measure);
        return round != null ? round : admitted.keep(measure, periods.admit(measure));
    }

    /** The applicant of this measure's cases when an enterprise applies: itself, or as the owner of the project it names. */
    public Applicant applicant(NewApplication application, Enterprise enterprise) {
        ApplicantKind kind = catalogue.require(application.measure()).applicant();
        return switch (kind) {
            case ENTERPRISE -> Applicant.enterprise(enterprise.getId());
            case PROJECT_OWNER -> Applicant.projectOwner(enterprise.getId(), application.projectId());
            default -> throw new IllegalStateException("measure " + application.measure() + " is not applied for by an enterprise (" + kind + ")");
        };
    }

    /** Opens the case of an application admitted to {@code round} ({@link #admit}, asked once per application). */
    public CaseRecord open(DelegateExecution execution, Enterprise enterprise, NewApplication application, Optional<Long> round) {
        String measure = application.measure();
        Long roundId = round.orElse(null);
        Applicant applicant = applicant(application, enterprise);
        Optional<CaseRecord> same = cases.findByMeasureAndApplicantKeyAndSubjectKey(measure, applicant.key(),
                application.subjectKey());
        if (same.isPresent()) {
            throw new DuplicateApplicationException(application.subjectField(), application.subjectLabelZh(),
                    application.subjectLabelEn(), same.get().getCaseNumber());
        }
        Object key = execution.getVariable(IDEMPOTENCY_KEY);
        CaseRecord caseRecord = new CaseRecord(measure, applicant, enterprise.getLocalityUnitId(),
                application.subjectKey(), key == null ? null : key.toString(), toJson(application.application()),
                timeline.currentActor(), lifecycles.of(measure).initial());
        caseRecord.setRoundId(roundId);
        cases.save(caseRecord);
        caseRecord.assignNumber(POLICY_YEAR);
        events.publishEvent(new CaseOpened(caseRecord, application, draftIds(execution.getVariable(EVIDENCE_DRAFTS))));
        caseRecord.attachProcess(execution.getProcessInstanceId());
        // number and process written with the new case's other changes, one UPDATE before the commit (CaseRecordRepository):
        // CaseOpened's listeners take both from the object, not from the row
        cases.save(caseRecord);
        caseOfProcess.attached(caseRecord);
        // the case number is the business key: the measure's process has no user task to show it as a variable (its
        // call activity passes it on to the review chain's, casefile.TaskNames otherwise names each task)
        execution.setProcessBusinessKey(caseRecord.getCaseNumber());
        execution.setVariable("measure", measure);
        execution.setVariable("enterpriseName", enterprise.getName());
        execution.setVariable("enterpriseUscc", enterprise.getUscc());
        // an input rules may use (docs/rules.md); who verifies is read from the case, never from this
        execution.setVariable("localityUnit", enterprise.getLocalityUnitId());
        timeline.record(caseRecord, "SUBMITTED", "提交申请 / Application submitted");
        return caseRecord;
    }

    /**
     * Opens a case the app's own API has authorized (an enterprise for itself, or an official on the enterprise's
     * behalf: a visit, a hotline ticket), before any process: the measure's process is started afterwards by the app
     * and attached with {@link #attachProcess}. The same checks and event as {@link #open}: one case per subject, the
     * evidence drafts claimed in this transaction, the case numbered; the first timeline line is the caller's.
     *
     * @param idempotencyKey the client's retry key (null: none); a retry is found with {@link #findRetry} first
     */
    public CaseRecord openWithoutProcess(Enterprise enterprise, NewApplication application, String idempotencyKey,
                                         List<Long> evidenceDrafts) {
        String measure = application.measure();
        Applicant applicant = applicant(application, enterprise);
        Optional<CaseRecord> same = cases.findByMeasureAndApplicantKeyAndSubjectKey(measure, applicant.key(),
                application.subjectKey());
        if (same.isPresent()) {
            throw new DuplicateApplicationException(application.subjectField(), application.subjectLabelZh(),
                    application.subjectLabelEn(), same.get().getCaseNumber());
        }
        CaseRecord caseRecord = new CaseRecord(measure, applicant, enterprise.getLocalityUnitId(), application.subjectKey(),
                idempotencyKey, toJson(application.application()), timeline.currentActor(), lifecycles.of(measure).initial());
        cases.save(caseRecord);
        caseRecord.assignNumber(POLICY_YEAR);
        cases.save(caseRecord);
        events.publishEvent(new CaseOpened(caseRecord, application, evidenceDrafts));
        return caseRecord;
    }

    /** The case an earlier call with this retry key opened for the enterprise, if any (see {@link #openWithoutProcess}). */
    public Optional<CaseRecord> findRetry(Enterprise enterprise, String idempotencyKey) {
        return idempotencyKey == null ? Optional.empty()
                : cases.findByApplicantKeyAndIdempotencyKey(Applicant.enterprise(enterprise.getId()).key(), idempotencyKey);
    }

    /**
     * Attaches the process the app started for a case opened by {@link #openWithoutProcess}: only a case that has
     * none yet, so a process started for another case can never take it over.
     */
    public CaseRecord attachProcess(CaseRecord caseRecord, DelegateExecution execution) {
        if (caseRecord.getProcessInstanceId() != null) {
            throw new IllegalStateException("case " + caseRecord.getCaseNumber() + " already has process "
                    + caseRecord.getProcessInstanceId());
        }
        caseRecord.attachProcess(execution.getProcessInstanceId());
        cases.save(caseRecord);
        caseOfProcess.attached(caseRecord);
        execution.setProcessBusinessKey(caseRecord.getCaseNumber());
        execution.setVariable("caseNumber", caseRecord.getCaseNumber());
        execution.setVariable("measure", caseRecord.getMeasure());
        return caseRecord;
    }

    /** The evidence drafts a request lists (bilingual 400 when it lists anything else); see {@link #EVIDENCE_DRAFTS}. */
    public static List<Long> evidenceDraftIds(Object raw) {
        return draftIds(raw);
    }

    /** The evidence drafts an application lists: a JSON list of whole numbers, or "12, 13" from a form field. */
    static List<Long> draftIds(Object raw) {
        if (raw == null || raw.toString().isBlank()) {
            return List.of();
        }
        List<?> items = raw instanceof java.util.Collection<?> collection ? new java.util.ArrayList<>(collection)
                : List.of(raw.toString().split("[,，\\s]+"));
        java.util.LinkedHashSet<Long> ids = new java.util.LinkedHashSet<>();
        for (Object item : items) {
            String text = item == null ? "" : item.toString().strip();
            if (text.isEmpty() && !(raw instanceof java.util.Collection<?>)) {
                continue;
            }
            if (!(item instanceof Number || item instanceof String) || !text.matches("[1-9][0-9]{0,17}") || ids.size() >= 100) {
                throw new InvalidInputException(EVIDENCE_DRAFTS, "所附材料应为上传后得到的材料编号（至多100个）",
                        "evidenceDrafts must list the ids the uploads returned (at most 100)");
            }
            ids.add(Long.valueOf(text));
        }
        return List.copyOf(ids);
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
