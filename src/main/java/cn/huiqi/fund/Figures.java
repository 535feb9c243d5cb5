package cn.huiqi.fund;

import java.math.BigDecimal;

/**
 * Reserved, committed and paid money, derived from sums of entries:
 * <pre>
 *   reserved  = Σ RESERVE − Σ COMMIT − Σ RELEASE(from reserved)
 *   committed = Σ COMMIT  − Σ PAY    − Σ RELEASE(from committed)
 *   paid      = Σ PAY
 * </pre>
 */
public record Figures(BigDecimal reserved, BigDecimal committed, BigDecimal paid) {

    public static final Figures ZERO = new Figures(z(), z(), z());

    private static BigDecimal z() {
        return BigDecimal.ZERO.setScale(2);
    }

    /** Adds the sum of one group of entries (one kind, and for RELEASE one source). */
    public Figures plus(FundEntry.Kind kind, FundEntry.Source releasedFrom, BigDecimal sum) {
        return switch (kind) {
            case RESERVE -> new Figures(reserved.add(sum), committed, paid);
            case COMMIT -> new Figures(reserved.subtract(sum), committed.add(sum), paid);
            case PAY -> new Figures(reserved, committed.subtract(sum), paid.add(sum));
            case RELEASE -> releasedFrom == FundEntry.Source.COMMITTED
                    ? new Figures(reserved, committed.subtract(sum), paid)
                    : new Figures(reserved.subtract(sum), committed, paid);
        };
    }

    public Figures plus(Figures other) {
        return new Figures(reserved.add(other.reserved), committed.add(other.committed), paid.add(other.paid));
    }

    /** reserved + committed + paid: what the invariant holds to the cap. */
    public BigDecimal used() {
        return reserved.add(committed).add(paid);
    }

    public boolean sameAs(Figures other) {
        return reserved.compareTo(other.reserved) == 0 && committed.compareTo(other.committed) == 0
                && paid.compareTo(other.paid) == 0;
    }
}
