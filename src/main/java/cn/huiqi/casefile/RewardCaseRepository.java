package cn.huiqi.casefile;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import cn.huiqi.common.NotFoundException;

public interface RewardCaseRepository extends JpaRepository<RewardCase, Long> {

    Optional<RewardCase> findByCaseNumber(String caseNumber);

    /** The case of this number, or a bilingual 404 naming it. */
    default RewardCase getByCaseNumber(String caseNumber) {
        return findByCaseNumber(caseNumber).orElseThrow(() -> new NotFoundException("caseNumber",
                "案件 " + caseNumber + " 不存在", "Case " + caseNumber + " does not exist"));
    }

    Optional<RewardCase> findByProcessInstanceId(String processInstanceId);

    Optional<RewardCase> findByEnterpriseIdAndIdempotencyKey(Long enterpriseId, String idempotencyKey);

    Optional<RewardCase> findByMeasureAndEnterpriseIdAndSubjectKey(String measure, Long enterpriseId, String subjectKey);

    List<RewardCase> findAllByOrderBySubmittedAtDesc();

    List<RewardCase> findByEnterpriseIdOrderBySubmittedAtDesc(Long enterpriseId);

    List<RewardCase> findByLocalityUnitIdOrderBySubmittedAtDesc(String localityUnitId);

    List<RewardCase> findByMeasureInOrderBySubmittedAtDesc(List<String> measures);

    List<RewardCase> findByStatusInOrderBySubmittedAtDesc(List<CaseStatus> statuses);

    List<RewardCase> findByMeasureAndStatusOrderBySubmittedAtAsc(String measure, CaseStatus status);
}
