package cn.huiqi.settlement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import cn.huiqi.common.Label;

/** One case in one settlement: asked, granted, and where its payment stands. Stored by {@link SettlementLineRepository}. */
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

    private final Long id;
    private final Long settlementId;
    private final Long caseId;
    private final BigDecimal asked;
    private final BigDecimal granted;
    private Status status;
    private String paymentReference;
    private LocalDate paymentDate;
    private String failureReason;
    private String updatedBy;
    private Instant updatedAt;

    /** A stored line, as read from its row. */
    SettlementLine(Long id, Long settlementId, Long caseId, BigDecimal asked, BigDecimal granted, Status status, String paymentReference,
                   LocalDate paymentDate, String failureReason, String updatedBy, Instant updatedAt) {
        this.id = id;
        this.settlementId = settlementId;
        this.caseId = caseId;
        this.asked = asked;
        this.granted = granted;
        this.status = status;
        this.paymentReference = paymentReference;
        this.paymentDate = paymentDate;
        this.failureReason = failureReason;
        this.updatedBy = updatedBy;
        this.updatedAt = updatedAt;
    }

    /** A new line, not stored yet (its lines are inserted together, without reading their ids back). */
    SettlementLine(Long settlementId, Allocation.Share share, String actor) {
        this.id = null;
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
