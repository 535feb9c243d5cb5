package cn.huiqi.assistance;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRegistration;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.enterprise.Enterprise;

/**
 * An enterprise raises a demand itself (its own login, or an agent acting for it, as applications do): every field
 * checked (bilingual 400), a retry with the same Idempotency-Key answers the same case.
 */
@Component
class DemandSubmission {

    record Result(CaseRecord caseRecord, boolean created) {
    }

    private final CaseRegistration registration;
    private final DemandIntake intake;

    DemandSubmission(CaseRegistration registration, DemandIntake intake) {
        this.registration = registration;
        this.intake = intake;
    }

    Result submit(String idempotencyKey, Map<String, Object> body) {
        FieldChecks checks = new FieldChecks();
        String key = checks.asciiToken("Idempotency-Key", idempotencyKey, "幂等键", "Idempotency key", 128);
        checks.throwIfAny();
        Enterprise enterprise = registration.applicantEnterprise(body.get(CaseRegistration.ENTERPRISE_ID));
        for (String field : body.keySet()) {
            if (!List.of("enterpriseId", "category", "scope", "utility", "title", "description", "evidenceDrafts").contains(field)) {
                checks.add(field, "不认识的字段 " + field, "Unknown field " + field);
            }
        }
        DemandCategory category = DemandFields.category(checks, "category", body.get("category"));
        DemandScope scope = DemandFields.scope(checks, "scope", body.get("scope"));
        Utility utility = category == null ? null : DemandFields.utility(checks, "utility", body.get("utility"), category);
        String title = DemandFields.title(checks, "title", body.get("title"));
        String description = DemandFields.description(checks, "description", body.get("description"));
        checks.throwIfAny();
        List<Long> drafts = CaseRegistration.evidenceDraftIds(body.get(CaseRegistration.EVIDENCE_DRAFTS));
        NewDemand demand = new NewDemand(enterprise, DemandOrigin.ENTERPRISE, category, scope, utility, title, description,
                null, null, key, drafts);
        return intake.retried(demand).map(c -> new Result(c, false))
                .orElseGet(() -> new Result(intake.open(demand), true));
    }
}
