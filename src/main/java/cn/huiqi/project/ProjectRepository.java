package cn.huiqi.project;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProjectRepository extends JpaRepository<Project, Long> {

    List<Project> findAllByOrderByLocalityUnitIdAscIdAsc();

    List<Project> findByLocalityUnitIdInOrderByLocalityUnitIdAscIdAsc(Collection<String> localityUnitIds);

    List<Project> findByEnterpriseIdOrderById(Long enterpriseId);

    Optional<Project> findByEnterpriseIdAndName(Long enterpriseId, String name);
}
