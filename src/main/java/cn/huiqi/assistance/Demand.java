package cn.huiqi.assistance;

import java.time.Instant;

/**
 * A demand (诉求) of an enterprise: the measure 7 details of one case ({@code casefile.CaseRecord}, same id). The case
 * record holds who applied, the locality, the number and the status; this row holds what the demand is about, the
 * routing result that decides who handles it, and what came of it. Written only by this module's own steps.
 */
class Demand {

    private Long caseId;
    private DemandOrigin origin;
    private DemandCategory category;
    private DemandScope scope;
    private Utility utility;
    private String title;
    private String description;
    private Long visitId;
    private String hotlineTicket;
    /** The version of DMN demand-routing that decided the unit and the limits. */
    private Integer routingVersion;
    /** The unit that handles the demand (a unit id, the locality already resolved; never "locality"). */
    private String responsibleUnit;
    private boolean coordinatedByGxj;
    private Integer acceptDays;
    private Integer handlingDays;
    private Integer extensionDays;
    private Integer revisitDays;
    /** What the enterprise's silence at the revisit counts as (a {@link Rating} name). */
    private String silenceMeans;
    /** The one transfer back has been used. */
    private boolean transferred;
    /** The one extension has been granted. */
    private boolean extended;
    /** The one reopening under supervision has been used. */
    private boolean reopened;
    /** The case id of the open demand of the same enterprise this one was merged into. */
    private Long mergedInto;
    private String declineReason;
    private ReplyOutcome replyOutcome;
    private String replyText;
    private Rating rating;
    private boolean ratingBySilence;
    private boolean reportedUpward;
    private String upwardTo;
    private String upwardRef;
    private Instant submittedAt;
    private Instant acceptedAt;
    private Instant repliedAt;
    private Instant closedAt;
    private Boolean acceptedOnTime;
    private Boolean repliedOnTime;
    /** The row's version as read or last written: {@link DemandRepository#update} writes only over that one. */
    private long version;

    Demand(long caseId, DemandOrigin origin, DemandCategory category, DemandScope scope, Utility utility, String title,
           String description, Instant submittedAt) {
        this.caseId = caseId;
        this.origin = origin;
        this.category = category;
        this.scope = scope;
        this.utility = utility;
        this.title = title;
        this.description = description;
        this.submittedAt = submittedAt;
    }

    Long getCaseId() { return caseId; }
    DemandOrigin getOrigin() { return origin; }
    DemandCategory getCategory() { return category; }
    void setCategory(DemandCategory category) { this.category = category; }
    DemandScope getScope() { return scope; }
    void setScope(DemandScope scope) { this.scope = scope; }
    Utility getUtility() { return utility; }
    void setUtility(Utility utility) { this.utility = utility; }
    String getTitle() { return title; }
    String getDescription() { return description; }
    Long getVisitId() { return visitId; }
    void setVisitId(Long visitId) { this.visitId = visitId; }
    String getHotlineTicket() { return hotlineTicket; }
    void setHotlineTicket(String hotlineTicket) { this.hotlineTicket = hotlineTicket; }
    Integer getRoutingVersion() { return routingVersion; }
    void setRoutingVersion(Integer routingVersion) { this.routingVersion = routingVersion; }
    String getResponsibleUnit() { return responsibleUnit; }
    void setResponsibleUnit(String responsibleUnit) { this.responsibleUnit = responsibleUnit; }
    boolean isCoordinatedByGxj() { return coordinatedByGxj; }
    void setCoordinatedByGxj(boolean coordinatedByGxj) { this.coordinatedByGxj = coordinatedByGxj; }
    Integer getAcceptDays() { return acceptDays; }
    void setAcceptDays(Integer acceptDays) { this.acceptDays = acceptDays; }
    Integer getHandlingDays() { return handlingDays; }
    void setHandlingDays(Integer handlingDays) { this.handlingDays = handlingDays; }
    Integer getExtensionDays() { return extensionDays; }
    void setExtensionDays(Integer extensionDays) { this.extensionDays = extensionDays; }
    Integer getRevisitDays() { return revisitDays; }
    void setRevisitDays(Integer revisitDays) { this.revisitDays = revisitDays; }
    String getSilenceMeans() { return silenceMeans; }
    void setSilenceMeans(String silenceMeans) { this.silenceMeans = silenceMeans; }
    boolean isTransferred() { return transferred; }
    void setTransferred(boolean transferred) { this.transferred = transferred; }
    boolean isExtended() { return extended; }
    void setExtended(boolean extended) { this.extended = extended; }
    boolean isReopened() { return reopened; }
    void setReopened(boolean reopened) { this.reopened = reopened; }
    Long getMergedInto() { return mergedInto; }
    void setMergedInto(Long mergedInto) { this.mergedInto = mergedInto; }
    String getDeclineReason() { return declineReason; }
    void setDeclineReason(String declineReason) { this.declineReason = declineReason; }
    ReplyOutcome getReplyOutcome() { return replyOutcome; }
    void setReplyOutcome(ReplyOutcome replyOutcome) { this.replyOutcome = replyOutcome; }
    String getReplyText() { return replyText; }
    void setReplyText(String replyText) { this.replyText = replyText; }
    Rating getRating() { return rating; }
    void setRating(Rating rating) { this.rating = rating; }
    boolean isRatingBySilence() { return ratingBySilence; }
    void setRatingBySilence(boolean ratingBySilence) { this.ratingBySilence = ratingBySilence; }
    boolean isReportedUpward() { return reportedUpward; }
    void setReportedUpward(boolean reportedUpward) { this.reportedUpward = reportedUpward; }
    String getUpwardTo() { return upwardTo; }
    void setUpwardTo(String upwardTo) { this.upwardTo = upwardTo; }
    String getUpwardRef() { return upwardRef; }
    void setUpwardRef(String upwardRef) { this.upwardRef = upwardRef; }
    Instant getSubmittedAt() { return submittedAt; }
    Instant getAcceptedAt() { return acceptedAt; }
    void setAcceptedAt(Instant acceptedAt) { this.acceptedAt = acceptedAt; }
    Instant getRepliedAt() { return repliedAt; }
    void setRepliedAt(Instant repliedAt) { this.repliedAt = repliedAt; }
    Instant getClosedAt() { return closedAt; }
    void setClosedAt(Instant closedAt) { this.closedAt = closedAt; }
    Boolean getAcceptedOnTime() { return acceptedOnTime; }
    void setAcceptedOnTime(Boolean acceptedOnTime) { this.acceptedOnTime = acceptedOnTime; }
    Boolean getRepliedOnTime() { return repliedOnTime; }
    void setRepliedOnTime(Boolean repliedOnTime) { this.repliedOnTime = repliedOnTime; }
    long getVersion() { return version; }
    void setVersion(long version) { this.version = version; }
}
