package cn.huiqi.casefile;

import java.util.Map;

import cn.huiqi.enterprise.Enterprise;

/**
 * What differs between the measures an enterprise applies for: which process runs the case and how
 * its application is checked. Everything else (opening the case, idempotent submission, the review
 * chain) is shared. One Spring bean per measure.
 */
public interface ApplicationType {

    /** e.g. "M1" */
    String measure();

    /** the BPMN process that runs this measure's cases, e.g. "m1-order-reward" */
    String processKey();

    /**
     * Checks the submitted fields (the start form's, or the API body's under the same names) for this
     * applicant and returns the case data plus the normalized process variables; throws
     * {@link cn.huiqi.common.InvalidInputException} listing every refused field.
     */
    ValidatedApplication validate(Map<String, ?> fields, Enterprise applicant);

    record ValidatedApplication(NewApplication application, Map<String, Object> variables) {
    }
}
