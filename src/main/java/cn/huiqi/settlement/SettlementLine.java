package cn.huiqi.settlement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.huiqi.common.Label;

/** One case in one settlement: asked, granted, and where its payment stands. */
@Entity
@Table(name = "settlement_line")
public class SettlementLine {

    public enum Status {
        ALLOCATED(Label.of("核定中", "Being settled")),
        NOT_FUNDED(Label.of("未获资金", "Not funded")),
        ANNOUNCED(Label.of("公示中", "Under public notice")),
        WITHDRAWN(Label.of("因异议撤出", "Withdrawn after an objection")),
        PENDING_PAYMENT(Label.of("待支付", "Payment pending")),
        FAILED(Label.of("支付失败", "Payment failed")),
        PAID(Label.of("已支付", "Paid"));

        private final Label label;

        Status(Label label) {
            this.label = label;
        }

        public Label label() { return label; }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "settlement_id")
    private Long settlementId;
    @Column(name = "case_id")
    private Long caseId;
    private BigDecimal asked;
    private BigDecimal granted;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "payment_reference")
    private String paymentReference;
    @Column(name = "payment_date")
    private LocalDate paymentDate;
    @Column(name = "failure_reason")
    private String failureReason;
    @Column(name = "updated_by")
    private String updatedBy;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected SettlementLine() {
    }

    SettlementLine(Long settlementId, Allocation.Share share, String actor) {
        this.settlementId = settlementId;
        this.caseId = share.caseId();
        this.asked = share.asked();
        this.granted = share.granted();
        this.status = Status.ALLOCATED;
        touch(actor);
    }

    /** Its money has moved in the ledger: announced in the notice list, or not funded. */
    void settled(String actor) {
        moveTo(granted.signum() > 0 ? Status.ANNOUNCED : Status.NOT_FUNDED, actor);
    }

    void moveTo(Status newStatus, String actor) {
        this.status = newStatus;
        touch(actor);
    }

    void paid(String reference, LocalDate date, String actor) {
        this.paymentReference = reference;
        this.paymentDate = date;
        this.failureReason = null;
        moveTo(Status.PAID, actor);
    }

    void failed(String reason, String actor) {
        this.failureReason = reason;
        moveTo(Status.FAILED, actor);
    }

    private void touch(String actor) {
        this.updatedBy = actor;
        this.updatedAt = Instant.now();
    }

    public boolean awaitsPayment() {
        return status == Status.PENDING_PAYMENT || status == Status.FAILED;
    }

    public Long getId() { return id; }
    public Long getSettlementId() { return settlementId; }
    public Long getCaseId() { return caseId; }
    public BigDecimal getAsked() { return asked; }
    public BigDecimal getGranted() { return granted; }
    public Status getStatus() { return status; }
    public String getPaymentReference() { return paymentReference; }
    public LocalDate getPaymentDate() { return paymentDate; }
    public String getFailureReason() { return failureReason; }
    public String getUpdatedBy() { return updatedBy; }
    public Instant getUpdatedAt() { return updatedAt; }
}
