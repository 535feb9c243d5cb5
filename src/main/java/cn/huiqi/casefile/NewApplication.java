package cn.huiqi.casefile;

import java.math.BigDecimal;

/**
 * What every measure's application hands to {@link CaseRegistration}: the measure, the subject that
 * may be applied for only once (field name and label for the error message), the validated
 * application as JSON, and the amount claimed (may be null).
 */
public record NewApplication(String measure, String subjectField, String subjectKey, String subjectLabelZh,
                             String subjectLabelEn, String applicationJson, BigDecimal claimedAmount) {
}
