package cn.huiqi.settlement;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface SettlementRepository extends JpaRepository<Settlement, Long> {

    Optional<Settlement> findByProcessInstanceId(String processInstanceId);

    List<Settlement> findAllByOrderBySettledAtDesc();

    Optional<Settlement> findFirstByMeasureAndStatusOrderByIdDesc(String measure, Settlement.Status status);

    Optional<Settlement> findFirstByMeasureOrderByIdDesc(String measure);

    /** The row locked until the transaction ends (SELECT … FOR UPDATE): one payment confirmation at a time per batch. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Settlement s where s.id = :id")
    Optional<Settlement> lockById(Long id);
}
