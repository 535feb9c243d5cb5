package cn.huiqi.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

import cn.huiqi.common.InvalidInputException;
import cn.huiqi.common.NotFoundException;
import cn.huiqi.fund.CaseFunds.State;
import cn.huiqi.fund.FundEntry.Kind;
import cn.huiqi.fund.Reservation.Outcome;

/** The ledger's state machine, caps and idempotency through {@link FundLedger} on H2. */
class FundLedgerTest extends FundH2TestBase {

    private static final LocalDate PAID_ON = LocalDate.of(2023, 11, 8);

    @AfterEach
    void ledgerStaysConsistent() {
        assertThat(figures.check()).allSatisfy(check -> {
            assertThat(check.consistent()).as("stored = derived for " + check.poolId()).isTrue();
            assertThat(check.withinCap()).as("within cap: " + check.poolId()).isTrue();
        });
    }

    @Test
    void commitLessThanReservedReleasesTheRestAndBalancesFollowTheEntries() {
        long c = newCase("M1", HONGDU);
        Reservation reservation = ledger.reserve("M1", c, m("100000.00"), "gxj-reviewer");
        assertThat(reservation.outcome()).isEqualTo(Outcome.RESERVED);
        assertThat(reservation.repeated()).isFalse();
        assertThat(ledger.balance("M1").reserved()).isEqualByComparingTo("100000.00");
        assertThat(ledger.balance("PACKAGE").reserved()).isEqualByComparingTo("100000.00");

        Commitment commitment = ledger.commit(c, m("71428.57"), "gxj-reviewer");
        assertThat(commitment.committed()).isEqualByComparingTo("71428.57");
        assertThat(commitment.released()).isEqualByComparingTo("28571.43");
        assertThat(commitment.funds().state()).isEqualTo(State.COMMITTED);
        assertThat(ledger.entriesOf(c)).extracting(FundEntry::getKind).containsExactly(Kind.RESERVE, Kind.COMMIT, Kind.RELEASE);
        assertThat(ledger.entriesOf(c)).extracting(FundEntry::getActor).containsOnly("gxj-reviewer");

        PoolBalance m1 = ledger.balance("M1");
        assertThat(m1.reserved()).isEqualByComparingTo("0.00");
        assertThat(m1.committed()).isEqualByComparingTo("71428.57");
        assertThat(m1.remaining()).isEqualByComparingTo("4928571.43");
        assertThat(ledger.balance("PACKAGE").remaining()).isEqualByComparingTo("99928571.43");

        // the same commitment again (a settlement resumed after a restart) writes nothing
        assertThat(ledger.commit(c, m("71428.57"), "system").repeated()).isTrue();
        assertThatThrownBy(() -> ledger.commit(c, m("71428.58"), "system")).isInstanceOf(LedgerConflictException.class);
        assertThat(ledger.entriesOf(c)).hasSize(3);
    }

    @Test
    void payingTwiceWithTheSameReferencePaysOnceAndAnotherReferenceIsRefused() {
        long c = newCase("M1", HONGDU);
        ledger.reserve("M1", c, m("50000.00"), "gxj-reviewer");
        ledger.commit(c, m("50000.00"), "system");
        Payment first = ledger.pay(c, "CZ-2023-1108", PAID_ON, "czj-finance");
        Payment again = ledger.pay(c, "CZ-2023-1108", PAID_ON, "czj-finance");
        assertThat(first.repeated()).isFalse();
        assertThat(first.amount()).isEqualByComparingTo("50000.00");
        assertThat(again.repeated()).isTrue();
        assertThat(again.amount()).isEqualByComparingTo("50000.00");
        assertThatThrownBy(() -> ledger.pay(c, "CZ-2023-9999", PAID_ON, "czj-finance"))
                .isInstanceOf(LedgerConflictException.class)
                .satisfies(e -> assertThat(((LedgerConflictException) e).problem().zh()).contains("已按支付凭证 CZ-2023-1108 拨付"));
        assertThat(ledger.entriesOf(c)).filteredOn(e -> e.getKind() == Kind.PAY).hasSize(1);
        assertThat(ledger.balance("M1").paid()).isEqualByComparingTo("50000.00");
        assertThat(ledger.balance("M1").committed()).isEqualByComparingTo("0.00");
        assertThat(ledger.ofCase(c).state()).isEqualTo(State.PAID);
        // nothing after payment
        assertThatThrownBy(() -> ledger.cancelCommitment(c, "异议成立", "gxj-reviewer")).isInstanceOf(LedgerConflictException.class);
        assertThatThrownBy(() -> ledger.releaseReservation(c, "驳回", "gxj-reviewer")).isInstanceOf(LedgerConflictException.class);
        assertThatThrownBy(() -> ledger.reserve("M1", c, m("50000.00"), "gxj-reviewer")).isInstanceOf(LedgerConflictException.class);
    }

