package cn.huiqi.financing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseTimeline;
import cn.huiqi.common.ConflictException;
import cn.huiqi.common.FieldChecks;

/**
 * The enterprise's consent to share a demand: given with the demand, changed or revoked later (PUT/DELETE
 * {@code .../consent}); every give, change and revocation goes to {@code financing_consent_log} and the timeline.
 * Whether an institution may see a demand is asked here ({@link #sharesWith}) on every read, so a revocation hides the
 * demand at once, also from an institution that already took it up.
 */
@Component
class Consents {

    static final List<String> BODY = List.of("audience", "fields", "institutions");

    private final ConsentRepository consents;
    private final ConsentLogRepository log;
    private final CaseTimeline timeline;
    private final Institutions institutions;

    Consents(ConsentRepository consents, ConsentLogRepository log, CaseTimeline timeline, Institutions institutions) {
        this.consents = consents;
        this.log = log;
        this.timeline = timeline;
        this.institutions = institutions;
    }

    /** The consent in a request body ({@code audience} ALL|CHOSEN, {@code fields}, {@code institutions} for CHOSEN). */
    ConsentTerms parse(FieldChecks checks, String prefix, Object raw) {
        if (!(raw instanceof Map<?, ?> map)) {
            checks.add(prefix.isEmpty() ? "consent" : prefix.substring(0, prefix.length() - 1), "须明确同意共享（audience、fields）", "Explicit consent to share (audience, fields) is required");
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) map;
        for (String field : body.keySet()) {
            if (!BODY.contains(field)) {
                checks.add(prefix + field, "不认识的字段 " + field, "Unknown field " + field);
            }
        }
        Audience audience = DemandFields.oneOf(checks, prefix + "audience", body.get("audience"), Audience.class, "共享范围", "The audience");
        Set<SharedField> fields = DemandFields.sharedFields(checks, prefix + "fields", body.get("fields"));
        Set<String> chosen = new TreeSet<>();
        Object rawInstitutions = body.get("institutions");
        if (audience == Audience.CHOSEN) {
            if (!(rawInstitutions instanceof List<?> list) || list.isEmpty()) {
                checks.add(prefix + "institutions", "指定金融机构时须至少选择一家", "Choose at least one institution");
            } else {
                for (Object id : list) {
                    String unitId = id == null ? "" : id.toString();
                    if (institutions.find(unitId).filter(Institution::active).isEmpty()) {
                        checks.add(prefix + "institutions", "金融机构 " + unitId + " 不存在或已停用", "Institution " + unitId + " does not exist or is retired");
                    } else {
                        chosen.add(unitId);
                    }
                }
            }
        } else if (rawInstitutions != null && !(rawInstitutions instanceof List<?> l && l.isEmpty())) {
            checks.add(prefix + "institutions", "共享给全部金融机构时不能再指定机构", "Institutions are chosen only with audience CHOSEN");
        }
        return audience == null || fields == null ? null : new ConsentTerms(audience, fields, chosen);
    }

    @Transactional
    void give(CaseRecord caseRecord, ConsentTerms terms) {
        Consent consent = consents.findById(caseRecord.getId()).orElse(null);
        boolean first = consent == null;
        String action = first ? "GIVE" : "CHANGE";
        if (first) {
            consent = new Consent(caseRecord.getId());
        }
        String actor = timeline.currentActor();
        consent.give(terms.audience(), terms.fields(), terms.institutions(), actor, FinancingIntake.now());
        if (first) {
            consents.insert(consent);
        } else {
            consents.update(consent);
        }
        log.insert(new ConsentLog(caseRecord.getId(), action, consent, actor, FinancingIntake.now()));
        String with = terms.audience() == Audience.ALL ? "全部金融机构 / all institutions"
                : String.join("、", terms.institutions());
        timeline.record(caseRecord, "CONSENT_" + action, ("GIVE".equals(action) ? "企业同意共享" : "企业变更共享同意") + "：" + with
                + "，数据项 " + consent.getFields() + " / Consent " + ("GIVE".equals(action) ? "given" : "changed"));
    }

    @Transactional
    void revoke(CaseRecord caseRecord) {
        Consent consent = consents.findById(caseRecord.getId()).orElse(null);
        if (consent == null || consent.revoked()) {
            throw new ConflictException("consent", "该融资需求没有可撤回的共享同意", "This demand has no consent to revoke");
        }
        String actor = timeline.currentActor();
        consent.revoke(actor, FinancingIntake.now());
        consents.updateRevocation(consent);
        log.insert(new ConsentLog(caseRecord.getId(), "REVOKE", consent, actor, FinancingIntake.now()));
        timeline.record(caseRecord, "CONSENT_REVOKE", "企业撤回共享同意，金融机构即时不可见 / Consent revoked: hidden from institutions at once");
    }

    /** The consent now in force that shares this demand with the institution, if any. */
    java.util.Optional<Consent> sharesWith(long caseId, String institution) {
        return consents.findById(caseId).filter(c -> c.sharesWith(institution));
    }

    java.util.Optional<Consent> of(long caseId) {
        return consents.findById(caseId);
    }

    boolean present(long caseId) {
        return consents.findById(caseId).filter(c -> !c.revoked()).isPresent();
    }

    List<ConsentLog> history(long caseId) {
        return log.findByCaseIdOrderById(caseId);
    }
}
