package cn.huiqi.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.huiqi.common.Money;
import cn.huiqi.fund.SettlementRule;

/**
 * How a pool is shared among the approved rewards of one settlement when they ask for more than it
 * holds (洪府办发〔2023〕81号: "总奖励金额不超过500万元"). Pure arithmetic on exact decimals; never more than
 * the pool in total.
 * <ul>
 * <li>{@link SettlementRule#PRO_RATA} (default): every reward is scaled by pool ÷ total asked, each rounded DOWN to
 * the fen, so the total never passes the pool; the few fen left over are the stated remainder.</li>
 * <li>{@link SettlementRule#FIRST_COME_FIRST_SERVED}: by submission time (then case id), each reward in full while
 * the pool holds it; the first one it cannot hold gets what is left; later ones get nothing.</li>
 * </ul>
 * When the pool holds everything asked, every reward is granted in full, whatever the rule.
 */
public final class Allocation {

    /** One approved reward asking for its share. */
    public record Claim(long caseId, BigDecimal amount, Instant submittedAt) {
    }

    /** What one claim gets. */
    public record Share(long caseId, BigDecimal asked, BigDecimal granted) {
    }

    public record Result(SettlementRule rule, BigDecimal available, BigDecimal asked, BigDecimal granted, BigDecimal remainder,
                         boolean scaled, List<Share> shares) {
    }

    private Allocation() {
    }

    public static Result allocate(SettlementRule rule, List<Claim> claims, BigDecimal available) {
        BigDecimal pool = Money.fen(available.max(BigDecimal.ZERO));
        BigDecimal asked = Money.fen(claims.stream().map(Claim::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        List<Share> shares;
        boolean scaled = asked.compareTo(pool) > 0;
        if (!scaled) {
            shares = claims.stream().map(c -> new Share(c.caseId(), Money.fen(c.amount()), Money.fen(c.amount()))).toList();
        } else if (rule == SettlementRule.PRO_RATA) {
            shares = proRata(claims, pool, asked);
        } else {
            shares = firstComeFirstServed(claims, pool);
        }
        BigDecimal granted = shares.stream().map(Share::granted).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal remainder = scaled ? pool.subtract(granted) : BigDecimal.ZERO.setScale(Money.SCALE);
        return new Result(rule, pool, asked, Money.fen(granted), Money.fen(remainder), scaled, shares);
    }

    private static List<Share> proRata(List<Claim> claims, BigDecimal pool, BigDecimal asked) {
        List<Share> shares = new ArrayList<>();
        for (Claim claim : claims) {
            BigDecimal exact = claim.amount().multiply(pool);
            BigDecimal granted = exact.divide(asked, Money.SCALE, RoundingMode.DOWN);
            shares.add(new Share(claim.caseId(), Money.fen(claim.amount()), granted));
        }
        return shares;
    }

    private static List<Share> firstComeFirstServed(List<Claim> claims, BigDecimal pool) {
        List<Claim> ordered = new ArrayList<>(claims);
        ordered.sort(Comparator.comparing(Claim::submittedAt).thenComparing(Claim::caseId));
        BigDecimal left = pool;
        List<Share> shares = new ArrayList<>();
        for (Claim claim : ordered) {
            BigDecimal granted = Money.fen(claim.amount()).min(left);
            left = left.subtract(granted);
            shares.add(new Share(claim.caseId(), Money.fen(claim.amount()), granted));
        }
        return shares;
    }
}
