package cn.huiqi.claim;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RewardClaimRepository extends JpaRepository<RewardClaim, Long> {

    /** The measure of the claim's case. */
    @Query("select c.measure from CaseRecord c, RewardClaim r where r.caseId = c.id and r.caseId = :claimId")
    Optional<String> measureOf(@Param("claimId") Long claimId);

    List<RewardClaim> findByDecisionKey(String decisionKey);

    List<RewardClaim> findByDecisionKeyAndDecisionVersion(String decisionKey, Integer decisionVersion);
}
