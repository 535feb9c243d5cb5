package cn.huiqi.orderreward;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import cn.huiqi.common.Label;

/**
 * One order of a measure 1 application, with its own verification. The order's facts are fixed at
 * submission (no setters); only the verification changes: recorded by the locality, changed by a city
 * reviewer, each time with who and when. {@code contract_key} is unique across all applications. Table m1_order (V13).
 */
public class M1Order {

    public enum Verification {
        PENDING(Label.of("待核实", "pending")),
        ACCEPTED(Label.of("核实通过", "accepted")),
        NOT_ACCEPTED(Label.of("不予认可", "not accepted"));

        private final Label label;

        Verification(Label label) {
            this.label = label;
        }

        public Label label() { return label; }
    }

    private Long id;
    private Long caseId;
    private int lineNo;
    private String counterparty;
    private String contractNumber;
    private String contractKey;
    private LocalDate signingDate;
    private BigDecimal amount;
    private String executionEvidence;
    private Verification verification;
    private String verificationReason;
    private String verifiedBy;
    private Instant verifiedAt;

    private M1Order() {
    }

    /** A stored row. */
    static M1Order of(long id, Long caseId, int lineNo, String counterparty, String contractNumber, String contractKey,
                      LocalDate signingDate, BigDecimal amount, String executionEvidence, Verification verification,
                      String verificationReason, String verifiedBy, Instant verifiedAt) {
        M1Order order = new M1Order();
        order.id = id;
        order.caseId = caseId;
        order.lineNo = lineNo;
        order.counterparty = counterparty;
        order.contractNumber = contractNumber;
        order.contractKey = contractKey;
        order.signingDate = signingDate;
        order.amount = amount;
        order.executionEvidence = executionEvidence;
        order.verification = verification;
        order.verificationReason = verificationReason;
        order.verifiedBy = verifiedBy;
        order.verifiedAt = verifiedAt;
        return order;
    }

    M1Order(Long caseId, OrderApplication.Line line) {
        this.caseId = caseId;
        this.lineNo = line.lineNo();
        this.counterparty = line.counterparty();
        this.contractNumber = line.contractNumber();
        this.contractKey = line.contractKey();
        this.signingDate = line.signingDate();
        this.amount = line.orderAmount();
        this.executionEvidence = line.executionEvidence();
        this.verification = Verification.PENDING;
    }

    /** Inserted as {@code newId}. */
    void stored(long newId) {
        this.id = newId;
    }

    /** In memory only: {@link M1OrderRepository#saveVerification} writes it. */
    void verify(Verification result, String reason, String actor) {
        this.verification = result;
        this.verificationReason = reason;
        this.verifiedBy = actor;
        this.verifiedAt = Instant.now();
    }

    /** Counted by the reward table: every order not found unfit (at submission all, after verification the accepted). */
    boolean counts() {
        return verification != Verification.NOT_ACCEPTED;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public int getLineNo() { return lineNo; }
    public String getCounterparty() { return counterparty; }
    public String getContractNumber() { return contractNumber; }
    public String getContractKey() { return contractKey; }
    public LocalDate getSigningDate() { return signingDate; }
    public BigDecimal getAmount() { return amount; }
    public String getExecutionEvidence() { return executionEvidence; }
    public Verification getVerification() { return verification; }
    public String getVerificationReason() { return verificationReason; }
    public String getVerifiedBy() { return verifiedBy; }
    public Instant getVerifiedAt() { return verifiedAt; }
}
