package cn.huiqi.casefile;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.huiqi.enterprise.EnterpriseUserRepository;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.Groups;

/**
 * Who may read which case (default deny): administrators, policy staff and auditors all; an
 * enterprise user its own enterprise's; a locality its own locality's; a city bureau the cases it
 * reviews (recorded on the case when the units were assigned); the finance bureau the cases at or past disbursement.
 */
@Component
public class CaseVisibility {

    private static final Set<CaseStatus> FINANCE_STATUSES = EnumSet.of(CaseStatus.DISBURSEMENT, CaseStatus.PAID);

    private final EnterpriseUserRepository enterpriseUsers;
    public CaseVisibility(EnterpriseUserRepository enterpriseUsers) {
        this.enterpriseUsers = enterpriseUsers;
    }

    public boolean canRead(Caller caller, RewardCase rewardCase) {
        if (caller.isInAny(Groups.CAMUNDA_ADMIN, Groups.POLICY_ADMIN, Groups.AUDITOR)) {
            return true;
        }
        if (caller.isIn(Groups.ENTERPRISE)) {
            return enterpriseUsers.findById(caller.userId())
                    .map(binding -> binding.getEnterpriseId().equals(rewardCase.getEnterpriseId()))
                    .orElse(false);
        }
        if (caller.isIn(rewardCase.getLocalityUnitId())) {
            return true;
        }
        if (caller.isIn(Groups.FINANCE_BUREAU) && FINANCE_STATUSES.contains(rewardCase.getStatus())) {
            return true;
        }
        return rewardCase.getReviewUnits().stream().anyMatch(caller::isIn);
    }

    public List<RewardCase> filter(Caller caller, List<RewardCase> cases) {
        return cases.stream().filter(c -> canRead(caller, c)).toList();
    }
}
