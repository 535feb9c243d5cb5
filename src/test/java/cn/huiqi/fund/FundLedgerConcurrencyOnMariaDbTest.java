package cn.huiqi.fund;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.huiqi.casefile.Applicant;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.casefile.RewardStatus;
import cn.huiqi.claim.RewardClaims;
import cn.huiqi.enterprise.Enterprise;
import cn.huiqi.enterprise.EnterpriseRepository;
import cn.huiqi.fund.Reservation.Outcome;
import cn.huiqi.testsupport.MariaDbTestDatabase;

/**
 * No overspend, ever, under concurrency — on the real MariaDB (profile mysql, READ COMMITTED, InnoDB row
 * locks). Storms of simultaneous reservations (threads released together by a start gate) against pools
 * that can take only some of them; afterwards reserved + committed + paid ≤ cap for the measure pool and
 * PACKAGE, every request either reserved or got "pool exhausted", and the stored running balances equal
 * the sums of entries. M2 (3,000,000.00) and M3 (99,000,000.00) get caps so the package fund can bind.
 */
@ActiveProfiles("mysql")
@SpringBootTest(properties = {
        "camunda.bpm.job-execution.enabled=false",
        "huiqi.fund.caps.M2=3000000.00",
        "huiqi.fund.caps.M3=99000000.00"})
class FundLedgerConcurrencyOnMariaDbTest {

