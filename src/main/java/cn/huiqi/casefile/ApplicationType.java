package cn.huiqi.casefile;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.huiqi.enterprise.Enterprise;

/**
 * What differs between the measures an enterprise applies for: which process runs the case and how
 * its application is checked. Everything else (opening the case, idempotent submission, the review
 * chain) is shared. One Spring bean per measure.
 */
public interface ApplicationType {

    /** the measure id, e.g. M1 (its {@code cn.huiqi.catalogue.Measure}) */
    String measure();

    /** the BPMN process that runs this measure's cases, e.g. "m1-order-reward" */
    String processKey();

    /** The typed body of {@code POST /api/measures/{id}/applications} for this measure (OpenAPI shows it). */
    Class<? extends ApplicationRequest> requestType();

    /**
     * Checks the submitted fields (the start form's, or the API body's under the same names) for this
     * applicant and returns the case data plus the normalized process variables; throws
     * {@link cn.huiqi.common.InvalidInputException} listing every refused field.
     */
    ValidatedApplication validate(Map<String, ?> fields, Enterprise applicant);

    /**
     * Refuses (ConflictException) an application that claims what another application already holds
     * beyond its subject key (measure 1: a contract number). Called before the case is opened and again
     * after a lost race on the database's unique keys, to name the cause.
     */
    default void checkClaims(NewApplication application) {
    }

    /** The case has just been opened for this application (same transaction): record what the case table does not hold. */
    default void opened(CaseRecord caseRecord, ValidatedApplication validated) {
    }

    /**
     * The applicant withdrew the case before verification (same transaction): free what the application claims
     * beyond its subject key (measure 1: its contract numbers), so the enterprise may apply again.
     */
    default void withdrawn(CaseRecord caseRecord) {
    }

    /** Decision inputs kept outside the application record (measure 1: the counted orders' figures). */
    default Map<String, Object> decisionInputs(CaseRecord caseRecord) {
        return Map.of();
    }

    /**
     * The reason ("中文 / English") a validated application ends not eligible before its rule table decides, as its
     * process would (measure 3: progress not above the overall average), or empty when the table decides.
     */
    default Optional<String> notEligibleBeforeRules(Map<String, Object> variables) {
        return Optional.empty();
    }

    /**
     * What this measure's review forms show beyond the shared figures (review.CaseFigures), read from the case when a
     * review task's form is read; e.g. measure 1's orders with their verification results. None by default.
     */
    default Map<String, Object> reviewFigures(CaseRecord caseRecord) {
        return Map.of();
    }

    /**
     * Start fields that the process's first step reads once ({@link #validate}, then the case record and the measure's
     * own tables keep them) and that nothing reads from the process afterwards: the app's submission passes them
     * transient, and {@link RegisterApplication} stores no variable in their place. None by default.
     */
    default Set<String> readOnceFields() {
        return Set.of();
    }

    /** The application as the API shows it; by default the validated application as stored on the case. */
    default Map<String, Object> applicationView(CaseRecord caseRecord, Map<String, Object> stored) {
        return stored;
    }

    /** details: what the measure's {@link #opened} needs beyond the case record (measure 1: the typed orders). */
    record ValidatedApplication(NewApplication application, Map<String, Object> variables, Object details) {

        public ValidatedApplication(NewApplication application, Map<String, Object> variables) {
            this(application, variables, null);
        }
    }
}
