package cn.huiqi.fund;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.claim.RewardClaims;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.common.Money;
import cn.huiqi.common.NotFoundException;

/**
 * The fund ledger (洪府办发〔2023〕81号: 1亿元 for the package, measure 1 capped at 500万): the one place
 * where money is reserved, released, committed and paid. Every method is {@code @Transactional}
 * (propagation REQUIRED): called from a delegate or listener it joins the engine's transaction (one
 * DataSource, one transaction manager), so a process step and its money commit or roll back together.
 *
 * <h2>Pools</h2>
 * {@code PACKAGE} (the package fund) and {@code M1}..{@code M9}. Every measure pool draws on the package
 * fund too: a reservation must fit BOTH its measure pool and PACKAGE. Caps from {@link FundPools}
 * ({@code huiqi.fund.*}); a measure pool with cap 0.00 is "not yet set" and takes nothing.
 *
 * <h2>Entries and the per-case state machine</h2>
 * Entries are append-only, each with pool (the case's measure pool), case id (the reward claim's id,
 * {@code reward_claim.case_id}, which is the case's id: whatever the measure or the applicant),
 * amount (exact, &gt; 0), actor (user id or {@code "system"}), time and note. Per case (see {@link CaseFunds}):
 * <pre>
 *   NONE/RELEASED ─reserve─▶ RESERVED ─commit(c)─▶ COMMITTED ─pay─▶ PAID (final)
 *   RESERVED ─release(x)─▶ RESERVED (x &lt; open) | RELEASED (x = open)
 *   commit(c &lt; open) writes COMMIT c and RELEASE open−c (the remainder) in one call
 *   COMMITTED ─cancelCommitment─▶ RELEASED (objection upheld after settlement; not once paid)
 * </pre>
 * Refused with {@link LedgerConflictException} (409, bilingual, nothing written): commit without a
 * reservation or beyond it, release of more than is reserved or when nothing is reserved (double
 * release, release after commit), pay without a commitment, a second payment under another reference,
 * a new reservation while one is open with another amount or after commit/payment.
 *
 * <h2>Invariant and locking</h2>
 * reserved + committed + paid ≤ cap, for each measure pool and for PACKAGE (which sums all measure pools),
 * at every commit of every transaction. Each method first locks the pool rows with
 * {@code SELECT ... FOR UPDATE} in a fixed order — PACKAGE first, then the measure pool — so all ledger
 * writes are serialized by the PACKAGE row and cannot deadlock with each other; then reads the case's
 * entries with a locking read (latest committed, whatever the isolation level); decides; appends
 * entries and moves the pool rows' running balances (written at once). The database refuses an
 * overspend as well ({@code CHECK (reserved + committed + paid <= cap)} on {@code fund_pool}), and at
 * most one PAY per case ({@code UNIQUE (paid_case_id)}). {@link FundFigures#check()} proves the stored
 * running balances equal the sums of entries.
 *
 * <h2>How the processes use it</h2>
 * <ul>
 * <li>City approval: {@code reserve(measure, caseId, rewardAmount, actor)}; route on
 * {@link Reservation#outcome()}: RESERVED (also when repeated), EXHAUSTED ("资金池已用尽 / pool
 * exhausted": wait for the settlement, which may scale or give nothing), CAP_NOT_SET (policy staff
 * must set the cap).</li>
 * <li>Rejection / objection upheld before settlement: {@code releaseReservation(caseId, reason, actor)}
 * (check {@link #ofCase} first if the case may have nothing reserved).</li>
 * <li>Settlement: {@code lockPools(measure)} first (no approval can race it), {@code settlementRule(measure)}; for each approved case with its granted amount g:
 * a reserved case: {@code commit(caseId, g, actor)} (g ≤ reserved; the rest is released; g = 0 releases
 * all). Do these first: they free money. Then a case that got EXHAUSTED at approval:
 * {@code reserve(...g...)} then {@code commit(caseId, g, actor)}. The granted total fits the pool, so
 * these reservations succeed — and if not, the outcome says so and nothing is overspent.</li>
 * <li>Objection upheld after settlement (case removed from the batch): {@code cancelCommitment}.</li>
 * <li>Disbursement: {@code pay(caseId, paymentReference, date, actor)}, idempotent on (case, reference).</li>
 * </ul>
 * The actor is the user id of the step (e.g. {@code CaseTimeline.currentActor()}) or {@code "system"}.
 */