    private static final BigDecimal HUNDRED_THOUSAND = new BigDecimal("100000.00");
    private static final String[] LOCALITIES = {"donghu", "xihu", "qingshanhu", "gaoxin", "anyi"};

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        // its own database (docs/testing.md): caps of its own and whole-pool sums
        MariaDbTestDatabase.register(registry, "huiqi_fund_test");
    }

    @Autowired
    RewardClaims claims;
    @Autowired
    FundLedger ledger;
    @Autowired
    FundFigures figures;
    @Autowired
    CaseRecordRepository cases;
    @Autowired
    EnterpriseRepository enterprises;
    @Autowired
    JdbcTemplate jdbc;

    private final List<Long> enterpriseIds = new ArrayList<>();
    private static int subjects;

    @BeforeEach
    void emptyLedgerAndEnterprises() {
        jdbc.update("DELETE FROM fund_entry");
        jdbc.update("UPDATE fund_pool SET reserved = 0, committed = 0, paid = 0");
        String[] usccs = {"91360102MA35HQ1D2F", "91360103MA35HQ1D2X", "91360111MA38GK7X58", "91360100MA39AB3C10", "91360123MA37TW2P61"};
        for (int i = 0; i < LOCALITIES.length; i++) {
            String uscc = usccs[i];
            String locality = LOCALITIES[i];
            enterpriseIds.add(enterprises.findByUscc(uscc).orElseGet(() -> enterprises.save(
                    new Enterprise(uscc, "资金测试企业 " + locality, locality, "联系人", "0791-8888888", null))).getId());
        }
    }

    @AfterEach
    void theLedgerIsConsistentAndWithinEveryCap() {
        assertInvariant();
    }

    @Test
    void theDatabaseIsMariaDb() {
        assertThat(jdbc.queryForObject("SELECT VERSION()", String.class)).containsIgnoringCase("mariadb");
    }

    @Test
    void sixtyConcurrentApprovalsOfOneHundredThousandAgainstFiveMillionReserveExactlyFifty() throws Exception {
        List<Long> caseIds = newCases("M1", 60);
        List<Reservation> outcomes = storm(caseIds.size(),
                i -> () -> ledger.reserve("M1", caseIds.get(i), HUNDRED_THOUSAND, "it-gxj-" + i));

        long reserved = outcomes.stream().filter(r -> r.outcome() == Outcome.RESERVED).count();
        List<Reservation> exhausted = outcomes.stream().filter(r -> r.outcome() == Outcome.EXHAUSTED).toList();
        System.out.printf("M1 storm: %d requests, %d reserved, %d pool exhausted%n", outcomes.size(), reserved, exhausted.size());
        assertThat(outcomes).hasSize(60);
        assertThat(reserved).isEqualTo(50);
        assertThat(exhausted).hasSize(10).allSatisfy(r -> {
            assertThat(r.limitingPoolId()).isEqualTo("M1");
            assertThat(r.remaining()).isEqualByComparingTo("0.00");
            assertThat(r.zh()).startsWith("资金池已用尽");
            assertThat(r.en()).startsWith("pool exhausted");
            assertThat(ledger.entriesOf(r.caseId())).isEmpty();
        });
        assertThat(outcomes).allMatch(r -> r.outcome() == Outcome.RESERVED || r.outcome() == Outcome.EXHAUSTED);

        PoolBalance m1 = ledger.balance("M1");
        assertThat(m1.reserved()).isEqualByComparingTo("5000000.00");
        assertThat(m1.remaining()).isEqualByComparingTo("0.00");
        assertThat(ledger.balance("PACKAGE").reserved()).isEqualByComparingTo("5000000.00");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fund_entry WHERE kind = 'RESERVE' AND pool_id = 'M1'", Integer.class))
                .isEqualTo(50);
        assertThat(jdbc.queryForObject("SELECT SUM(amount) FROM fund_entry WHERE kind = 'RESERVE' AND pool_id = 'M1'", BigDecimal.class))
                .isEqualByComparingTo("5000000.00");
        assertInvariant();

        // a second storm while settlement-like releases run: 10 releases and 20 new requests at once
        List<Long> holders = outcomes.stream().filter(Reservation::isReserved).map(Reservation::caseId).limit(10).toList();
        List<Long> newcomers = newCases("M1", 20);
        List<Object> mixed = storm(30, i -> () -> i < 10
                ? ledger.releaseReservation(holders.get(i), "驳回 rejected", "it-gxj")
                : ledger.reserve("M1", newcomers.get(i - 10), HUNDRED_THOUSAND, "it-gxj"));
        long newlyReserved = mixed.stream().filter(o -> o instanceof Reservation r && r.isReserved()).count();
        long newlyExhausted = mixed.stream().filter(o -> o instanceof Reservation r && r.outcome() == Outcome.EXHAUSTED).count();
        System.out.printf("M1 mixed storm: 10 releases, 20 requests: %d reserved, %d pool exhausted%n", newlyReserved, newlyExhausted);
        assertThat(newlyReserved + newlyExhausted).isEqualTo(20);
        assertThat(newlyReserved).isBetween(0L, 10L);
        assertThat(ledger.balance("M1").reserved()).isEqualByComparingTo(
                new BigDecimal("4000000.00").add(HUNDRED_THOUSAND.multiply(BigDecimal.valueOf(newlyReserved))));
    }

    @Test
    void whenThePackageFundIsTheLimitItRefusesConcurrentlyAcrossMeasures() throws Exception {
        // PACKAGE: 100,000,000.00 - 97,000,000.00 = 3,000,000.00 left; M1 and M2 have room for 2,000,000.00 each
        long big = newCases("M3", 1).get(0);
        assertThat(ledger.reserve("M3", big, new BigDecimal("97000000.00"), "it-gxj").isReserved()).isTrue();
        List<Long> m1 = newCases("M1", 20);
        List<Long> m2 = newCases("M2", 20);
        List<Reservation> outcomes = storm(40, i -> () -> i % 2 == 0
                ? ledger.reserve("M1", m1.get(i / 2), HUNDRED_THOUSAND, "it-gxj")
                : ledger.reserve("M2", m2.get(i / 2), HUNDRED_THOUSAND, "it-swj"));
        long reserved = outcomes.stream().filter(Reservation::isReserved).count();
        List<Reservation> exhausted = outcomes.stream().filter(r -> r.outcome() == Outcome.EXHAUSTED).toList();
        System.out.printf("PACKAGE storm: 40 requests across M1 and M2, %d reserved, %d package exhausted%n", reserved, exhausted.size());
        assertThat(reserved).isEqualTo(30);
        assertThat(exhausted).hasSize(10).allSatisfy(r -> assertThat(r.limitingPoolId()).isEqualTo("PACKAGE"));
        PoolBalance pkg = ledger.balance("PACKAGE");
        assertThat(pkg.reserved()).isEqualByComparingTo("100000000.00");
        assertThat(pkg.remaining()).isEqualByComparingTo("0.00");
    }

    @Test
    void concurrentRepeatsForOneCaseReserveOnceAndConcurrentConfirmationsPayOnce() throws Exception {
        long c = newCases("M2", 1).get(0);
        List<Reservation> repeats = storm(12, i -> () -> ledger.reserve("M2", c, new BigDecimal("250000.00"), "it-gxj"));
        assertThat(repeats).allMatch(Reservation::isReserved);
        assertThat(repeats).filteredOn(r -> !r.repeated()).hasSize(1);
        assertThat(ledger.entriesOf(c)).hasSize(1);
        assertThat(ledger.balance("M2").reserved()).isEqualByComparingTo("250000.00");

        ledger.commit(c, new BigDecimal("200000.00"), "system");
        LocalDate paidOn = LocalDate.of(2023, 11, 8);
        List<Object> confirmations = storm(12, i -> () -> {
            try {
                return ledger.pay(c, i < 10 ? "CZ-2023-1108" : "CZ-OTHER-" + i, paidOn, "it-czj");
            } catch (LedgerConflictException e) {
                return e;
            }
        });
        List<Payment> payments = confirmations.stream().filter(Payment.class::isInstance).map(Payment.class::cast).toList();
        System.out.printf("Pay storm: %d confirmations, %d answered paid (%d of them repeats), %d refused%n",
                confirmations.size(), payments.size(), payments.stream().filter(Payment::repeated).count(),
                confirmations.size() - payments.size());
        assertThat(payments).allSatisfy(p -> assertThat(p.amount()).isEqualByComparingTo("200000.00"));
        assertThat(payments).filteredOn(p -> !p.repeated()).hasSize(1);
        String winner = payments.stream().filter(p -> !p.repeated()).findFirst().orElseThrow().reference();
        assertThat(payments).allMatch(p -> p.reference().equals(winner));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fund_entry WHERE kind = 'PAY' AND case_id = ?", Integer.class, c))
                .isEqualTo(1);
        PoolBalance m2 = ledger.balance("M2");
        assertThat(m2.paid()).isEqualByComparingTo("200000.00");
        assertThat(m2.committed()).isEqualByComparingTo("0.00");
        assertThat(m2.reserved()).isEqualByComparingTo("0.00");
    }

    // --- helpers -----------------------------------------------------------------------------------

    private void assertInvariant() {
        List<PoolCheck> checks = figures.check();
        assertThat(checks).hasSize(10).allSatisfy(check -> {
            assertThat(check.consistent()).as("stored running balance = sum of entries, " + check.poolId()).isTrue();
            assertThat(check.withinCap()).as("reserved + committed + paid <= cap, " + check.poolId()).isTrue();
        });
        for (PoolBalance balance : ledger.balances()) {
            assertThat(balance.reserved().add(balance.committed()).add(balance.paid())).as(balance.id())
                    .isLessThanOrEqualTo(balance.cap());
        }
        // independently of the application's code: the raw sums in SQL
        BigDecimal usedByEntries = jdbc.queryForObject("SELECT COALESCE(SUM(CASE kind WHEN 'RESERVE' THEN amount"
                + " WHEN 'RELEASE' THEN -amount ELSE 0 END), 0) FROM fund_entry", BigDecimal.class);
        BigDecimal packageUsed = jdbc.queryForObject("SELECT reserved + committed + paid FROM fund_pool WHERE id = 'PACKAGE'", BigDecimal.class);
        assertThat(usedByEntries).isEqualByComparingTo(packageUsed);
        assertThat(packageUsed).isLessThanOrEqualTo(new BigDecimal("100000000.00"));
    }

    private List<Long> newCases(String measure, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int e = i % enterpriseIds.size();
            CaseRecord caseRecord = new CaseRecord(measure, Applicant.enterprise(enterpriseIds.get(e)), LOCALITIES[e],
                    "FUND-IT-" + (++subjects), null, "{}", "it-ent", RewardStatus.SUBMITTED);
            ids.add(claims.open(cases.save(caseRecord), null).getId());
        }
        return ids;
    }

    interface Task<T> {
        Callable<T> at(int index);
    }

    /** Runs n tasks on n threads released together by a start gate; every task must answer (no exception). */
    @SuppressWarnings("unchecked")
    private <T> List<T> storm(int n, Task<? extends T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<? extends T> work = task.at(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return (T) work.call();
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
