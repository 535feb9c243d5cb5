package cn.huiqi.fund;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.hibernate.annotations.Immutable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One movement of one case's money in its measure pool (append-only: no setters, {@link Immutable},
 * and the repository offers no update or delete). See {@link FundLedger} for what each kind means.
 */
@Entity
@Immutable
@Table(name = "fund_entry")
public class FundEntry {

    public enum Kind { RESERVE, RELEASE, COMMIT, PAY }

    /** Where the money of a RELEASE came from. */
    public enum Source { RESERVED, COMMITTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "pool_id")
    private String poolId;
    @Column(name = "case_id")
    private Long caseId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private BigDecimal amount;
    @Enumerated(EnumType.STRING)
    @Column(name = "released_from")
    private Source releasedFrom;
    private String actor;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    private String note;
    @Column(name = "payment_reference")
    private String paymentReference;
    @Column(name = "payment_date")
    private LocalDate paymentDate;
    @Column(name = "paid_case_id")
    private Long paidCaseId;

    protected FundEntry() {
    }

    private FundEntry(String poolId, long caseId, Kind kind, BigDecimal amount, Source releasedFrom, String actor,
                      String note, String paymentReference, LocalDate paymentDate) {
        this.poolId = poolId;
        this.caseId = caseId;
        this.kind = kind;
        this.amount = amount;
        this.releasedFrom = releasedFrom;
        this.actor = actor;
        this.occurredAt = Instant.now();
        this.note = note;
        this.paymentReference = paymentReference;
        this.paymentDate = paymentDate;
        this.paidCaseId = kind == Kind.PAY ? caseId : null;
    }

    static FundEntry reserve(String poolId, long caseId, BigDecimal amount, String actor, String note) {
        return new FundEntry(poolId, caseId, Kind.RESERVE, amount, null, actor, note, null, null);
    }

    static FundEntry release(String poolId, long caseId, BigDecimal amount, Source from, String actor, String note) {
        return new FundEntry(poolId, caseId, Kind.RELEASE, amount, from, actor, note, null, null);
    }

    static FundEntry commit(String poolId, long caseId, BigDecimal amount, String actor, String note) {
        return new FundEntry(poolId, caseId, Kind.COMMIT, amount, null, actor, note, null, null);
    }

    static FundEntry pay(String poolId, long caseId, BigDecimal amount, String reference, LocalDate date, String actor,
                         String note) {
        return new FundEntry(poolId, caseId, Kind.PAY, amount, null, actor, note, reference, date);
    }

    public Long getId() { return id; }
    public String getPoolId() { return poolId; }
    public Long getCaseId() { return caseId; }
    public Kind getKind() { return kind; }
    public BigDecimal getAmount() { return amount; }
    public Source getReleasedFrom() { return releasedFrom; }
    public String getActor() { return actor; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getNote() { return note; }
    public String getPaymentReference() { return paymentReference; }
    public LocalDate getPaymentDate() { return paymentDate; }
}
