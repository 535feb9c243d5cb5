package cn.huiqi.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.huiqi.casefile.CaseLifecycles;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.casefile.CaseView;
import cn.huiqi.casefile.CaseViews;
import cn.huiqi.catalogue.ApplicantKind;
import cn.huiqi.fund.CaseFunds;
import cn.huiqi.fund.FundFigures;
import cn.huiqi.fund.FundLedger;
import cn.huiqi.fund.PoolCheck;
import cn.huiqi.orderreward.V13__M1_orders_per_enterprise;
import cn.huiqi.process.V0_1__Camunda_engine_schema;
import cn.huiqi.settlement.Settlement;
import cn.huiqi.settlement.SettlementRepository;
import cn.huiqi.settlement.SettlementView;
import cn.huiqi.settlement.SettlementViews;

/**
 * V14 on a database the previous schema (Flyway target 13) filled the way the previous code did: cases in
 * several statuses (decided, under notice after a scaled settlement, paid, rejected after a release, not
 * eligible) of measures 1-3, with fund entries, settlements and their lines, m1 orders and timelines. The
 * application then starts on it (Flyway migrates to the latest) and its own beans read every value where it
 * now belongs: the case core, the reward claims, the ledger's pool check (the logic of /api/fund/check), the
 * settlement lines and notice list, the case JSON. Subclasses: H2 and MariaDB.
 */
abstract class CaseCoreMigrationTestBase {

    /** What the old schema held, by name (ids of the rows written before the migration). */
    static final Map<String, Long> OLD = new HashMap<>();

    @Autowired
    CaseRecordRepository cases;
    @Autowired
    RewardClaims claims;
    @Autowired
    CaseLifecycles lifecycles;
    @Autowired
    CaseViews views;
    @Autowired
    FundFigures figures;
    @Autowired
    FundLedger ledger;
    @Autowired
    SettlementRepository settlements;
    @Autowired
    SettlementViews settlementViews;
    @Autowired
    JdbcTemplate jdbc;

    /** Builds the previous schema on a fresh database and fills it; the application migrates the rest at start. */
    static void prepare(String url, String user, String password, String tableOptions) {
        DataSource dataSource = new DriverManagerDataSource(url, user, password);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .javaMigrations(new V0_1__Camunda_engine_schema(), new V13__M1_orders_per_enterprise())
                .placeholders(Map.of("tableOptions", tableOptions)).target("13").load().migrate();
        fill(new JdbcTemplate(dataSource));
    }

