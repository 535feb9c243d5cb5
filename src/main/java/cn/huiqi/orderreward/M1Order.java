package cn.huiqi.orderreward;

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

/**
 * One order of a measure 1 application, with its own verification. The order's facts are fixed at
 * submission (no setters); only the verification changes: recorded by the locality, changed by a city
 * reviewer, each time with who and when. {@code contract_key} is unique across all applications.
 */
@Entity
@Table(name = "m1_order")
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

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id")
    private Long caseId;
    @Column(name = "line_no")
    private int lineNo;
    private String counterparty;
    @Column(name = "contract_number")
    private String contractNumber;
    @Column(name = "contract_key")
    private String contractKey;
    @Column(name = "signing_date")
    private LocalDate signingDate;
    private BigDecimal amount;
    @Column(name = "execution_evidence")
    private String executionEvidence;
    @Enumerated(EnumType.STRING)
    private Verification verification;
    @Column(name = "verification_reason")
    private String verificationReason;
    @Column(name = "verified_by")
    private String verifiedBy;
    @Column(name = "verified_at")
    private Instant verifiedAt;

    protected M1Order() {
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

    /** The case was withdrawn: the contract may be claimed again (a NULL key is no duplicate). */
    void releaseContract() {
        this.contractKey = null;
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
