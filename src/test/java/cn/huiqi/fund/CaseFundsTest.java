package cn.huiqi.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import cn.huiqi.catalogue.DeclaredMeasures;
import cn.huiqi.catalogue.PolicyDocuments;

import cn.huiqi.fund.CaseFunds.State;
import cn.huiqi.fund.FundEntry.Kind;
import cn.huiqi.fund.FundEntry.Source;

/** The per-case state machine and the balance derivation, on entries alone (no database). */
class CaseFundsTest {

    private static BigDecimal m(String amount) {
        return new BigDecimal(amount);
    }

    private static FundEntry reserve(String a) { return FundEntry.reserve("M1", 7, m(a), "gxj", null); }
    private static FundEntry release(String a) { return FundEntry.release("M1", 7, m(a), Source.RESERVED, "gxj", "r"); }
    private static FundEntry releaseCommitted(String a) { return FundEntry.release("M1", 7, m(a), Source.COMMITTED, "gxj", "r"); }
    private static FundEntry commit(String a) { return FundEntry.commit("M1", 7, m(a), "gxj", null); }
    private static FundEntry pay(String a, String ref) { return FundEntry.pay("M1", 7, m(a), ref, LocalDate.of(2023, 11, 8), "czj", null); }

    @Test
    void commitLessThanReservedWithTheRestReleasedLeavesTheCaseCommitted() {
        CaseFunds funds = CaseFunds.of(7, List.of(reserve("100000.00"), commit("83333.33"), release("16666.67")));
        assertThat(funds.state()).isEqualTo(State.COMMITTED);
        assertThat(funds.reserved()).isEqualByComparingTo("0");
        assertThat(funds.committed()).isEqualByComparingTo("83333.33");
        assertThat(funds.poolId()).isEqualTo("M1");
    }

