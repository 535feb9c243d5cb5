package cn.huiqi.settlement;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SettlementLineRepository extends JpaRepository<SettlementLine, Long> {

    List<SettlementLine> findBySettlementIdOrderById(Long settlementId);

    Optional<SettlementLine> findBySettlementIdAndCaseId(Long settlementId, Long caseId);

    /** The line of a case in its latest settlement. */
    Optional<SettlementLine> findFirstByCaseIdOrderByIdDesc(Long caseId);
}