@Service
@Transactional(propagation = Propagation.REQUIRED)
public class FundLedger {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final FundPoolRepository poolRows;
    private final FundEntryRepository entries;
    private final RewardClaims claims;
    private final FundPools pools;
    private final FundFigures figures;

    FundLedger(FundPoolRepository poolRows, FundEntryRepository entries, RewardClaims claims,
               FundPools pools, FundFigures figures) {
        this.poolRows = poolRows;
        this.entries = entries;
        this.claims = claims;
        this.pools = pools;
        this.figures = figures;
    }

    /**
     * Reserves {@code amount} for the case in its measure pool (and so in PACKAGE). Idempotent per case:
     * while the case holds a reservation of this amount, a repeated call writes nothing and answers
     * RESERVED with {@code repeated = true}. A full pool is an outcome (EXHAUSTED), a cap of 0.00 too
     * (CAP_NOT_SET) — not an exception.
     *
     * @param measure the case's measure, one with a fund pool (must equal the measure of the claim's case)
     * @throws LedgerConflictException the case holds a reservation of another amount, or is committed or paid
     * @throws NotFoundException no such case
     */
    public Reservation reserve(String measure, long caseId, BigDecimal amount, String actor) {
        String poolId = measure(measure);
        BigDecimal a = positive(amount);
        String who = actor(actor);
        FundPool pkg = lock(FundPools.PACKAGE);
        FundPool pool = lock(poolId);
        String measureOfClaim = claims.measureOf(caseId).orElseThrow(() -> noCase(caseId));
        if (!poolId.equals(measureOfClaim)) {
            throw new LedgerConflictException("案件 " + caseId + " 属于措施 " + measureOfClaim + "，不能在资金池 " + poolId + " 预留",
                    "Case " + caseId + " belongs to measure " + measureOfClaim + ", not to pool " + poolId);
        }
        CaseFunds funds = lockedFunds(caseId);
        switch (funds.state()) {
            case RESERVED -> {
                if (funds.reservedInCycle().compareTo(a) == 0 && funds.reserved().compareTo(a) == 0) {
                    return Reservation.reserved(caseId, poolId, a, true);
                }
                throw new LedgerConflictException(
                        "案件 " + caseId + " 已预留 " + Money.format(funds.reserved()) + " 元，与本次 " + Money.format(a) + " 元不同；请先释放",
                        "Case " + caseId + " already holds CNY " + Money.format(funds.reserved()) + " reserved, not CNY "
                                + Money.format(a) + "; release it first");
            }
            case COMMITTED, PAID -> throw new LedgerConflictException(
                    "案件 " + caseId + " 的资金" + funds.state().label().zh() + "，不能再预留",
                    "The money of case " + caseId + " is " + funds.state().label().en() + "; it cannot be reserved again");
            default -> {
                // NONE or RELEASED: a new reservation
            }
        }
        if (!pool.capSet()) {
            return Reservation.capNotSet(caseId, poolId, a, poolId);
        }
        if (!pool.canTake(a)) {
            return Reservation.exhausted(caseId, poolId, a, poolId, pool.remaining());
        }
        if (!pkg.capSet()) {
            return Reservation.capNotSet(caseId, poolId, a, FundPools.PACKAGE);
        }
        if (!pkg.canTake(a)) {
            return Reservation.exhausted(caseId, poolId, a, FundPools.PACKAGE, pkg.remaining());
        }
        entries.save(FundEntry.reserve(poolId, caseId, a, who, "市级审核通过，预留资金 / reserved at city approval"));
        move(pkg, pool, a, zero(), zero());
        return Reservation.reserved(caseId, poolId, a, false);
    }

    /**
     * Releases part or all of the case's open reservation (rejection, objection upheld, a reduction).
     *
     * @throws LedgerConflictException nothing reserved (never reserved, already released, committed or paid),
     *                                 or more than is reserved
     */
    public CaseFunds release(long caseId, BigDecimal amount, String reason, String actor) {
        return releaseReserved(caseId, positive(amount), reason(reason), actor(actor));
    }

