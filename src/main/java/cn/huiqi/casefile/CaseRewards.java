package cn.huiqi.casefile;

import java.util.Optional;

/**
 * The reward part of a case for its views, kept by the reward claims (a capability above the case core,
 * which implements this): empty for a case of a measure that pays nothing.
 */
public interface CaseRewards {

    Optional<CaseView.Reward> rewardOf(long caseId);
}
