package cn.huiqi.settlement;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SettlementRepository extends JpaRepository<Settlement, Long> {

    Optional<Settlement> findByProcessInstanceId(String processInstanceId);

    List<Settlement> findAllByOrderBySettledAtDesc();
}