    private static void fill(JdbcTemplate jdbc) {
        jdbc.update("UPDATE fund_pool SET cap = 100000000.00 WHERE id IN ('M2', 'M3')");
        OLD.put("entA", enterprise(jdbc, "91360102MA35MG0001", "南昌𠮷迁移精密有限公司", "donghu", "中国银行南昌东湖支行", "6216 0000 0000 0001"));
        OLD.put("entB", enterprise(jdbc, "91360107MA35MG0002", "西湖迁移电子有限公司", "xihu", "建设银行南昌西湖支行", "6217 0000 0000 0002"));
        jdbc.update("INSERT INTO project (enterprise_id, locality_unit_id, name, project_type, planned_total_investment, "
                + "planned_equipment_investment, planned_start, planned_completion, major, status, created_by, created_at, updated_by, "
                + "updated_at, row_version) VALUES (?, 'xihu', '迁移测试项目', 'new', 90000000.00, 30000000.00, '2023-03-01', '2024-06-30', "
                + "FALSE, 'UNDER_CONSTRUCTION', 'x', CURRENT_TIMESTAMP, 'x', CURRENT_TIMESTAMP, 0)", OLD.get("entB"));
        OLD.put("project", jdbc.queryForObject("SELECT MAX(id) FROM project", Long.class));

        // decided, in city review
        long decided = oldCase(jdbc, "M1", "entA", "donghu", "ENTERPRISE", "CITY_REVIEW", "60000000.00", true, "50000.00", "TIER_50M",
                "order-reward", 1, "order-reward:1:d1", null, null, null, null, 0);
        order(jdbc, decided, "HT-MIG-1", "60000000.00");
        // settled (scaled 50000 → 40000), under public notice
        long notice = oldCase(jdbc, "M1", "entB", "xihu", "ENTERPRISE", "PUBLIC_NOTICE", "70000000.00", true, "50000.00", "TIER_50M",
                "order-reward", 1, "order-reward:1:d1", null, "40000.00", null, null, 1);
        order(jdbc, notice, "HT-MIG-2", "70000000.00");
        entry(jdbc, "M1", notice, "RESERVE", "50000.00", null, null);
        entry(jdbc, "M1", notice, "COMMIT", "40000.00", null, null);
        entry(jdbc, "M1", notice, "RELEASE", "10000.00", "RESERVED", null);
        long noticeSettlement = settlement(jdbc, "M1", "NOTICE", "50000.00", "40000.00");
        line(jdbc, noticeSettlement, notice, "50000.00", "40000.00", "ANNOUNCED", null, null);
        // paid, measure 3 (the project's owner applied)
        long paid = oldCase(jdbc, "M3", "entB", "xihu", "project-" + OLD.get("project"), "PAID", "8000000.00", true, "400000.00", "TIER_A",
                "investment-reward", 2, "investment-reward:2:d2", null, "400000.00", "CZ-2023-0009", "2023-12-01", 2);
        entry(jdbc, "M3", paid, "RESERVE", "400000.00", null, null);
        entry(jdbc, "M3", paid, "COMMIT", "400000.00", null, null);
        entry(jdbc, "M3", paid, "PAY", "400000.00", null, "CZ-2023-0009");
        long paidSettlement = settlement(jdbc, "M3", "CLOSED", "400000.00", "400000.00");
        line(jdbc, paidSettlement, paid, "400000.00", "400000.00", "PAID", "CZ-2023-0009", "2023-12-01");
        // rejected after city approval: reserved, then released
        long rejected = oldCase(jdbc, "M2", "entA", "donghu", "ENTERPRISE", "REJECTED", null, true, "123456.79", "TIER_100M",
                "growth-reward", 1, "growth-reward:1:d3", "收入口径不符", null, null, null, 3);
        entry(jdbc, "M2", rejected, "RESERVE", "123456.79", null, null);
        entry(jdbc, "M2", rejected, "RELEASE", "123456.79", "RESERVED", null);
        // not eligible
        long notEligible = oldCase(jdbc, "M2", "entB", "xihu", "ENTERPRISE", "NOT_ELIGIBLE", null, false, "0.00", "NONE",
                "growth-reward", 1, "growth-reward:1:d3", "应税销售收入未同比正增长", null, null, null, 4);
        jdbc.update("UPDATE fund_pool SET committed = 40000.00 WHERE id = 'M1'");
        jdbc.update("UPDATE fund_pool SET paid = 400000.00 WHERE id = 'M3'");
        jdbc.update("UPDATE fund_pool SET committed = 40000.00, paid = 400000.00 WHERE id = 'PACKAGE'");
        OLD.putAll(Map.of("decided", decided, "notice", notice, "paid", paid, "rejected", rejected, "notEligible", notEligible,
                "noticeSettlement", noticeSettlement, "paidSettlement", paidSettlement));
    }

