package cn.huiqi.enterprise;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface EnterpriseRepository extends JpaRepository<Enterprise, Long>,
        org.springframework.data.jpa.repository.JpaSpecificationExecutor<Enterprise> {

    Optional<Enterprise> findByUscc(String uscc);

    List<Enterprise> findByLocalityUnitIdOrderByName(String localityUnitId);
}
