package cn.huiqi.fund;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.huiqi.common.Label;

/**
 * The money of one case, DERIVED from its entries in order (the ledger's per-case state machine):
 * <pre>
 *   NONE ──RESERVE(a)──▶ RESERVED ──COMMIT(c ≤ open)──▶ COMMITTED ──PAY──▶ PAID (final)
 *                          │  ▲ (open − c released in the same call)   │
 *   RELEASED ◀──RELEASE(rest)┘  └── RELEASE(x &lt; open): stays RESERVED   │
 *      │    ◀──────────────── RELEASE(all committed, objection upheld) ─┘
 *      └──RESERVE(a)──▶ RESERVED   (a new cycle, e.g. approved again after an upheld objection)
 * </pre>
 * {@code reserved} is the open reservation, {@code committed} the open commitment (0 once paid),
 * {@code paid} what was paid. Entries that do not fit this machine make {@link #of} throw: the ledger
 * never writes them.
 */
public record CaseFunds(long caseId, String poolId, State state, BigDecimal reservedInCycle, BigDecimal reserved,
                        BigDecimal committed, BigDecimal paid, String paymentReference, LocalDate paymentDate) {

    public enum State {
        NONE(Label.of("无资金记录", "no money")),
        RESERVED(Label.of("已预留", "reserved")),
        COMMITTED(Label.of("已核定", "committed")),
        PAID(Label.of("已拨付", "paid")),
        RELEASED(Label.of("已释放", "released"));

        private final Label label;

        State(Label label) {
            this.label = label;
        }

        public Label label() { return label; }
    }

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    public static CaseFunds of(long caseId, List<FundEntry> entries) {
        CaseFunds funds = new CaseFunds(caseId, null, State.NONE, ZERO, ZERO, ZERO, ZERO, null, null);
        for (FundEntry entry : entries) {
            funds = funds.apply(entry);
        }
        return funds;
    }

    /** The state after one more entry; an entry the machine does not allow is an IllegalStateException. */
    CaseFunds apply(FundEntry e) {
        BigDecimal a = e.getAmount();
        if (poolId != null && !poolId.equals(e.getPoolId())) {
            throw broken(e, "entry in pool " + e.getPoolId() + " for a case of pool " + poolId);
        }
        return switch (e.getKind()) {
            case RESERVE -> {
                if (state != State.NONE && state != State.RELEASED) {
                    throw broken(e, "RESERVE while " + state);
                }
                yield new CaseFunds(caseId, e.getPoolId(), State.RESERVED, a, a, ZERO, ZERO, null, null);
            }
            case RELEASE -> {
                if (e.getReleasedFrom() == FundEntry.Source.RESERVED) {
                    // RESERVED, or COMMITTED with the rest of the reservation still open (released right after the COMMIT)
                    if (reserved.signum() == 0 || a.compareTo(reserved) > 0) {
                        throw broken(e, "RELEASE of " + a + " reserved while " + state + " with " + reserved + " open");
                    }
                    BigDecimal open = reserved.subtract(a);
                    State next = open.signum() > 0 ? state : committed.signum() > 0 ? State.COMMITTED : State.RELEASED;
                    yield new CaseFunds(caseId, poolId, next, reservedInCycle, open, committed, paid, null, null);
                }
                if (state != State.COMMITTED || reserved.signum() != 0 || a.compareTo(committed) != 0) {
                    throw broken(e, "RELEASE of " + a + " committed while " + state + " with " + committed + " committed");
                }
                yield new CaseFunds(caseId, poolId, State.RELEASED, reservedInCycle, ZERO, ZERO, paid, null, null);
            }
            case COMMIT -> {
                if (state != State.RESERVED || a.compareTo(reserved) > 0) {
                    throw broken(e, "COMMIT of " + a + " while " + state + " with " + reserved + " reserved");
                }
                // the open rest (if any) follows at once as a RELEASE from RESERVED; until then it stays reserved
                yield new CaseFunds(caseId, poolId, State.COMMITTED, reservedInCycle, reserved.subtract(a), a, paid, null, null);
            }
            case PAY -> {
                if (state != State.COMMITTED || reserved.signum() != 0 || a.compareTo(committed) != 0) {
                    throw broken(e, "PAY of " + a + " while " + state + " with " + committed + " committed");
                }
                yield new CaseFunds(caseId, poolId, State.PAID, reservedInCycle, ZERO, ZERO, a,
                        e.getPaymentReference(), e.getPaymentDate());
            }
        };
    }

    private IllegalStateException broken(FundEntry e, String what) {
        return new IllegalStateException("fund ledger of case " + caseId + " is inconsistent at entry " + e.getId() + ": " + what);
    }
}
