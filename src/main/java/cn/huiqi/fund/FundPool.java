package cn.huiqi.fund;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A pool row: its cap and the running balances that make it lockable. Changed only by {@link FundLedger}
 * (balances, with the row locked) and {@link FundPoolSetup} (cap). Not the truth about money: the
 * entries are; {@link FundLedger#check()} proves the two agree.
 */
@Entity
@Table(name = "fund_pool")
public class FundPool {

    @Id
    private String id;
    @Column(name = "name_zh")
    private String nameZh;
    @Column(name = "name_en")
    private String nameEn;
    private BigDecimal cap;
    private BigDecimal reserved;
    private BigDecimal committed;
    private BigDecimal paid;
    @Column(name = "sort_order")
    private int sortOrder;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected FundPool() {
    }

    /** A new, empty pool row (cap 0.00 until {@link FundPoolSetup} writes the configured one). */
    static FundPool empty(String id, String nameZh, String nameEn, int sortOrder) {
        FundPool pool = new FundPool();
        pool.id = id;
        pool.nameZh = nameZh;
        pool.nameEn = nameEn;
        pool.cap = BigDecimal.ZERO.setScale(2);
        pool.reserved = BigDecimal.ZERO.setScale(2);
        pool.committed = BigDecimal.ZERO.setScale(2);
        pool.paid = BigDecimal.ZERO.setScale(2);
        pool.sortOrder = sortOrder;
        pool.updatedAt = Instant.now();
        return pool;
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
