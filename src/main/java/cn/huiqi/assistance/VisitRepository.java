package cn.huiqi.assistance;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface VisitRepository extends JpaRepository<Visit, Long> {

    List<Visit> findByRecordedByUnitOrderByVisitedOnDescIdDesc(String unitId);

    List<Visit> findAllByOrderByVisitedOnDescIdDesc();

    List<Visit> findByEnterpriseIdOrderByVisitedOnDescIdDesc(Long enterpriseId);
}