    @Test
    void everyValueLandsWhereItNowBelongs() {
        CaseRecord decided = caseOf("decided");
        assertThat(decided.getStatus()).isEqualTo("CITY_REVIEW");
        assertThat(lifecycles.statusOf(decided).zh()).isEqualTo("市级审核中");
        assertThat(decided.getApplicantKind()).isEqualTo(ApplicantKind.ENTERPRISE);
        assertThat(decided.getEnterpriseId()).isEqualTo(OLD.get("entA"));
        assertThat(decided.getApplicant().key()).isEqualTo("E:" + OLD.get("entA"));
        assertThat(decided.getReviewUnits()).containsExactly("gxj", "swj");
        assertThat(decided.getLeadUnit()).isEqualTo("gxj");
        RewardClaim decidedClaim = claims.of(decided);
        assertThat(decidedClaim.getClaimedAmount()).isEqualByComparingTo("60000000.00");
        assertThat(decidedClaim.getEligible()).isTrue();
        assertThat(decidedClaim.getRewardAmount()).isEqualByComparingTo("50000.00");
        assertThat(decidedClaim.getRewardTier()).isEqualTo("TIER_50M");
        assertThat(decidedClaim.getDecisionKey()).isEqualTo("order-reward");
        assertThat(decidedClaim.getDecisionVersion()).isEqualTo(1);
        assertThat(decidedClaim.getDecisionDefinitionId()).isEqualTo("order-reward:1:d1");
        assertThat(decidedClaim.getSettledAmount()).isNull();
        assertThat(decidedClaim.getPayeeKind()).isEqualTo(RewardClaim.PayeeKind.ENTERPRISE);
        assertThat(decidedClaim.getPayeeEnterpriseId()).isEqualTo(OLD.get("entA"));

        CaseRecord paid = caseOf("paid");
        assertThat(paid.getStatus()).isEqualTo("PAID");
        assertThat(paid.getApplicantKind()).as("measure 3: the project's owner").isEqualTo(ApplicantKind.PROJECT_OWNER);
        assertThat(paid.getProjectId()).isEqualTo(OLD.get("project"));
        assertThat(paid.getEnterpriseId()).isEqualTo(OLD.get("entB"));
        RewardClaim paidClaim = claims.of(paid);
        assertThat(paidClaim.getClaimedAmount()).isEqualByComparingTo("8000000.00");
        assertThat(paidClaim.getRewardAmount()).isEqualByComparingTo("400000.00");
        assertThat(paidClaim.getSettledAmount()).isEqualByComparingTo("400000.00");
        assertThat(paidClaim.getPaymentReference()).isEqualTo("CZ-2023-0009");
        assertThat(paidClaim.getPaymentDate()).isEqualTo(LocalDate.of(2023, 12, 1));
        assertThat(paidClaim.getDecisionVersion()).isEqualTo(2);

        assertThat(claims.of(caseOf("notice")).getSettledAmount()).isEqualByComparingTo("40000.00");
        RewardClaim rejected = claims.of(caseOf("rejected"));
        assertThat(caseOf("rejected").getStatus()).isEqualTo("REJECTED");
        assertThat(rejected.getOutcomeReason()).isEqualTo("收入口径不符");
        RewardClaim notEligible = claims.of(caseOf("notEligible"));
        assertThat(caseOf("notEligible").getStatus()).isEqualTo("NOT_ELIGIBLE");
        assertThat(notEligible.getEligible()).isFalse();
        assertThat(notEligible.getRewardAmount()).isEqualByComparingTo("0.00");
        assertThat(notEligible.getRewardTier()).isEqualTo("NONE");
        assertThat(notEligible.getOutcomeReason()).isEqualTo("应税销售收入未同比正增长");

        // the reward columns left the case record; V60 brought back a copy of the amount only, the case list's sort key
        Map<String, Object> row = lowerCase(jdbc.queryForMap("SELECT * FROM case_record WHERE id = ?", OLD.get("paid")));
        assertThat(row).containsKeys("applicant_kind", "applicant_key", "project_id", "applicant_unit_id", "subject_key", "flag")
                .doesNotContainKeys("claimed_amount", "eligible", "reward_tier", "decision_key", "decision_version",
                        "decision_definition_id", "outcome_reason", "settled_amount", "payment_reference", "payment_date");
        assertThat((java.math.BigDecimal) row.get("reward_amount")).isEqualByComparingTo(paidClaim.getRewardAmount());
        assertThat((java.math.BigDecimal) lowerCase(jdbc.queryForMap("SELECT * FROM case_record WHERE id = ?", OLD.get("notEligible")))
                .get("reward_amount")).isEqualByComparingTo(notEligible.getRewardAmount());
        // timelines and orders still hang on their cases
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_event e JOIN case_record c ON c.id = e.case_id", Integer.class))
                .isEqualTo(5);
        assertThat(jdbc.queryForList("SELECT o.contract_number FROM m1_order o JOIN case_record c ON c.id = o.case_id ORDER BY o.id",
                String.class)).containsExactly("HT-MIG-1", "HT-MIG-2");
    }