    /** Releases the case's whole open reservation; refused when nothing is reserved (see {@link #release}). */
    public CaseFunds releaseReservation(long caseId, String reason, String actor) {
        return releaseReserved(caseId, null, reason(reason), actor(actor));
    }

    /** amount null = all that is reserved. */
    private CaseFunds releaseReserved(long caseId, BigDecimal amount, String why, String who) {
        FundPool pkg = lock(FundPools.PACKAGE);
        CaseFunds funds = lockedFunds(caseId);
        requireOpenReservation(caseId, funds);
        BigDecimal a = amount == null ? funds.reserved() : amount;
        if (a.compareTo(funds.reserved()) > 0) {
            throw new LedgerConflictException(
                    "案件 " + caseId + " 只预留了 " + Money.format(funds.reserved()) + " 元，不能释放 " + Money.format(a) + " 元",
                    "Case " + caseId + " holds only CNY " + Money.format(funds.reserved()) + " reserved; cannot release CNY " + Money.format(a));
        }
        FundPool pool = lock(funds.poolId());
        FundEntry entry = entries.save(FundEntry.release(funds.poolId(), caseId, a, FundEntry.Source.RESERVED, who, why));
        move(pkg, pool, a.negate(), zero(), zero());
        return funds.apply(entry);
    }

    /** {@link #commit(long, BigDecimal, String, String)} with the default note. */
    public Commitment commit(long caseId, BigDecimal amount, String actor) {
        return commit(caseId, amount, null, actor);
    }

    /**
     * Settlement: commits {@code amount} (0.00 ≤ amount ≤ reserved) of the case's reservation and releases the
     * rest in the same call (the scaling remainder). 0.00 releases everything (the case got nothing: RELEASED).
     * Repeating the call for a case already committed with exactly this amount writes nothing ({@code repeated}).
     *
     * @throws LedgerConflictException no reservation, more than reserved, committed with another amount, paid
     */
    public Commitment commit(long caseId, BigDecimal amount, String note, String actor) {
        BigDecimal c = amount == null ? null : Money.parseAllowingZero(amount, "amount", "核定金额", "The committed amount");
        if (c == null) {
            throw new InvalidInputException("amount", "核定金额不能为空", "The committed amount is required");
        }
        String who = actor(actor);
        FundPool pkg = lock(FundPools.PACKAGE);
        CaseFunds funds = lockedFunds(caseId);
        if (funds.state() == CaseFunds.State.COMMITTED && funds.reserved().signum() == 0 && funds.committed().compareTo(c) == 0) {
            return new Commitment(caseId, funds.poolId(), c, zero(), true, funds);
        }
        if (funds.state() != CaseFunds.State.RESERVED) {
            throw new LedgerConflictException(
                    "案件 " + caseId + " 的资金" + funds.state().label().zh() + "，没有可核定的预留资金",
                    "The money of case " + caseId + " is " + funds.state().label().en() + "; there is no reservation to commit");
        }
        if (c.compareTo(funds.reserved()) > 0) {
            throw new LedgerConflictException(
                    "案件 " + caseId + " 只预留了 " + Money.format(funds.reserved()) + " 元，不能核定 " + Money.format(c) + " 元",
                    "Case " + caseId + " holds only CNY " + Money.format(funds.reserved()) + " reserved; cannot commit CNY " + Money.format(c));
        }
        FundPool pool = lock(funds.poolId());
        BigDecimal rest = funds.reserved().subtract(c);
        if (c.signum() > 0) {
            funds = funds.apply(entries.save(FundEntry.commit(funds.poolId(), caseId, c, who,
                    note == null || note.isBlank() ? "结算核定 / committed at settlement" : note.strip())));
            move(pkg, pool, c.negate(), c, zero());
        }
        if (rest.signum() > 0) {
            funds = funds.apply(entries.save(FundEntry.release(funds.poolId(), caseId, rest, FundEntry.Source.RESERVED, who,
                    "结算后释放余额 " + Money.format(rest) + " 元 / remainder released at settlement")));
            move(pkg, pool, rest.negate(), zero(), zero());
        }
        return new Commitment(caseId, funds.poolId(), c, Money.fen(rest), false, funds);
    }

