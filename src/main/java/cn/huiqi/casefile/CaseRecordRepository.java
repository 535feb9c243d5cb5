package cn.huiqi.casefile;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import cn.huiqi.common.NotFoundException;

public interface CaseRecordRepository extends JpaRepository<CaseRecord, Long> {

    Optional<CaseRecord> findByCaseNumber(String caseNumber);

    /** The case of this number, or a bilingual 404 naming it. */
    default CaseRecord getByCaseNumber(String caseNumber) {
        return findByCaseNumber(caseNumber).orElseThrow(() -> new NotFoundException("caseNumber",
                "案件 " + caseNumber + " 不存在", "Case " + caseNumber + " does not exist"));
    }

    Optional<CaseRecord> findByProcessInstanceId(String processInstanceId);

    Optional<CaseRecord> findByApplicantKeyAndIdempotencyKey(String applicantKey, String idempotencyKey);

    Optional<CaseRecord> findByMeasureAndApplicantKeyAndSubjectKey(String measure, String applicantKey, String subjectKey);

    List<CaseRecord> findByEnterpriseIdOrderBySubmittedAtDesc(Long enterpriseId);

    List<CaseRecord> findByLocalityUnitIdOrderBySubmittedAtDesc(String localityUnitId);

    List<CaseRecord> findByMeasureInOrderBySubmittedAtDesc(List<String> measures);

    List<CaseRecord> findByStatusInOrderBySubmittedAtDesc(List<String> statuses);

    List<CaseRecord> findByMeasureAndStatusOrderBySubmittedAtAsc(String measure, String status);
}
