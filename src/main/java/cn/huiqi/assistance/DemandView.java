package cn.huiqi.assistance;

import java.time.Instant;
import java.util.List;

import cn.huiqi.casefile.CaseView;

/**
 * {@code GET /api/assistance/demands/{caseNumber}}: the case as {@code /api/cases/{n}} shows it (status, timeline with
 * notes and additions) plus the demand's own fields with their labels and the units it was assigned to.
 */
record DemandView(CaseView caseView, Fields demand, List<AssignmentView> assignments) {

    record Fields(String origin, String originZh, String originEn, String category, String categoryZh, String categoryEn,
                  String scope, String utility, String title, String description, Long visitId, String hotlineTicket,
                  String responsibleUnit, boolean coordinatedByGxj, Integer routingVersion, Integer acceptDays,
                  Integer handlingDays, Integer extensionDays, Integer revisitDays, boolean transferred, boolean extended,
                  boolean reopened, String declineReason, String replyOutcome, String replyText, String rating,
                  boolean ratingBySilence, boolean reportedUpward, String upwardTo, Instant submittedAt, Instant acceptedAt,
                  Instant repliedAt, Instant closedAt) {

        static Fields of(Demand d) {
            return new Fields(d.getOrigin().name(), d.getOrigin().label().zh(), d.getOrigin().label().en(),
                    d.getCategory().name(), d.getCategory().label().zh(), d.getCategory().label().en(),
                    d.getScope() == null ? null : d.getScope().name(), d.getUtility() == null ? null : d.getUtility().name(),
                    d.getTitle(), d.getDescription(), d.getVisitId(), d.getHotlineTicket(), d.getResponsibleUnit(),
                    d.isCoordinatedByGxj(), d.getRoutingVersion(), d.getAcceptDays(), d.getHandlingDays(), d.getExtensionDays(),
                    d.getRevisitDays(), d.isTransferred(), d.isExtended(), d.isReopened(), d.getDeclineReason(),
                    d.getReplyOutcome() == null ? null : d.getReplyOutcome().name(), d.getReplyText(),
                    d.getRating() == null ? null : d.getRating().name(), d.isRatingBySilence(), d.isReportedUpward(),
                    d.getUpwardTo(), d.getSubmittedAt(), d.getAcceptedAt(), d.getRepliedAt(), d.getClosedAt());
        }
    }

    record AssignmentView(String unit, Instant assignedAt, Instant endedAt, String endReason) {
    }
}
