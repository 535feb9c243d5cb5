package cn.huiqi.casefile;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RewardCaseRepository extends JpaRepository<RewardCase, Long> {

    Optional<RewardCase> findByCaseNumber(String caseNumber);

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
