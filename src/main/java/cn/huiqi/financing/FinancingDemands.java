package cn.huiqi.financing;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the rest of measure 8 (matchmaking events, figures) reads about financing demands. Open = PUBLISHED, TAKEN_UP
 * or COORDINATING: what an enterprise may register for a matchmaking event.
 */
@Component
@Transactional(readOnly = true)
public class FinancingDemands {

    static final Set<FinancingStatus> OPEN = EnumSet.of(FinancingStatus.PUBLISHED, FinancingStatus.TAKEN_UP,
            FinancingStatus.COORDINATING);

    private final FinancingDemandRepository demands;

    FinancingDemands(FinancingDemandRepository demands) {
        this.demands = demands;
    }

    public boolean isOpen(long caseId) {
        return demands.findById(caseId).map(d -> OPEN.contains(d.getStatus())).orElse(false);
    }

    public List<Long> openDemandsOf(long enterpriseId) {
        return demands.findByEnterpriseIdAndStatusInOrderByCaseId(enterpriseId, OPEN).stream()
                .map(FinancingDemand::getCaseId).toList();
    }

    public Optional<String> localityOf(long caseId) {
        return demands.findById(caseId).map(FinancingDemand::getLocality);
    }

    /** The demands jrb put on the next matchmaking event (coordination outcome NEXT_EVENT) that are still open. */
    public List<Long> forNextEvent() {
        return demands.findByStatusInOrderByPublishedAtDesc(OPEN).stream()
                .filter(d -> d.getCoordinationOutcome() == CoordinationOutcome.NEXT_EVENT)
                .map(FinancingDemand::getCaseId).toList();
    }
}
