package cn.huiqi.project;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProgressReportRepository extends JpaRepository<ProgressReport, Long> {

    List<ProgressReport> findByProjectIdOrderByMonth(Long projectId);

    List<ProgressReport> findByProjectIdIn(Collection<Long> projectIds);

    Optional<ProgressReport> findByProjectIdAndMonth(Long projectId, YearMonth month);
}
