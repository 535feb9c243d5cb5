package cn.huiqi.assistance;

import java.time.Instant;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.casefile.CaseRegistration;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.enterprise.Enterprise;
import cn.huiqi.identity.Caller;

/**
 * 无事不扰: the enterprise itself (its login or an agent acting for it) switches it on or off; every switch is logged
 * with actor and time ({@code assistance_no_visit_log}). Visit plans skip the enterprise and say so; its demands are
 * handled as any other.
 */
@Component
class NoVisitSwitch {

    record State(long enterpriseId, boolean on, Instant since, String recordedBy) {
    }

    private final CaseRegistration registration;
    private final NoVisitRepository noVisits;
    private final JdbcTemplate jdbc;

    NoVisitSwitch(CaseRegistration registration, NoVisitRepository noVisits, JdbcTemplate jdbc) {
        this.registration = registration;
        this.noVisits = noVisits;
        this.jdbc = jdbc;
    }

    @Transactional
    State set(Caller caller, Map<String, Object> body) {
        Enterprise enterprise = registration.applicantEnterprise(body.get(CaseRegistration.ENTERPRISE_ID));
        FieldChecks checks = new FieldChecks();
        for (String field : body.keySet()) {
            if (!"on".equals(field) && !CaseRegistration.ENTERPRISE_ID.equals(field)) {
                checks.add(field, "不认识的字段 " + field, "Unknown field " + field);
            }
        }
        if (!(body.get("on") instanceof Boolean)) {
            checks.add("on", "on 应为 true（申请无事不扰）或 false（取消）", "on must be true (do not visit without cause) or false");
        }
        checks.throwIfAny();
        boolean on = (Boolean) body.get("on");
        NoVisit switchedOn = new NoVisit(enterprise.getId(), Instant.now(), caller.userId());
        boolean switched = on ? noVisits.insert(switchedOn) : noVisits.deleteById(enterprise.getId());
        if (!switched) { // it was so already
            return state(enterprise);
        }
        jdbc.update("INSERT INTO assistance_no_visit_log (enterprise_id, switched_on, actor, occurred_at) VALUES (?, ?, ?, ?)",
                enterprise.getId(), on, caller.userId(), java.sql.Timestamp.from(Instant.now()));
        return state(enterprise.getId(), on ? switchedOn : null);
    }

    @Transactional(readOnly = true)
    State get(Object enterpriseId) {
        return state(registration.applicantEnterprise(enterpriseId));
    }

    private State state(Enterprise enterprise) {
        return state(enterprise.getId(), noVisits.findById(enterprise.getId()).orElse(null));
    }

    private static State state(long enterpriseId, NoVisit noVisit) {
        return noVisit == null ? new State(enterpriseId, false, null, null)
                : new State(enterpriseId, true, noVisit.getSince(), noVisit.getRecordedBy());
    }
}
