package cn.huiqi.assistance;

import java.time.Instant;
import java.util.List;

/**
 * What the figures need of one demand: its case, locality, category, outcome, the units it was assigned to (in order)
 * and whether a step of it runs past its limit now. Read by {@link DemandFactsQuery}.
 */
record DemandFacts(long caseId, String caseNumber, String title, String status, String localityUnit,
                   DemandCategory category, Instant submittedAt, Instant acceptedAt, Boolean acceptedOnTime,
                   ReplyOutcome replyOutcome, Instant repliedAt, Boolean repliedOnTime, Rating rating,
                   boolean overdueNow, List<String> assignedUnits) {

    DemandFacts {
        assignedUnits = List.copyOf(assignedUnits);
    }

    /**
     * The unit that answers for the demand's outcome: its current or last assignment; before any assignment (awaiting
     * acceptance, declined, merged) the locality that accepts it.
     */
    String answeringUnit() {
        return assignedUnits.isEmpty() ? localityUnit : assignedUnits.get(assignedUnits.size() - 1);
    }

    /** The units the demand counts as received by: every unit it was assigned to, else its locality. */
    List<String> receivingUnits() {
        return assignedUnits.isEmpty() ? List.of(localityUnit) : assignedUnits;
    }

    DemandFacts withOverdueNow(boolean overdue) {
        return new DemandFacts(caseId, caseNumber, title, status, localityUnit, category, submittedAt, acceptedAt,
                acceptedOnTime, replyOutcome, repliedAt, repliedOnTime, rating, overdue, assignedUnits);
    }
}