    @Test
    void refusalsOfTheStateMachineWriteNothing() {
        long c = newCase("M1", HONGDU);
        assertThatThrownBy(() -> ledger.commit(c, m("1.00"), "system")).isInstanceOf(LedgerConflictException.class);
        assertThatThrownBy(() -> ledger.pay(c, "CZ-1", PAID_ON, "czj-finance")).isInstanceOf(LedgerConflictException.class);
        assertThatThrownBy(() -> ledger.release(c, m("1.00"), "驳回", "gxj-reviewer")).isInstanceOf(LedgerConflictException.class);

        ledger.reserve("M1", c, m("100000.00"), "gxj-reviewer");
        assertThatThrownBy(() -> ledger.pay(c, "CZ-1", PAID_ON, "czj-finance")).isInstanceOf(LedgerConflictException.class);
        assertThatThrownBy(() -> ledger.commit(c, m("100000.01"), "system")).isInstanceOf(LedgerConflictException.class);
        assertThatThrownBy(() -> ledger.release(c, m("100000.01"), "驳回", "gxj-reviewer")).isInstanceOf(LedgerConflictException.class);
        assertThatThrownBy(() -> ledger.reserve("M1", c, m("90000.00"), "gxj-reviewer")).isInstanceOf(LedgerConflictException.class);

        ledger.commit(c, m("100000.00"), "system");
        // release after commit is refused (an upheld objection after settlement is cancelCommitment)
        assertThatThrownBy(() -> ledger.release(c, m("1.00"), "异议成立", "gxj-reviewer"))
                .isInstanceOf(LedgerConflictException.class)
                .satisfies(e -> assertThat(((LedgerConflictException) e).problem().en()).contains("nothing is reserved"));
        assertThat(ledger.entriesOf(c)).extracting(FundEntry::getKind).containsExactly(Kind.RESERVE, Kind.COMMIT);
    }

    @Test
    void doubleReleaseIsRefusedAndAReleasedCaseCanBeReservedAgain() {
        long c = newCase("M1", HONGDU);
        ledger.reserve("M1", c, m("100000.00"), "gxj-reviewer");
        CaseFunds partly = ledger.release(c, m("30000.00"), "核减 reduced", "gxj-reviewer");
        assertThat(partly.state()).isEqualTo(State.RESERVED);
        assertThat(partly.reserved()).isEqualByComparingTo("70000.00");
        CaseFunds released = ledger.releaseReservation(c, "驳回 rejected", "gxj-reviewer");
        assertThat(released.state()).isEqualTo(State.RELEASED);
        assertThatThrownBy(() -> ledger.releaseReservation(c, "驳回 rejected", "gxj-reviewer")).isInstanceOf(LedgerConflictException.class);
        assertThat(ledger.balance("M1").reserved()).isEqualByComparingTo("0.00");

        // approved again after an upheld objection: a new cycle
        assertThat(ledger.reserve("M1", c, m("100000.00"), "swj-reviewer").isReserved()).isTrue();
        assertThat(ledger.balance("M1").reserved()).isEqualByComparingTo("100000.00");
    }

    @Test
    void reservingTwiceForOneCaseDoesNotDouble() {
        long c = newCase("M1", HONGDU);
        Reservation first = ledger.reserve("M1", c, m("100000.00"), "gxj-reviewer");
        Reservation second = ledger.reserve("M1", c, m("100000.00"), "gxj-reviewer");
        assertThat(first.isReserved()).isTrue();
        assertThat(second.isReserved()).isTrue();
        assertThat(second.repeated()).isTrue();
        assertThat(ledger.entriesOf(c)).hasSize(1);
        assertThat(ledger.balance("M1").reserved()).isEqualByComparingTo("100000.00");
    }