    @Test
    void paidTakesTheWholeCommitmentAndIsFinal() {
        CaseFunds funds = CaseFunds.of(7, List.of(reserve("50000.00"), commit("50000.00"), pay("50000.00", "CZ-1")));
        assertThat(funds.state()).isEqualTo(State.PAID);
        assertThat(funds.paid()).isEqualByComparingTo("50000.00");
        assertThat(funds.committed()).isEqualByComparingTo("0");
        assertThat(funds.paymentReference()).isEqualTo("CZ-1");
        assertThatThrownBy(() -> funds.apply(pay("50000.00", "CZ-2"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> funds.apply(reserve("1.00"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> funds.apply(releaseCommitted("50000.00"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void partialReleasesStayReservedUntilNothingIsLeft() {
        CaseFunds funds = CaseFunds.of(7, List.of(reserve("100.00"), release("40.00")));
        assertThat(funds.state()).isEqualTo(State.RESERVED);
        assertThat(funds.reserved()).isEqualByComparingTo("60.00");
        CaseFunds released = funds.apply(release("60.00"));
        assertThat(released.state()).isEqualTo(State.RELEASED);
        // double release, release beyond the reservation
        assertThatThrownBy(() -> released.apply(release("0.01"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> funds.apply(release("60.01"))).isInstanceOf(IllegalStateException.class);
        // a new cycle after release
        assertThat(released.apply(reserve("80.00")).state()).isEqualTo(State.RESERVED);
    }

    @Test
    void noCommitWithoutReservationNoPayWithoutCommitmentNoPayBeyondIt() {
        assertThatThrownBy(() -> CaseFunds.of(7, List.of(commit("1.00")))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CaseFunds.of(7, List.of(reserve("10.00"), commit("10.01")))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CaseFunds.of(7, List.of(reserve("10.00"), pay("10.00", "X")))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CaseFunds.of(7, List.of(reserve("10.00"), commit("10.00"), pay("10.01", "X"))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CaseFunds.of(7, List.of(reserve("10.00"), reserve("10.00")))).isInstanceOf(IllegalStateException.class);
        // a commit whose remainder has not been released yet cannot be paid
        assertThatThrownBy(() -> CaseFunds.of(7, List.of(reserve("10.00"), commit("8.00"), pay("8.00", "X"))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void releaseAfterCommitOnlyAsCancellationOfTheWholeCommitment() {
        List<FundEntry> committed = List.of(reserve("10.00"), commit("10.00"));
        assertThatThrownBy(() -> CaseFunds.of(7, append(committed, release("10.00")))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CaseFunds.of(7, append(committed, releaseCommitted("5.00")))).isInstanceOf(IllegalStateException.class);
        CaseFunds cancelled = CaseFunds.of(7, append(committed, releaseCommitted("10.00")));
        assertThat(cancelled.state()).isEqualTo(State.RELEASED);
        assertThat(cancelled.committed()).isEqualByComparingTo("0");
    }

    @Test
    void entriesOfAnotherPoolBreakTheCase() {
        assertThatThrownBy(() -> CaseFunds.of(7, List.of(reserve("10.00"), FundEntry.commit("M2", 7, m("10.00"), "x", null))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void poolFiguresAreDerivedFromSumsOfEntriesAndPackageIsTheSumOfTheMeasurePools() {
        List<Object[]> sums = List.of(
                new Object[] {"M1", Kind.RESERVE, null, m("500.00")},
                new Object[] {"M1", Kind.RELEASE, Source.RESERVED, m("70.00")},
                new Object[] {"M1", Kind.COMMIT, null, m("300.00")},
                new Object[] {"M1", Kind.RELEASE, Source.COMMITTED, m("50.00")},
                new Object[] {"M1", Kind.PAY, null, m("200.00")},
                new Object[] {"M2", Kind.RESERVE, null, m("10.00")});
        Map<String, Figures> figures = FundFigures.derive(pools(new FundProperties()).all(), sums);
        Figures m1 = figures.get("M1");
        assertThat(m1.reserved()).isEqualByComparingTo("130.00");  // 500 - 70 - 300
        assertThat(m1.committed()).isEqualByComparingTo("50.00");  // 300 - 50 - 200
        assertThat(m1.paid()).isEqualByComparingTo("200.00");
        assertThat(m1.used()).isEqualByComparingTo("380.00");
        assertThat(figures.get("M2").reserved()).isEqualByComparingTo("10.00");
        assertThat(figures.get("PACKAGE").sameAs(m1.plus(figures.get("M2")))).isTrue();
        assertThat(figures.get("M3").used()).isEqualByComparingTo("0"); // a pool without entries
        assertThat(figures).containsOnlyKeys("PACKAGE", "M1", "M2", "M3", "M5", "M6");
    }

    @Test
    void settingsDefaultToThePolicyAndRefuseNonsense() {
        FundProperties properties = new FundProperties();
        FundPools pools = pools(properties);
        assertThat(pools.all()).containsExactly("PACKAGE", "M1", "M2", "M3", "M5", "M6"); // the paying measures of the catalogue
        assertThat(pools.capOf("PACKAGE")).isEqualByComparingTo("100000000.00"); // the policy document's fund
        assertThat(pools.capOf("M1")).isEqualByComparingTo("5000000.00"); // measure 1's declaration
        assertThat(pools.capOf("M2")).isEqualByComparingTo("0.00");
        assertThat(pools.ruleOf("M1")).isEqualTo(SettlementRule.PRO_RATA);
        assertThat(pools.problems()).isEmpty();

        properties.getCaps().put("m3", m("2000000.00")); // as an environment variable delivers it
        properties.getRules().put("M3", SettlementRule.FIRST_COME_FIRST_SERVED);
        properties.setPackageCap(m("90000000.00"));
        assertThat(pools.capOf("M3")).isEqualByComparingTo("2000000.00");
        assertThat(pools.ruleOf("M3")).isEqualTo(SettlementRule.FIRST_COME_FIRST_SERVED);
        assertThat(pools.capOf("PACKAGE")).isEqualByComparingTo("90000000.00");

        properties.getCaps().put("M10", m("1.00"));
        properties.getCaps().put("M2", m("-1.00"));
        properties.getCaps().put("M5", m("1.001"));
        properties.getCaps().put("M4", m("1.00")); // measure 4 pays nothing: no pool
        assertThat(pools.problems()).hasSize(4);
        assertThat(pools.problems().get(0)).startsWith("huiqi.fund.caps.M10: unknown measure pool")
                .contains("known pools: M1, M2, M3, M5, M6");
    }

    @Test
    void anUnknownPoolKeyStopsTheStartNamingTheKnownPools() {
        FundProperties properties = new FundProperties();
        properties.getRules().put("M7", SettlementRule.PRO_RATA);
        FundPoolSetup setup = new FundPoolSetup(pools(properties), DeclaredMeasures.catalogue(), null, null, null);
        assertThatThrownBy(setup::afterSingletonsInstantiated).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("huiqi.fund.rules.M7: unknown measure pool (known pools: M1, M2, M3, M5, M6)");
    }

    private static FundPools pools(FundProperties properties) {
        PolicyDocuments policies = Mockito.mock(PolicyDocuments.class);
        Mockito.when(policies.fundTotal(PolicyDocuments.NANCHANG_2023_81)).thenReturn(m("100000000.00"));
        return new FundPools(DeclaredMeasures.catalogue(), properties, policies);
    }

    private static List<FundEntry> append(List<FundEntry> entries, FundEntry entry) {
        List<FundEntry> all = new ArrayList<>(entries);
        all.add(entry);
        return all;
    }
}