    @Test
    void theFundBalancesAreUnchangedAndTheLedgerGoesOnWithTheClaims() {
        List<PoolCheck> checks = figures.check();
        assertThat(checks).allSatisfy(check -> assertThat(check.consistent() && check.withinCap()).as(check.poolId()).isTrue());
        assertThat(ledger.balance("M1").committed()).isEqualByComparingTo("40000.00");
        assertThat(ledger.balance("M3").paid()).isEqualByComparingTo("400000.00");
        assertThat(ledger.balance("PACKAGE").committed()).isEqualByComparingTo("40000.00");
        assertThat(ledger.balance("M2").reserved()).isEqualByComparingTo("0.00");
        CaseFunds notice = ledger.ofCase(OLD.get("notice"));
        assertThat(notice.state()).isEqualTo(CaseFunds.State.COMMITTED);
        assertThat(notice.committed()).isEqualByComparingTo("40000.00");
        CaseFunds paid = ledger.ofCase(OLD.get("paid"));
        assertThat(paid.state()).isEqualTo(CaseFunds.State.PAID);
        assertThat(paid.paymentReference()).isEqualTo("CZ-2023-0009");
        assertThat(ledger.ofCase(OLD.get("rejected")).state()).isEqualTo(CaseFunds.State.RELEASED);

        // a migrated claim is paid through the same ledger; the database still allows one payment per claim
        ledger.pay(OLD.get("notice"), "CZ-MIG-0002", LocalDate.of(2023, 12, 2), "czj-finance");
        assertThat(ledger.balance("M1").paid()).isEqualByComparingTo("40000.00");
        assertThat(figures.check()).allSatisfy(check -> assertThat(check.consistent()).as(check.poolId()).isTrue());
        assertThatThrownBy(() -> jdbc.update("INSERT INTO fund_entry (pool_id, case_id, kind, amount, actor, occurred_at, "
                + "payment_reference, payment_date, paid_case_id) VALUES ('M3', ?, 'PAY', 1.00, 'x', CURRENT_TIMESTAMP, 'X', "
                + "CURRENT_DATE, ?)", OLD.get("paid"), OLD.get("paid"))).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO fund_entry (pool_id, case_id, kind, amount, actor, occurred_at) "
                + "VALUES ('M1', 999999, 'RESERVE', 1.00, 'x', CURRENT_TIMESTAMP)"))
                .as("an entry must belong to a claim").isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void settlementLinesStillJoinTheirClaimsAndCases() {
        Settlement noticeSettlement = settlements.findById(OLD.get("noticeSettlement")).orElseThrow();
        SettlementView.Line line = settlementViews.view(noticeSettlement, true).lines().get(0);
        assertThat(line.caseNumber()).isEqualTo(caseOf("notice").getCaseNumber());
        assertThat(line.enterpriseName()).isEqualTo("西湖迁移电子有限公司");
        assertThat(line.bankAccount()).isEqualTo("6217 0000 0000 0002");
        assertThat(line.granted()).isEqualByComparingTo("40000.00");
        assertThat(settlementViews.noticeList(noticeSettlement)).isNotEmpty();
        SettlementView.Line paidLine = settlementViews.view(settlements.findById(OLD.get("paidSettlement")).orElseThrow(), true)
                .lines().get(0);
        assertThat(paidLine.status()).isEqualTo("PAID");
        assertThat(paidLine.paymentReference()).isEqualTo("CZ-2023-0009");
    }

    @Test
    void theCaseJsonShowsWhatItShowedBefore() {
        CaseView view = views.withTimeline(caseOf("paid"));
        assertThat(view.status()).isEqualTo("PAID");
        assertThat(view.statusZh()).isEqualTo("已拨付");
        assertThat(view.statusEn()).isEqualTo("Paid");
        assertThat(view.enterprise().name()).isEqualTo("西湖迁移电子有限公司");
        assertThat(view.claimedAmount()).isEqualByComparingTo("8000000.00");
        assertThat(view.rewardAmount()).isEqualByComparingTo("400000.00");
        assertThat(view.settledAmount()).isEqualByComparingTo("400000.00");
        assertThat(view.decision().key()).isEqualTo("investment-reward");
        assertThat(view.decision().version()).isEqualTo(2);
        assertThat(view.payment().reference()).isEqualTo("CZ-2023-0009");
        assertThat(view.timeline()).extracting(CaseView.TimelineEntry::action).containsExactly("SUBMITTED");
        assertThat(views.summary(caseOf("rejected")).outcomeReason()).isEqualTo("收入口径不符");
    }

    @Test
    void theUniqueKeysAndTheApplicantCheckHoldForTheMigratedRows() {
        long entA = OLD.get("entA");
        assertThatThrownBy(() -> newCase("M1", "ENTERPRISE", entA, null, null, "E:" + entA, "ENTERPRISE"))
                .as("one measure 1 application per enterprise").isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> newCase("M1", "LOCALITY", entA, null, null, "U:donghu", "OTHER"))
                .as("a locality applicant names no enterprise").isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> newCase("M3", "PROJECT_OWNER", entA, null, null, "E:" + entA, "project-x"))
                .as("a project owner's case names its project").isInstanceOf(DataIntegrityViolationException.class);
        newCase("M5", "LOCALITY", null, null, "donghu", "U:donghu", "ROUND-1");
        assertThatThrownBy(() -> newCase("M5", "LOCALITY", null, null, "donghu", "U:donghu", "ROUND-1"))
                .as("the same key for a locality applicant").isInstanceOf(DataIntegrityViolationException.class);
    }

    private void newCase(String measure, String kind, Long enterpriseId, Long projectId, String unitId, String applicantKey,
                         String subject) {
        jdbc.update("INSERT INTO case_record (measure, applicant_kind, enterprise_id, project_id, applicant_unit_id, applicant_key, "
                + "locality_unit_id, subject_key, status, application_json, submitted_by, submitted_at, updated_at, row_version) "
                + "VALUES (?, ?, ?, ?, ?, ?, 'donghu', ?, 'SUBMITTED', '{}', 'x', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)",
                measure, kind, enterpriseId, projectId, unitId, applicantKey, subject);
    }

    private CaseRecord caseOf(String name) {
        return cases.findById(OLD.get(name)).orElseThrow();
    }

    private static Map<String, Object> lowerCase(Map<String, Object> row) {
        Map<String, Object> lower = new HashMap<>();
        row.forEach((k, v) -> lower.put(k.toLowerCase(), v));
        return lower;
    }

    // --- rows as the previous version wrote them -------------------------------------------------------------

    private static long enterprise(JdbcTemplate jdbc, String uscc, String name, String locality, String bank, String account) {
        jdbc.update("INSERT INTO enterprise (uscc, name, locality_unit_id, contact_name, contact_phone, created_at, bank_name, bank_account) "
                + "VALUES (?, ?, ?, '联系人', '0791-1', CURRENT_TIMESTAMP, ?, ?)", uscc, name, locality, bank, account);
        return jdbc.queryForObject("SELECT id FROM enterprise WHERE uscc = ?", Long.class, uscc);
    }

    private static long oldCase(JdbcTemplate jdbc, String measure, String enterprise, String locality, String subject, String status,
                                String claimed, boolean eligible, String reward, String tier, String decisionKey, int version,
                                String definitionId, String reason, String settled, String paymentReference, String paymentDate,
                                int minutes) {
        Timestamp at = Timestamp.from(Instant.parse("2023-10-01T02:00:00Z").plusSeconds(60L * minutes));
        jdbc.update("INSERT INTO reward_case (measure, enterprise_id, locality_unit_id, subject_key, idempotency_key, status, "
                        + "application_json, claimed_amount, eligible, reward_amount, reward_tier, decision_key, decision_version, "
                        + "decision_definition_id, review_units, lead_unit, finance_unit, outcome_reason, settled_amount, payment_reference, "
                        + "payment_date, submitted_by, submitted_at, updated_at, row_version) "
                        + "VALUES (?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?, ?, ?, 'gxj,swj', 'gxj', 'czj', ?, ?, ?, ?, 'old-user', ?, ?, 3)",
                measure, OLD.get(enterprise), locality, subject, "key-" + minutes, status, claimed == null ? null : new BigDecimal(claimed),
                eligible, new BigDecimal(reward), tier, decisionKey, version, definitionId, reason,
                settled == null ? null : new BigDecimal(settled), paymentReference,
                paymentDate == null ? null : java.sql.Date.valueOf(paymentDate), at, at);
        long id = jdbc.queryForObject("SELECT MAX(id) FROM reward_case", Long.class);
        jdbc.update("UPDATE reward_case SET case_number = ? WHERE id = ?", String.format("%s-2023-%06d", measure, id), id);
        jdbc.update("INSERT INTO case_event (case_id, occurred_at, actor, action, detail) VALUES (?, ?, 'old-user', 'SUBMITTED', "
                + "'提交申请 / Application submitted')", id, at);
        return id;
    }

    private static void order(JdbcTemplate jdbc, long caseId, String contract, String amount) {
        jdbc.update("INSERT INTO m1_order (case_id, line_no, counterparty, contract_number, contract_key, signing_date, amount, "
                + "execution_evidence, verification) VALUES (?, 1, '𠮷野家贸易有限公司', ?, ?, '2023-08-01', ?, '出库单', 'PENDING')",
                caseId, contract, contract, new BigDecimal(amount));
    }

    private static void entry(JdbcTemplate jdbc, String pool, long caseId, String kind, String amount, String releasedFrom,
                              String paymentReference) {
        boolean pay = "PAY".equals(kind);
        jdbc.update("INSERT INTO fund_entry (pool_id, case_id, kind, amount, released_from, actor, occurred_at, note, payment_reference, "
                        + "payment_date, paid_case_id) VALUES (?, ?, ?, ?, ?, 'old-user', CURRENT_TIMESTAMP, 'old', ?, ?, ?)",
                pool, caseId, kind, new BigDecimal(amount), releasedFrom, paymentReference,
                pay ? java.sql.Date.valueOf("2023-12-01") : null, pay ? caseId : null);
    }

    private static long settlement(JdbcTemplate jdbc, String measure, String status, String asked, String granted) {
        String process = "old-settlement-" + measure;
        jdbc.update("INSERT INTO settlement (measure, rule_name, available, asked, granted, remainder, scaled, status, process_instance_id, "
                        + "started_by, settled_at) VALUES (?, 'PRO_RATA', ?, ?, ?, 0, ?, ?, ?, 'gxj-reviewer', CURRENT_TIMESTAMP)",
                measure, new BigDecimal(granted), new BigDecimal(asked), new BigDecimal(granted), !asked.equals(granted), status, process);
        return jdbc.queryForObject("SELECT id FROM settlement WHERE process_instance_id = ?", Long.class, process);
    }

    private static void line(JdbcTemplate jdbc, long settlementId, long caseId, String asked, String granted, String status,
                             String paymentReference, String paymentDate) {
        jdbc.update("INSERT INTO settlement_line (settlement_id, case_id, asked, granted, status, payment_reference, payment_date, "
                        + "updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'old-user', CURRENT_TIMESTAMP)",
                settlementId, caseId, new BigDecimal(asked), new BigDecimal(granted), status, paymentReference,
                paymentDate == null ? null : java.sql.Date.valueOf(paymentDate));
    }
}