    @Test
    void aFullMeasurePoolAnswersPoolExhaustedWithWhatIsLeft() {
        assertThat(ledger.reserve("M1", newCase("M1", HONGDU), m("4950000.00"), "gxj-reviewer").isReserved()).isTrue();
        Reservation refused = ledger.reserve("M1", newCase("M1", JIXIANG), m("100000.00"), "gxj-reviewer");
        assertThat(refused.outcome()).isEqualTo(Outcome.EXHAUSTED);
        assertThat(refused.limitingPoolId()).isEqualTo("M1");
        assertThat(refused.remaining()).isEqualByComparingTo("50000.00");
        assertThat(refused.zh()).startsWith("资金池已用尽").contains("50000.00");
        assertThat(refused.en()).startsWith("pool exhausted").contains("50000.00");
        assertThat(ledger.entriesOf(refused.caseId())).isEmpty();
        // exactly what is left still fits: reserved + committed + paid may reach the cap, never pass it
        assertThat(ledger.reserve("M1", refused.caseId(), m("50000.00"), "gxj-reviewer").isReserved()).isTrue();
        assertThat(ledger.balance("M1").remaining()).isEqualByComparingTo("0.00");
    }

    @Test
    void theMeasurePoolDrawsOnThePackageFundToo() {
        assertThat(ledger.reserve("M2", newCase("M2", HONGDU), m("98500000.00"), "gxj-reviewer").isReserved()).isTrue();
        long c = newCase("M1", JIXIANG);
        Reservation refused = ledger.reserve("M1", c, m("1600000.00"), "gxj-reviewer");
        assertThat(refused.outcome()).isEqualTo(Outcome.EXHAUSTED);
        assertThat(refused.limitingPoolId()).isEqualTo("PACKAGE");
        assertThat(refused.remaining()).isEqualByComparingTo("1500000.00");
        assertThat(refused.zh()).contains("政策资金总额");
        assertThat(ledger.balance("M1").available()).isEqualByComparingTo("1500000.00");
        assertThat(ledger.balance("M1").remaining()).isEqualByComparingTo("5000000.00");

        assertThat(ledger.reserve("M1", c, m("1500000.00"), "gxj-reviewer").isReserved()).isTrue();
        assertThat(ledger.balance("PACKAGE").remaining()).isEqualByComparingTo("0.00");
        assertThat(ledger.balance("PACKAGE").reserved()).isEqualByComparingTo("100000000.00");
    }

