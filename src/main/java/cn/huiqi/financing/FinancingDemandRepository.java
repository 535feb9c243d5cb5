package cn.huiqi.financing;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface FinancingDemandRepository extends JpaRepository<FinancingDemand, Long> {

    List<FinancingDemand> findByEnterpriseIdAndStatusInOrderByCaseId(long enterpriseId, Collection<FinancingStatus> statuses);

    List<FinancingDemand> findByStatusInOrderByPublishedAtDesc(Collection<FinancingStatus> statuses);

    /** The demand row locked for the rest of the transaction: take-ups of one demand queue behind each other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT d FROM FinancingDemand d WHERE d.caseId = ?1")
    Optional<FinancingDemand> lockById(long caseId);
}