    /**
     * Undoes a commitment that has not been paid (an objection upheld after settlement removes the case
     * from the batch): releases the whole committed amount. The case may be reserved again later.
     *
     * @throws LedgerConflictException not committed, or already paid
     */
    public CaseFunds cancelCommitment(long caseId, String reason, String actor) {
        String why = reason(reason);
        String who = actor(actor);
        FundPool pkg = lock(FundPools.PACKAGE);
        CaseFunds funds = lockedFunds(caseId);
        if (funds.state() != CaseFunds.State.COMMITTED || funds.reserved().signum() != 0) {
            throw new LedgerConflictException(
                    "案件 " + caseId + " 的资金" + funds.state().label().zh() + "，没有可撤销的核定资金",
                    "The money of case " + caseId + " is " + funds.state().label().en() + "; there is no commitment to cancel");
        }
        FundPool pool = lock(funds.poolId());
        BigDecimal c = funds.committed();
        FundEntry entry = entries.save(FundEntry.release(funds.poolId(), caseId, c, FundEntry.Source.COMMITTED, who, why));
        move(pkg, pool, zero(), c.negate(), zero());
        return funds.apply(entry);
    }

    /**
     * Disbursement: pays the case's whole commitment under {@code paymentReference}. Idempotent on (case,
     * reference): confirming the same payment again writes nothing and answers {@code repeated = true}.
     *
     * @param date the payment date, not after today (Asia/Shanghai)
     * @throws LedgerConflictException not committed, or already paid under another reference
     */
    public Payment pay(long caseId, String paymentReference, LocalDate date, String actor) {
        String reference = text(paymentReference, "paymentReference", "支付凭证号", "The payment reference", 64);
        if (date == null) {
            throw new InvalidInputException("paymentDate", "支付日期不能为空", "The payment date is required");
        }
        if (date.isAfter(LocalDate.now(CHINA))) {
            throw new InvalidInputException("paymentDate", "支付日期不能晚于今天", "The payment date cannot be in the future");
        }
        String who = actor(actor);
        FundPool pkg = lock(FundPools.PACKAGE);
        CaseFunds funds = lockedFunds(caseId);
        if (funds.state() == CaseFunds.State.PAID) {
            if (funds.paymentReference().equals(reference)) {
                return new Payment(caseId, funds.poolId(), funds.paid(), reference, funds.paymentDate(), true);
            }
            throw new LedgerConflictException(
                    "案件 " + caseId + " 已按支付凭证 " + funds.paymentReference() + " 拨付，不能再按 " + reference + " 拨付",
                    "Case " + caseId + " was already paid under reference " + funds.paymentReference()
                            + "; it cannot be paid again under " + reference);
        }
        if (funds.state() != CaseFunds.State.COMMITTED || funds.reserved().signum() != 0) {
            throw new LedgerConflictException(
                    "案件 " + caseId + " 的资金" + funds.state().label().zh() + "，尚未核定，不能拨付",
                    "The money of case " + caseId + " is " + funds.state().label().en() + ", not committed; it cannot be paid");
        }
        FundPool pool = lock(funds.poolId());
        BigDecimal c = funds.committed();
        entries.save(FundEntry.pay(funds.poolId(), caseId, c, reference, date, who,
                "拨付 / paid, " + reference + ", " + date));
        move(pkg, pool, zero(), c.negate(), c);
        return new Payment(caseId, funds.poolId(), c, reference, date, false);
    }

    /** The case's money, derived from its entries (not locking). */
    @Transactional(readOnly = true)
    public CaseFunds ofCase(long caseId) {
        return CaseFunds.of(caseId, entries.findByCaseIdOrderByIdAsc(caseId));
    }

    /** The case's entries in the order they were written. */
    @Transactional(readOnly = true)
    public List<FundEntry> entriesOf(long caseId) {
        return entries.findByCaseIdOrderByIdAsc(caseId);
    }

    /** All pools, PACKAGE first, derived from the entries. */
    @Transactional(readOnly = true)
    public List<PoolBalance> balances() {
        return figures.balances();
    }