    @Test
    void aMeasureWithoutACapTakesNothingAndSaysSo() {
        long c = newCase("M5", HONGDU);
        Reservation refused = ledger.reserve("M5", c, m("1.00"), "gxj-reviewer");
        assertThat(refused.outcome()).isEqualTo(Outcome.CAP_NOT_SET);
        assertThat(refused.limitingPoolId()).isEqualTo("M5");
        assertThat(refused.zh()).contains("额度尚未设定").contains("huiqi.fund.caps.M5");
        assertThat(refused.en()).contains("not set").contains("huiqi.fund.caps.M5");
        assertThat(ledger.entriesOf(c)).isEmpty();
        assertThat(ledger.balance("M5").capSet()).isFalse();
        // measure 4 pays nothing: it has no pool at all
        assertThatThrownBy(() -> ledger.reserve("M4", c, m("1.00"), "gxj-reviewer")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anUpheldObjectionAfterSettlementCancelsTheCommitment() {
        long c = newCase("M1", HONGDU);
        ledger.reserve("M1", c, m("200000.00"), "gxj-reviewer");
        ledger.commit(c, m("150000.00"), "system");
        CaseFunds cancelled = ledger.cancelCommitment(c, "异议成立 objection upheld", "gxj-reviewer");
        assertThat(cancelled.state()).isEqualTo(State.RELEASED);
        PoolBalance m1 = ledger.balance("M1");
        assertThat(m1.committed()).isEqualByComparingTo("0.00");
        assertThat(m1.reserved()).isEqualByComparingTo("0.00");
        assertThat(m1.remaining()).isEqualByComparingTo("5000000.00");
        assertThat(ledger.entriesOf(c)).extracting(FundEntry::getReleasedFrom)
                .containsExactly(null, null, FundEntry.Source.RESERVED, FundEntry.Source.COMMITTED);
        assertThatThrownBy(() -> ledger.cancelCommitment(c, "again", "gxj-reviewer")).isInstanceOf(LedgerConflictException.class);
        assertThatThrownBy(() -> ledger.pay(c, "CZ-1", PAID_ON, "czj-finance")).isInstanceOf(LedgerConflictException.class);
    }

    @Test
    void settlementGivingNothingReleasesEverything() {
        long c = newCase("M1", HONGDU);
        ledger.reserve("M1", c, m("200000.00"), "gxj-reviewer");
        Commitment nothing = ledger.commit(c, m("0.00"), "system");
        assertThat(nothing.committed()).isEqualByComparingTo("0.00");
        assertThat(nothing.released()).isEqualByComparingTo("200000.00");
        assertThat(nothing.funds().state()).isEqualTo(State.RELEASED);
        assertThat(ledger.entriesOf(c)).extracting(FundEntry::getKind).containsExactly(Kind.RESERVE, Kind.RELEASE);
    }

    @Test
    void inputIsCheckedBeforeAnythingIsWritten() {
        long c = newCase("M1", HONGDU);
        assertThatThrownBy(() -> ledger.reserve("M1", c, m("100.001"), "gxj-reviewer")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ledger.reserve("M1", c, m("0.00"), "gxj-reviewer")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ledger.reserve("M1", c, m("-5.00"), "gxj-reviewer")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ledger.reserve("M10", c, m("5.00"), "gxj-reviewer")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ledger.reserve("M1", c, m("5.00"), " ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ledger.reserve("M2", c, m("5.00"), "gxj-reviewer")).isInstanceOf(LedgerConflictException.class);
        assertThatThrownBy(() -> ledger.reserve("M1", 999_999_999L, m("5.00"), "gxj-reviewer")).isInstanceOf(NotFoundException.class);
        ledger.reserve("M1", c, m("5.00"), "gxj-reviewer");
        ledger.commit(c, m("5.00"), "system");
        assertThatThrownBy(() -> ledger.pay(c, "CZ-1", LocalDate.now(FundLedger.CHINA).plusDays(1), "czj-finance"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ledger.pay(c, "", PAID_ON, "czj-finance")).isInstanceOf(InvalidInputException.class);
        assertThat(ledger.entriesOf(c)).hasSize(2);
    }

    @Test
    void theDatabaseItselfRefusesAPoolAboveItsCapAndASecondPayment() {
        assertThatThrownBy(() -> jdbc.update("UPDATE fund_pool SET reserved = cap + 0.01 WHERE id = 'M1'"))
                .isInstanceOf(DataIntegrityViolationException.class);
        long c = newCase("M1", HONGDU);
        ledger.reserve("M1", c, m("10.00"), "gxj-reviewer");
        ledger.commit(c, m("10.00"), "system");
        ledger.pay(c, "CZ-1", PAID_ON, "czj-finance");
        assertThatThrownBy(() -> jdbc.update("INSERT INTO fund_entry (pool_id, case_id, kind, amount, actor, occurred_at,"
                + " payment_reference, payment_date, paid_case_id) VALUES ('M1', ?, 'PAY', 10.00, 'x', CURRENT_TIMESTAMP,"
                + " 'CZ-2', DATE '2023-11-08', ?)", c, c)).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void theCheckFindsAStoredBalanceThatDiffersFromTheEntries() {
        ledger.reserve("M1", newCase("M1", HONGDU), m("10.00"), "gxj-reviewer");
        jdbc.update("UPDATE fund_pool SET reserved = reserved + 1 WHERE id = 'M1'");
        List<PoolCheck> checks = figures.check();
        assertThat(checks).filteredOn(check -> !check.consistent()).extracting(PoolCheck::poolId).containsExactly("M1");
        jdbc.update("UPDATE fund_pool SET reserved = reserved - 1 WHERE id = 'M1'");
    }

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void aSettlementLocksItsPoolsAndReadsTheirBalancesInItsOwnTransaction() {
        long c = newCase("M1", HONGDU);
        ledger.reserve("M1", c, m("100000.00"), "gxj-reviewer");
        List<PoolBalance> locked = transactions.execute(status -> {
            ledger.lockPools("M1");
            List<PoolBalance> balances = List.of(ledger.balance("PACKAGE"), ledger.balance("M1"));
            ledger.commit(c, m("60000.00"), "system"); // same transaction, same locks
            return balances;
        });
        assertThat(locked).extracting(PoolBalance::id).containsExactly("PACKAGE", "M1");
        assertThat(locked.get(1).reserved()).isEqualByComparingTo("100000.00");
        assertThat(ledger.balance("M1").committed()).isEqualByComparingTo("60000.00");
    }

    @Test
    void theSettlementRuleComesFromTheSettings() {
        assertThat(ledger.settlementRule("M1")).isEqualTo(SettlementRule.PRO_RATA);
        assertThat(ledger.settlementRule("M2")).isEqualTo(SettlementRule.FIRST_COME_FIRST_SERVED);
        assertThat(ledger.balance("M2").cap()).isEqualByComparingTo("99000000.00");
        assertThat(ledger.balance("M2").rule()).isEqualTo(SettlementRule.FIRST_COME_FIRST_SERVED);
        assertThat(ledger.balance("PACKAGE").rule()).isNull();
    }
}
