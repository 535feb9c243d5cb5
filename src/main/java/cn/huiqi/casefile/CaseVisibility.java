package cn.huiqi.casefile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.huiqi.enterprise.EnterpriseRegister;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.Groups;

/**
 * Who may read which case (default deny): administrators, policy staff and auditors all; an
 * enterprise user the cases of the enterprises it acts for ({@link EnterpriseRegister#actsFor}: its own,
 * and those whose authorisation as agent is in force); a locality its own locality's; a city bureau the cases it
 * reviews (recorded on the case when the units were assigned); the finance bureau the cases at or past disbursement.
 */
@Component
public class CaseVisibility {

    private static final Set<String> FINANCE_STATUSES = Set.of(RewardStatus.DISBURSEMENT.name(), RewardStatus.PAID.name());

    private final EnterpriseRegister register;

    public CaseVisibility(EnterpriseRegister register) {
        this.register = register;
    }

    public boolean canRead(Caller caller, CaseRecord caseRecord) {
        return canRead(caller, caseRecord, register::actsFor);
    }

    private boolean canRead(Caller caller, CaseRecord caseRecord, ActsFor actsFor) {
        if (caller.isInAny(Groups.CAMUNDA_ADMIN, Groups.POLICY_ADMIN, Groups.AUDITOR)) {
            return true;
        }
        if (caller.isIn(Groups.ENTERPRISE)) {
            return caseRecord.getEnterpriseId() != null && actsFor.test(caller.userId(), caseRecord.getEnterpriseId());
        }
        if (caller.isIn(caseRecord.getLocalityUnitId())) {
            return true;
        }
        if (caller.isIn(Groups.FINANCE_BUREAU) && FINANCE_STATUSES.contains(caseRecord.getStatus())) {
            return true;
        }
        return caseRecord.getReviewUnits().stream().anyMatch(caller::isIn);
    }

    /** The readable ones; each enterprise is asked about once (a list has many cases of few enterprises). */
    public List<CaseRecord> filter(Caller caller, List<CaseRecord> cases) {
        Map<Long, Boolean> answers = new HashMap<>();
        ActsFor once = (user, enterprise) -> answers.computeIfAbsent(enterprise, e -> register.actsFor(user, e));
        return cases.stream().filter(c -> canRead(caller, c, once)).toList();
    }

    private interface ActsFor {
        boolean test(String userId, Long enterpriseId);
    }
}
