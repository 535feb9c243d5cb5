package cn.huiqi.assistance;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface VisitRepository extends JpaRepository<Visit, Long> {

    List<Visit> findByRecordedByUnitOrderByVisitedOnDescIdDesc(String unitId);

    List<Visit> findAllByOrderByVisitedOnDescIdDesc();

    List<Visit> findByEnterpriseIdOrderByVisitedOnDescIdDesc(Long enterpriseId);

    /** Each visited enterprise's last visit day: rows of (enterprise id, date). */
    @Query("select v.enterpriseId, max(v.visitedOn) from Visit v group by v.enterpriseId")
    List<Object[]> lastVisits();
}
