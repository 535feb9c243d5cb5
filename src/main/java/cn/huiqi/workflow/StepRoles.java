package cn.huiqi.workflow;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.enterprise.EnterpriseRegister;
import cn.huiqi.identity.Groups;

/** Whether a user holds a step's role, judged against the case record of the step. */
@Component
class StepRoles {

    private final EnterpriseRegister enterprises;
    private final List<CaseUnitOfStep> caseUnits;

    StepRoles(EnterpriseRegister enterprises, List<CaseUnitOfStep> caseUnits) {
        this.enterprises = enterprises;
        this.caseUnits = caseUnits;
    }

    boolean holds(TaskRole role, StepSite site, String userId, Collection<String> groups) {
        if (userId == null) {
            return false;
        }
        CaseRecord caseRecord = site.caseRecord();
        return switch (role.kind()) {
            case ENTERPRISE_USER -> groups.contains(Groups.ENTERPRISE);
            case APPLICANT -> caseRecord != null && caseRecord.getEnterpriseId() != null && groups.contains(Groups.ENTERPRISE)
                    && enterprises.actsFor(userId, caseRecord.getEnterpriseId());
            case LOCALITY, CITY_UNIT, FINANCE, CASE_UNIT, GROUP -> groupOf(role, site).map(groups::contains).orElse(false);
        };
    }

    /** The one group a role stands for at this step, if it is a group (not for enterprises). */
    Optional<String> groupOf(TaskRole role, StepSite site) {
        CaseRecord caseRecord = site.caseRecord();
        return Optional.ofNullable(switch (role.kind()) {
            case LOCALITY -> caseRecord == null ? null : caseRecord.getLocalityUnitId();
            case CITY_UNIT -> caseRecord == null || site.reviewUnit() == null
                    || !caseRecord.getReviewUnits().contains(site.reviewUnit()) ? null : site.reviewUnit();
            case FINANCE -> caseRecord == null ? null : caseRecord.getFinanceUnit();
            case CASE_UNIT -> caseRecord == null ? null : caseUnits.stream()
                    .map(units -> units.unitOf(caseRecord, site.activityId()).orElse(null))
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            case GROUP -> role.groupId();
            case APPLICANT, ENTERPRISE_USER -> null;
        });
    }
}
