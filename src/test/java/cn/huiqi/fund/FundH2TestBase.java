package cn.huiqi.fund;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.huiqi.casefile.Applicant;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.casefile.RewardStatus;
import cn.huiqi.claim.RewardClaims;
import cn.huiqi.enterprise.Enterprise;
import cn.huiqi.enterprise.EnterpriseRepository;

/**
 * The whole application (default profile: demo accounts and enterprises) on a private in-memory H2, shared
 * by the H2 tests of this package. Measure 2 gets a cap of 99,000,000.00 and first-come-first-served, so
 * the package fund (100,000,000.00) can be the binding limit; M3 is set to 0.00 ("not set") here, M5 and M6
 * (paying measures without a policy cap) keep the default 0.00.
 * Each test starts from an empty ledger.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:fund;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE",
        "camunda.bpm.job-execution.enabled=false",
        "huiqi.fund.caps.M2=99000000.00",
        "huiqi.fund.caps.M3=0.00", // whatever application.yml says: a pool whose cap is not set
        "huiqi.fund.rules.M2=FIRST_COME_FIRST_SERVED"})
abstract class FundH2TestBase {

    static final String HONGDU = "91360102MA35HQ1D2F";   // donghu
    static final String JIXIANG = "91360111MA38GK7X58";  // qingshanhu
    private static final AtomicInteger SUBJECTS = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    RewardClaims claims;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FundLedger ledger;
    @Autowired
    FundFigures figures;
    @Autowired
    CaseRecordRepository cases;
    @Autowired
    EnterpriseRepository enterprises;

    @BeforeEach
    void emptyLedger() {
        jdbc.update("DELETE FROM fund_entry");
        jdbc.update("UPDATE fund_pool SET reserved = 0, committed = 0, paid = 0");
    }

    /** A minimal case of the measure for the enterprise (by USCC), in the enterprise's locality. */
    long newCase(String measure, String uscc) {
        Enterprise enterprise = enterprises.findByUscc(uscc).orElseThrow();
        CaseRecord caseRecord = new CaseRecord(measure, Applicant.enterprise(enterprise.getId()), enterprise.getLocalityUnitId(),
                "FUND-TEST-" + SUBJECTS.incrementAndGet(), null, "{}", "fund-test", RewardStatus.SUBMITTED);
        return claims.open(cases.save(caseRecord), null).getId();
    }

    static BigDecimal m(String amount) {
        return new BigDecimal(amount);
    }
}
