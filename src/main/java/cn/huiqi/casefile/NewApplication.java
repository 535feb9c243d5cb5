package cn.huiqi.casefile;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What every measure's application hands to {@link CaseRegistration}: the measure, the subject that
 * may be applied for only once (field name and label for the error message), the validated
 * application (kept on the case as JSON), the amount claimed (may be null), and the project applied for
 * (measures whose applicant is a project's owner; null otherwise).
 */
public record NewApplication(String measure, String subjectField, String subjectKey, String subjectLabelZh,
                             String subjectLabelEn, Map<String, Object> application, BigDecimal claimedAmount, Long projectId) {

    public NewApplication {
        application = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(application));
    }

    public NewApplication(String measure, String subjectField, String subjectKey, String subjectLabelZh,
                          String subjectLabelEn, Map<String, Object> application, BigDecimal claimedAmount) {
        this(measure, subjectField, subjectKey, subjectLabelZh, subjectLabelEn, application, claimedAmount, null);
    }
}