    @Transactional(readOnly = true)
    public PoolBalance balance(String poolId) {
        return figures.balance(poolId);
    }

    /**
     * Locks PACKAGE and the measure pool (in the ledger's order) until the surrounding transaction ends.
     * Every other ledger write waits meanwhile, so what a settlement computes from the balances it reads
     * afterwards ({@link #balance}; its room to share) still holds when it commits and reserves in the same
     * transaction. (Only the locks: the balances sum the whole ledger, which a city approval does not need.) Call it FIRST in that transaction (READ COMMITTED, as the mysql profile and
     * H2 run, makes the later reads see the latest committed entries). Without it, a city approval racing
     * the settlement can take room first; the ledger still never overspends, but a reservation made by the
     * settlement may then answer EXHAUSTED.
     */
    public void lockPools(String measure) {
        String poolId = measure(measure);
        lock(FundPools.PACKAGE);
        lock(poolId);
    }

    /** The configured settlement rule of a measure (huiqi.fund.rules.Mx, default PRO_RATA). */
    public SettlementRule settlementRule(String measure) {
        return pools.ruleOf(measure(measure));
    }

    // --- inside ------------------------------------------------------------------------------------

    /** SELECT ... FOR UPDATE on the pool row: the latest committed figures (and this transaction's), held until commit. */
    private FundPool lock(String poolId) {
        return poolRows.lock(poolId).orElseThrow(() -> new IllegalStateException("fund pool " + poolId + " is missing (migration V4)"));
    }

    /**
     * The case's money, read after the PACKAGE row lock that every write takes first: writes are
     * serialized by that lock, so this read sees every committed entry. (Entries are immutable; a
     * locking read of them fails when the same transaction has already loaded them.)
     */
    private CaseFunds lockedFunds(long caseId) {
        return CaseFunds.of(caseId, entries.findByCaseIdOrderByIdAsc(caseId));
    }

    private void move(FundPool pkg, FundPool pool, BigDecimal reserved, BigDecimal committed, BigDecimal paid) {
        pool.add(reserved, committed, paid);
        pkg.add(reserved, committed, paid);
        // belt and braces: the database CHECK refuses the same
        if (pool.used().compareTo(pool.getCap()) > 0 || pkg.used().compareTo(pkg.getCap()) > 0) {
            throw new IllegalStateException("fund invariant violated: " + pool.getId() + " or PACKAGE above its cap");
        }
        poolRows.updateBalances(pool);
        poolRows.updateBalances(pkg);
    }

    private void requireOpenReservation(long caseId, CaseFunds funds) {
        if (funds.reserved().signum() == 0 || funds.state() != CaseFunds.State.RESERVED) {
            if (funds.state() == CaseFunds.State.NONE && !claims.exists(caseId)) {
                throw noCase(caseId);
            }
            throw new LedgerConflictException(
                    "案件 " + caseId + " 的资金" + funds.state().label().zh() + "，没有可释放的预留资金",
                    "The money of case " + caseId + " is " + funds.state().label().en() + "; nothing is reserved to release");
        }
    }

    private static NotFoundException noCase(long caseId) {
        return new NotFoundException("caseId", "案件 " + caseId + " 不存在", "Case " + caseId + " does not exist");
    }

    private String measure(String measure) {
        if (!pools.isMeasurePool(measure)) {
            String known = String.join(", ", pools.measures());
            throw new InvalidInputException("measure", "措施须为有资金池的措施之一：" + known, "The measure must be one with a fund pool: " + known);
        }
        return measure;
    }

    private static BigDecimal positive(BigDecimal amount) {
        if (amount == null) {
            throw new InvalidInputException("amount", "金额不能为空", "The amount is required");
        }
        return Money.parse(amount, "amount", "金额", "The amount");
    }

    private static String actor(String actor) {
        return text(actor, "actor", "经办人", "The actor", 64);
    }

    private static String reason(String reason) {
        return text(reason, "reason", "原因", "The reason", 1000);
    }

    private static String text(String value, String field, String zh, String en, int max) {
        FieldChecks checks = new FieldChecks();
        String text = checks.requiredText(field, value, zh, en, max);
        checks.throwIfAny();
        return text;
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
