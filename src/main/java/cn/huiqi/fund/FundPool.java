package cn.huiqi.fund;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A pool row: its cap and the running balances that make it lockable. Changed only by {@link FundLedger}
 * (balances, with the row locked) and {@link FundPoolSetup} (cap). Not the truth about money: the
 * entries are; {@link FundLedger#check()} proves the two agree. Table fund_pool, {@link FundPoolRepository}.
 */
public class FundPool {

    private String id;
    private String nameZh;
    private String nameEn;
    private BigDecimal cap;
    private BigDecimal reserved;
    private BigDecimal committed;
    private BigDecimal paid;
    private int sortOrder;
    private Instant updatedAt;

    /** A row of fund_pool. */
    FundPool(String id, String nameZh, String nameEn, BigDecimal cap, BigDecimal reserved, BigDecimal committed, BigDecimal paid,
             int sortOrder, Instant updatedAt) {
        this.id = id;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.cap = cap;
        this.reserved = reserved;
        this.committed = committed;
        this.paid = paid;
        this.sortOrder = sortOrder;
        this.updatedAt = updatedAt;
    }

    /** A new, empty pool row (cap 0.00 until {@link FundPoolSetup} writes the configured one). */
    static FundPool empty(String id, String nameZh, String nameEn, int sortOrder) {
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        return new FundPool(id, nameZh, nameEn, zero, zero, zero, zero, sortOrder, Instant.now());
    }

    /** reserved + committed + paid. */
    public BigDecimal used() {
        return reserved.add(committed).add(paid);
    }

    public BigDecimal remaining() {
        return cap.subtract(used());
    }

    boolean canTake(BigDecimal amount) {
        return used().add(amount).compareTo(cap) <= 0;
    }

    boolean capSet() {
        return cap.signum() > 0;
    }

    void add(BigDecimal reservedDelta, BigDecimal committedDelta, BigDecimal paidDelta) {
        reserved = reserved.add(reservedDelta);
        committed = committed.add(committedDelta);
        paid = paid.add(paidDelta);
        updatedAt = Instant.now();
    }

    void changeCap(BigDecimal newCap) {
        cap = newCap;
        updatedAt = Instant.now();
    }

    public String getId() { return id; }
    public String getNameZh() { return nameZh; }
    public String getNameEn() { return nameEn; }
    public BigDecimal getCap() { return cap; }
    public BigDecimal getReserved() { return reserved; }
    public BigDecimal getCommitted() { return committed; }
    public BigDecimal getPaid() { return paid; }
    public int getSortOrder() { return sortOrder; }
    public Instant getUpdatedAt() { return updatedAt; }
}
