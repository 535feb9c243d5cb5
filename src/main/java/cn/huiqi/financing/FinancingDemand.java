package cn.huiqi.financing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A financing demand (融资需求) of an enterprise: the measure 8 details of one case ({@code casefile.CaseRecord}, same
 * id). The case record holds who applied, the number and the timeline; this row holds what is asked, where the demand
 * stands, the offer accepted and the loan granted. Written only by this module ({@link FinancingSteps} and the
 * enterprise's and institutions' API classes); never a process variable. Table financing_demand
 * ({@link FinancingDemandRepository}): a change is written by {@code update}, usually through {@link FinancingSteps#move}.
 */
class FinancingDemand {

    private final Long caseId;
    private final Long enterpriseId;
    private final String locality;
    /** The unit that screens the demand (the enterprise's locality, or jrb by configuration). */
    private final String screeningUnit;
    private BigDecimal amount;
    private Integer termMonths;
    private String purpose;
    private GuaranteeKind guaranteeKind;
    private Long orderCaseId;
    private String orderBuyer;
    private BigDecimal orderAmount;
    private LocalDate orderDueOn;
    private FinancingStatus status;
    private String screeningReason;
    private final Instant submittedAt;
    private Instant publishedAt;
    private Instant publicationDueAt;
    private int publications;
    private Long acceptedTakeUp;
    private BigDecimal grantedAmount;
    private LocalDate grantedOn;
    private CoordinationOutcome coordinationOutcome;
    private String coordinationReason;
    private Instant coordinatedAt;
    private Instant closedAt;
    private long version;

    FinancingDemand(long caseId, long enterpriseId, String locality, String screeningUnit, DemandTerms terms, Instant submittedAt) {
        this(caseId, enterpriseId, locality, screeningUnit, terms, FinancingStatus.SUBMITTED, null, submittedAt, null, null, 0, null,
                null, null, null, null, null, null, 0);
    }

    /** A demand as stored, every column ({@link FinancingDemandRepository}). */
    FinancingDemand(long caseId, long enterpriseId, String locality, String screeningUnit, DemandTerms terms, FinancingStatus status,
                    String screeningReason, Instant submittedAt, Instant publishedAt, Instant publicationDueAt, int publications,
                    Long acceptedTakeUp, BigDecimal grantedAmount, LocalDate grantedOn, CoordinationOutcome coordinationOutcome,
                    String coordinationReason, Instant coordinatedAt, Instant closedAt, long version) {
        this.caseId = caseId;
        this.enterpriseId = enterpriseId;
        this.locality = locality;
        this.screeningUnit = screeningUnit;
        apply(terms);
        this.status = status;
        this.screeningReason = screeningReason;
        this.submittedAt = submittedAt;
        this.publishedAt = publishedAt;
        this.publicationDueAt = publicationDueAt;
        this.publications = publications;
        this.acceptedTakeUp = acceptedTakeUp;
        this.grantedAmount = grantedAmount;
        this.grantedOn = grantedOn;
        this.coordinationOutcome = coordinationOutcome;
        this.coordinationReason = coordinationReason;
        this.coordinatedAt = coordinatedAt;
        this.closedAt = closedAt;
        this.version = version;
    }

    /** The enterprise's terms (at intake, or corrected when screening returned the demand). */
    void apply(DemandTerms terms) {
        this.amount = terms.amount();
        this.termMonths = terms.termMonths();
        this.purpose = terms.purpose();
        this.guaranteeKind = terms.guaranteeKind();
        this.orderCaseId = terms.orderCaseId();
        this.orderBuyer = terms.orderBuyer();
        this.orderAmount = terms.orderAmount();
        this.orderDueOn = terms.orderDueOn();
    }

    Long getCaseId() { return caseId; }
    Long getEnterpriseId() { return enterpriseId; }
    String getLocality() { return locality; }
    String getScreeningUnit() { return screeningUnit; }
    BigDecimal getAmount() { return amount; }
    Integer getTermMonths() { return termMonths; }
    String getPurpose() { return purpose; }
    GuaranteeKind getGuaranteeKind() { return guaranteeKind; }
    Long getOrderCaseId() { return orderCaseId; }
    String getOrderBuyer() { return orderBuyer; }
    BigDecimal getOrderAmount() { return orderAmount; }
    LocalDate getOrderDueOn() { return orderDueOn; }
    FinancingStatus getStatus() { return status; }
    void setStatus(FinancingStatus status) { this.status = status; }
    String getScreeningReason() { return screeningReason; }
    void setScreeningReason(String screeningReason) { this.screeningReason = screeningReason; }
    Instant getSubmittedAt() { return submittedAt; }
    Instant getPublishedAt() { return publishedAt; }
    Instant getPublicationDueAt() { return publicationDueAt; }
    int getPublications() { return publications; }

    void published(Instant at, Instant dueAt) {
        this.publishedAt = at;
        this.publicationDueAt = dueAt;
        this.publications++;
    }

    Long getAcceptedTakeUp() { return acceptedTakeUp; }
    void setAcceptedTakeUp(Long acceptedTakeUp) { this.acceptedTakeUp = acceptedTakeUp; }
    BigDecimal getGrantedAmount() { return grantedAmount; }
    LocalDate getGrantedOn() { return grantedOn; }

    void granted(BigDecimal amount, LocalDate on) {
        this.grantedAmount = amount;
        this.grantedOn = on;
    }

    CoordinationOutcome getCoordinationOutcome() { return coordinationOutcome; }
    String getCoordinationReason() { return coordinationReason; }
    Instant getCoordinatedAt() { return coordinatedAt; }

    void coordinated(CoordinationOutcome outcome, String reason, Instant at) {
        this.coordinationOutcome = outcome;
        this.coordinationReason = reason;
        this.coordinatedAt = at;
    }

    Instant getClosedAt() { return closedAt; }
    void setClosedAt(Instant closedAt) { this.closedAt = closedAt; }
    long getVersion() { return version; }

    /** The row took this object's changes: its version moved on by one. */
    void versionWritten() { this.version++; }
}
