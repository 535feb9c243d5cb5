package cn.huiqi.fund;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One movement of one case's money in its measure pool (append-only: no setters, and the repository
 * offers no update or delete; table fund_entry). See {@link FundLedger} for what each kind means.
 */
public class FundEntry {

    public enum Kind { RESERVE, RELEASE, COMMIT, PAY }

    /** Where the money of a RELEASE came from. */
    public enum Source { RESERVED, COMMITTED }

    private Long id;
    private String poolId;
    private Long caseId;
    private Kind kind;
    private BigDecimal amount;
    private Source releasedFrom;
    private String actor;
    private Instant occurredAt;
    private String note;
    private String paymentReference;
    private LocalDate paymentDate;
    private Long paidCaseId;

    /** A row of fund_entry (paid_case_id follows from kind and case). */
    FundEntry(long id, String poolId, long caseId, Kind kind, BigDecimal amount, Source releasedFrom, String actor, Instant occurredAt,
              String note, String paymentReference, LocalDate paymentDate) {
        this(poolId, caseId, kind, amount, releasedFrom, actor, note, paymentReference, paymentDate);
        this.id = id;
        this.occurredAt = occurredAt;
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

    void inserted(long newId) {
        this.id = newId;
    }

    /** Set on PAY rows only (fund_entry.paid_case_id: at most one payment per case). */
    Long paidCaseId() { return paidCaseId; }

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
