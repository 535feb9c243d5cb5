package cn.huiqi.settlement;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SettlementLineRepository extends JpaRepository<SettlementLine, Long> {

    List<SettlementLine> findBySettlementIdOrderById(Long settlementId);

    /** The next lines of a settlement in one state, in the order they were allocated. */
    List<SettlementLine> findBySettlementIdAndStatusOrderById(Long settlementId, SettlementLine.Status status, Limit limit);

    boolean existsBySettlementIdAndStatus(Long settlementId, SettlementLine.Status status);

    Optional<SettlementLine> findBySettlementIdAndCaseId(Long settlementId, Long caseId);

    /** The line of a case in its latest settlement. */
    Optional<SettlementLine> findFirstByCaseIdOrderByIdDesc(Long caseId);
}
