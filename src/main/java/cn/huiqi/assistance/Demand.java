package cn.huiqi.assistance;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A demand (诉求) of an enterprise: the measure 7 details of one case ({@code casefile.CaseRecord}, same id). The case
 * record holds who applied, the locality, the number and the status; this row holds what the demand is about, the
 * routing result that decides who handles it, and what came of it. Written only by this module's own steps.
 */
@Entity
@Table(name = "assistance_demand")
class Demand {

    @Id
    @Column(name = "case_id")
    private Long caseId;
    @Enumerated(EnumType.STRING)
    private DemandOrigin origin;
    @Enumerated(EnumType.STRING)
    private DemandCategory category;
    @Enumerated(EnumType.STRING)
    private DemandScope scope;
    @Enumerated(EnumType.STRING)
    private Utility utility;
    private String title;
    private String description;
    @Column(name = "visit_id")
    private Long visitId;
    @Column(name = "hotline_ticket")
    private String hotlineTicket;
    /** The version of DMN demand-routing that decided the unit and the limits. */
    @Column(name = "routing_version")
    private Integer routingVersion;
    /** The unit that handles the demand (a unit id, the locality already resolved; never "locality"). */
    @Column(name = "responsible_unit")
    private String responsibleUnit;
    @Column(name = "coordinated_by_gxj")
    private boolean coordinatedByGxj;
    @Column(name = "accept_days")
    private Integer acceptDays;
    @Column(name = "handling_days")
    private Integer handlingDays;
    @Column(name = "extension_days")
    private Integer extensionDays;
    @Column(name = "revisit_days")
    private Integer revisitDays;
    /** What the enterprise's silence at the revisit counts as (a {@link Rating} name). */
    @Column(name = "silence_means")
    private String silenceMeans;
    /** The one transfer back has been used. */
    private boolean transferred;
    /** The one extension has been granted. */
    private boolean extended;
    /** The one reopening under supervision has been used. */
    private boolean reopened;
    /** The case id of the open demand of the same enterprise this one was merged into. */
    @Column(name = "merged_into")
    private Long mergedInto;
    @Column(name = "decline_reason")
    private String declineReason;
    @Enumerated(EnumType.STRING)
    @Column(name = "reply_outcome")
    private ReplyOutcome replyOutcome;
    @Column(name = "reply_text")
    private String replyText;
    @Enumerated(EnumType.STRING)
    private Rating rating;
    @Column(name = "rating_by_silence")
    private boolean ratingBySilence;
    @Column(name = "reported_upward")
    private boolean reportedUpward;
    @Column(name = "upward_to")
    private String upwardTo;
    @Column(name = "upward_ref")
    private String upwardRef;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "accepted_at")
    private Instant acceptedAt;
    @Column(name = "replied_at")
    private Instant repliedAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "accepted_on_time")
    private Boolean acceptedOnTime;
    @Column(name = "replied_on_time")
    private Boolean repliedOnTime;
    @Version
    private long version;

    protected Demand() {
    }

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
}
