package cn.huiqi.assistance;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AssignmentRepository extends JpaRepository<Assignment, Long> {

    List<Assignment> findByCaseIdOrderByAssignedAtAscIdAsc(Long caseId);

    List<Assignment> findByCaseIdAndEndedAtIsNull(Long caseId);

    boolean existsByCaseIdAndUnitIdIn(Long caseId, java.util.Collection<String> unitIds);

    boolean existsByCaseIdAndUnitIdInAndEndedAtIsNull(Long caseId, java.util.Collection<String> unitIds);
}
