package cn.huiqi.workflow;

import java.util.Collection;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.huiqi.casefile.RewardCase;
import cn.huiqi.enterprise.EnterpriseRegister;
import cn.huiqi.identity.Groups;

/** Whether a user holds a step's role, judged against the case record of the step. */
@Component
class StepRoles {

    private final EnterpriseRegister enterprises;

    StepRoles(EnterpriseRegister enterprises) {
        this.enterprises = enterprises;
    }

    boolean holds(TaskRole role, StepSite site, String userId, Collection<String> groups) {
        if (userId == null) {
            return false;
        }
        RewardCase rewardCase = site.rewardCase();
        return switch (role.kind()) {
            case ENTERPRISE_USER -> groups.contains(Groups.ENTERPRISE);
            case APPLICANT -> rewardCase != null && groups.contains(Groups.ENTERPRISE)
                    && enterprises.actsFor(userId, rewardCase.getEnterpriseId());
            case LOCALITY, CITY_UNIT, FINANCE, GROUP -> groupOf(role, site).map(groups::contains).orElse(false);
        };
    }

    /** The one group a role stands for at this step, if it is a group (not for enterprises). */
    Optional<String> groupOf(TaskRole role, StepSite site) {
        RewardCase rewardCase = site.rewardCase();
        return Optional.ofNullable(switch (role.kind()) {
            case LOCALITY -> rewardCase == null ? null : rewardCase.getLocalityUnitId();
            case CITY_UNIT -> rewardCase == null || site.reviewUnit() == null
                    || !rewardCase.getReviewUnits().contains(site.reviewUnit()) ? null : site.reviewUnit();
            case FINANCE -> rewardCase == null ? null : rewardCase.getFinanceUnit();
            case GROUP -> role.groupId();
            case APPLICANT, ENTERPRISE_USER -> null;
        });
    }
}
