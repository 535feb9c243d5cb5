package cn.huiqi.financing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A financing demand (融资需求) of an enterprise: the measure 8 details of one case ({@code casefile.CaseRecord}, same
 * id). The case record holds who applied, the number and the timeline; this row holds what is asked, where the demand
 * stands, the offer accepted and the loan granted. Written only by this module ({@link FinancingSteps} and the
 * enterprise's and institutions' API classes); never a process variable.
 */
@Entity
@Table(name = "financing_demand")
class FinancingDemand {

    @Id
    @Column(name = "case_id")
    private Long caseId;
    @Column(name = "enterprise_id")
    private Long enterpriseId;
    private String locality;
    /** The unit that screens the demand (the enterprise's locality, or jrb by configuration). */
    @Column(name = "screening_unit")
    private String screeningUnit;
    private BigDecimal amount;
    @Column(name = "term_months")
    private Integer termMonths;
    private String purpose;
    @Enumerated(EnumType.STRING)
    @Column(name = "guarantee_kind")
    private GuaranteeKind guaranteeKind;
    @Column(name = "order_case_id")
    private Long orderCaseId;
    @Column(name = "order_buyer")
    private String orderBuyer;
    @Column(name = "order_amount")
    private BigDecimal orderAmount;
    @Column(name = "order_due_on")
    private LocalDate orderDueOn;
    @Enumerated(EnumType.STRING)
    private FinancingStatus status;
    @Column(name = "screening_reason")
    private String screeningReason;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "published_at")
    private Instant publishedAt;
    @Column(name = "publication_due_at")
    private Instant publicationDueAt;
    private int publications;
    @Column(name = "accepted_take_up")
    private Long acceptedTakeUp;
    @Column(name = "granted_amount")
    private BigDecimal grantedAmount;
    @Column(name = "granted_on")
    private LocalDate grantedOn;
    @Enumerated(EnumType.STRING)
    @Column(name = "coordination_outcome")
    private CoordinationOutcome coordinationOutcome;
    @Column(name = "coordination_reason")
    private String coordinationReason;
    @Column(name = "coordinated_at")
    private Instant coordinatedAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Version
    private long version;

    protected FinancingDemand() {
    }

    FinancingDemand(long caseId, long enterpriseId, String locality, String screeningUnit, DemandTerms terms, Instant submittedAt) {
        this.caseId = caseId;
        this.enterpriseId = enterpriseId;
        this.locality = locality;
        this.screeningUnit = screeningUnit;
        this.status = FinancingStatus.SUBMITTED;
        this.submittedAt = submittedAt;
        apply(terms);
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
}
