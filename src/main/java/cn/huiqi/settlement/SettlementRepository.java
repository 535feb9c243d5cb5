package cn.huiqi.settlement;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface SettlementRepository extends JpaRepository<Settlement, Long> {

    Optional<Settlement> findByProcessInstanceId(String processInstanceId);

    List<Settlement> findAllByOrderBySettledAtDesc();

    /** A page of settlements, optionally of one measure and/or in one status (GET /api/settlements). */
    @Query("select s from Settlement s where (:measure is null or s.measure = :measure) and (:status is null or s.status = :status)")
    Page<Settlement> page(String measure, Settlement.Status status, Pageable pageable);

    Optional<Settlement> findFirstByMeasureAndStatusOrderByIdDesc(String measure, Settlement.Status status);

    Optional<Settlement> findFirstByMeasureOrderByIdDesc(String measure);

    /** The row locked until the transaction ends (SELECT … FOR UPDATE): one payment confirmation at a time per batch. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Settlement s where s.id = :id")
    Optional<Settlement> lockById(Long id);
}
