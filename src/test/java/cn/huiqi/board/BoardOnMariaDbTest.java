package cn.huiqi.board;

import static cn.huiqi.testsupport.HttpApi.expect;
import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.calendar.WorkingDays;
import cn.huiqi.enterprise.Uscc;
import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.MariaDbTestDatabase;
import cn.huiqi.testsupport.TestUsers;
import cn.huiqi.timelimit.OverdueNow;

/**
 * Issue 19 item 4 on MariaDB over HTTP: a seeded set of measure 1 cases in two localities driven by the real users of
 * each step on a moving engine clock (approved and paid, approved and awaiting payment, rejected by the locality and by
 * the city, one left at locality verification past its limit); the board's figures are exactly those of the set and equal
 * the sums over the cases (case_record, reward_claim) and the fund ledger (fund_entry, the pool); a new event moves the
 * board in the same transaction (no refresh, no job); the rows rebuilt from the timelines give the same counts and money;
 * a locality reads its own line only; the xlsx holds the same figures.
 */
@ActiveProfiles("mysql")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "camunda.bpm.job-execution.enabled=false")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BoardOnMariaDbTest {

    private static final String PASSWORD = "Board-Secret-2023";
    private static final Map<String, String> USERS = Map.of("b-admin", "camunda-admin", "b-donghu", "donghu", "b-xihu", "xihu",
            "b-gxj", "gxj", "b-swj", "swj", "b-czj", "czj", "b-leader", "leader");

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        MariaDbTestDatabase.register(registry, "huiqi_board");
    }

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BoardBackfill backfill;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    BoardRows rows;
    @Autowired
    OverdueNow overdueNow;
    @Autowired
    PlatformTransactionManager transactions;

    private static int enterprises;
    private Instant t0;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    @Order(1)
    void theBoardOfASeededSetEqualsItsCasesAndTheLedgerAndMovesWithEachEvent() throws Exception {
        USERS.forEach((user, group) -> TestUsers.person(identityService, user, group, PASSWORD));
        t0 = Instant.now();
        String a1 = apply("donghu");
        String a2 = apply("donghu");
        String a3 = apply("donghu");
        String b1 = apply("xihu");
        String b2 = apply("xihu");

        at(1);
        complete("b-xihu", task(b1, "Task_LocalityVerification", null), approveTheOrder());
        complete("b-xihu", task(b2, "Task_LocalityVerification", null), Map.of("decision", "reject", "comment", "订单未实际履行"));
        at(2);
        complete("b-donghu", task(a1, "Task_LocalityVerification", null), approveTheOrder());
        complete("b-donghu", task(a2, "Task_LocalityVerification", null), approveTheOrder());
        at(3);
        complete("b-gxj", task(b1, "Task_CityReview", "gxj"), Map.of("decision", "approve"));
        complete("b-swj", task(b1, "Task_CityReview", "swj"), Map.of("decision", "approve"));
        at(5);
        complete("b-gxj", task(a1, "Task_CityReview", "gxj"), Map.of("decision", "approve"));
        complete("b-swj", task(a1, "Task_CityReview", "swj"), Map.of("decision", "approve"));
        complete("b-gxj", task(a2, "Task_CityReview", "gxj"), Map.of("decision", "reject", "comment", "合同对方为关联企业"));
        at(6);
        String settlement = expect(202, api("b-gxj").post("/api/settlements", "{\"measure\":\"M1\"}")).get("processInstanceId").asText();
        runDueJobs(settlement);
        long settlementId = jdbc.queryForObject("SELECT id FROM settlement WHERE process_instance_id = ?", Long.class, settlement);
        at(14);
        for (Job timer : managementService.createJobQuery().processInstanceId(settlement).timers().list()) {
            managementService.executeJob(timer.getId()); // the notice period is over
        }
        runDueJobs(settlement);
        at(15);
        String today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        expect(200, api("b-czj").post("/api/settlements/" + settlementId + "/payments", payment(a1, "GK-2023-0001", today)));

        JsonNode board = expect(200, api("b-gxj").get("/api/board?measure=M1"));
        JsonNode m1 = measure(board, "M1");
        JsonNode donghu = locality(m1, "donghu");
        JsonNode xihu = locality(m1, "xihu");
        //                applications approved rejected paid open
        counts(donghu, 3, 1, 1, 1, 1);
        counts(xihu, 2, 1, 1, 0, 0);
        counts(m1.get("total"), 5, 2, 2, 1, 1);
        assertThat(donghu.get("overdueNow").asLong()).as("a3 at locality verification, 15 days on").isEqualTo(1);
        assertThat(xihu.get("overdueNow").asLong()).isZero();
        // stage times in working days, from the moving clock (weekends count as rest days)
        assertThat(donghu.get("stages").get("locality").get("cases").asInt()).isEqualTo(2);
        assertThat(donghu.get("stages").get("approvalToPayment").get("cases").asInt()).isEqualTo(1);
        assertThat(donghu.get("stages").get("approvalToPayment").get("median").decimalValue())
                .isEqualByComparingTo(BigDecimal.valueOf(workingDays(5, 15)));
        assertThat(donghu.get("stages").get("endToEnd").get("p90").asInt()).isEqualTo(workingDays(0, 15));
        assertThat(xihu.get("stages").get("city").get("median").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(workingDays(1, 3)));
        assertThat(m1.get("total").get("finished").asLong()).isEqualTo(4);
        assertThat(m1.get("total").get("onTimeRate").decimalValue()).isEqualByComparingTo("100.0");

        assertEqualsCasesAndLedger(board);

        // a new event moves the board at once: b1 paid, in the same request's transaction
        expect(200, api("b-czj").post("/api/settlements/" + settlementId + "/payments", payment(b1, "GK-2023-0002", today)));
        JsonNode after = expect(200, api("b-gxj").get("/api/board?measure=M1"));
        counts(locality(measure(after, "M1"), "xihu"), 2, 1, 1, 1, 0);
        assertThat(measure(after, "M1").get("total").get("paidAmount").decimalValue())
                .isEqualByComparingTo(ledgerPaid("M1"));
        assertEqualsCasesAndLedger(after);
        // the weekly trend: this set's applications, approvals and payments, each once
        long applications = 0;
        long paid = 0;
        for (JsonNode week : after.get("weeks")) {
            applications += week.get("applications").asLong();
            paid += week.get("paid").asLong();
        }
        assertThat(applications).isEqualTo(5);
        assertThat(paid).isEqualTo(2);

        // the rows rebuilt from the timelines (cases opened before the board existed) count the same cases and money
        jdbc.update("DELETE FROM board_case");
        assertThat(backfill.run()).isEqualTo(5);
        JsonNode rebuilt = expect(200, api("b-gxj").get("/api/board?measure=M1"));
        for (String unit : List.of("donghu", "xihu")) {
            JsonNode was = locality(measure(after, "M1"), unit);
            JsonNode now = locality(measure(rebuilt, "M1"), unit);
            for (String figure : List.of("applications", "approved", "rejected", "paid", "open", "approvedAmount", "paidAmount")) {
                assertThat(now.get(figure).decimalValue()).as(unit + " " + figure).isEqualByComparingTo(was.get(figure).decimalValue());
            }
        }
        assertEqualsCasesAndLedger(rebuilt);

        // a locality reads its own line only, no pool; the leader reads everything but opens no case
        JsonNode own = expect(200, api("b-xihu").get("/api/board"));
        assertThat(own.get("city").asBoolean()).isFalse();
        assertThat(own.path("packageFund").isMissingNode() || own.path("packageFund").isNull()).as("no pools for a locality").isTrue();
        assertThat(measure(own, "M1").get("localities")).extracting(r -> r.get("key").asText()).containsExactly("xihu");
        assertThat(measure(own, "M1").get("total").get("applications").asLong()).isEqualTo(2);
        JsonNode drill = expect(200, api("b-xihu").get("/api/board/cases?measure=M1&figure=rejected"));
        assertThat(drill.get("items")).extracting(i -> i.get("caseNumber").asText()).containsExactly(b2);
        assertThat(expect(200, api("b-donghu").get("/api/board/cases?measure=M1&locality=donghu&figure=overdueNow")).get("items"))
                .extracting(i -> i.get("caseNumber").asText()).containsExactly(a3);
        assertThat(expect(200, api("b-leader").get("/api/board")).get("packageFund").get("cap").decimalValue())
                .isEqualByComparingTo("100000000.00");
        assertThat(expect(200, api("b-leader").get("/api/board/cases?measure=M1")).get("total").asLong()).isZero();
        assertThat(expect(200, api("b-gxj").get("/api/board/cases?measure=M1&figure=paid&sort=caseNumber&order=asc")).get("items"))
                .extracting(i -> i.get("caseNumber").asText()).containsExactly(a1, b1);
        // czj opens the cases at or past disbursement only, as in its case list
        assertThat(expect(200, api("b-czj").get("/api/board/cases?measure=M1")).get("total").asLong()).isEqualTo(2);

        // the xlsx holds the same figures
        java.net.http.HttpResponse<byte[]> xlsx = api("b-gxj").getBytes("/api/board.xlsx?measure=M1");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        List<String> cells = cells(xlsx.body());
        assertThat(cells).contains("洪府办发〔2023〕81号 政策兑现看板", "东湖区", "西湖区", "按时率(%)").anySatisfy(c -> assertThat(c).contains("统筹资金（1亿元）"));
    }

    /** The board's totals against the cases (case_record, reward_claim) and the ledger (fund_entry, pool M1). */
    private void assertEqualsCasesAndLedger(JsonNode board) {
        JsonNode m1 = measure(board, "M1");
        for (JsonNode row : m1.get("localities")) {
            String unit = row.get("key").asText();
            assertThat(row.get("applications").asLong()).as(unit).isEqualTo(cases(unit, null));
            assertThat(row.get("approved").asLong()).as(unit).isEqualTo(cases(unit, "'AWAITING_SETTLEMENT','PUBLIC_NOTICE','DISBURSEMENT','PAID'"));
            assertThat(row.get("rejected").asLong()).as(unit).isEqualTo(cases(unit, "'REJECTED','NOT_ELIGIBLE'"));
            assertThat(row.get("paid").asLong()).as(unit).isEqualTo(cases(unit, "'PAID'"));
            assertThat(row.get("paidAmount").decimalValue()).as(unit + " paid = the ledger's PAY entries of its cases")
                    .isEqualByComparingTo(jdbc.queryForObject("SELECT COALESCE(SUM(e.amount), 0) FROM fund_entry e JOIN case_record c ON c.id = e.case_id "
                            + "WHERE e.kind = 'PAY' AND c.measure = 'M1' AND c.locality_unit_id = ?", BigDecimal.class, unit))
                    .isEqualByComparingTo(jdbc.queryForObject("SELECT COALESCE(SUM(r.settled_amount), 0) FROM reward_claim r JOIN case_record c "
                            + "ON c.id = r.case_id WHERE c.status = 'PAID' AND c.measure = 'M1' AND c.locality_unit_id = ?", BigDecimal.class, unit));
            assertThat(row.get("approvedAmount").decimalValue()).as(unit).isEqualByComparingTo(jdbc.queryForObject(
                    "SELECT COALESCE(SUM(r.reward_amount), 0) FROM reward_claim r JOIN case_record c ON c.id = r.case_id WHERE c.measure = 'M1' "
                    + "AND c.locality_unit_id = ? AND c.status IN ('AWAITING_SETTLEMENT','PUBLIC_NOTICE','DISBURSEMENT','PAID')", BigDecimal.class, unit));
        }
        assertThat(m1.get("total").get("applications").asLong()).isEqualTo(jdbc.queryForObject(
                "SELECT COUNT(*) FROM case_record WHERE measure = 'M1'", Long.class));
        assertThat(m1.get("total").get("paidAmount").decimalValue()).as("measure total = pool M1's paid = the ledger")
                .isEqualByComparingTo(m1.get("pool").get("paid").decimalValue()).isEqualByComparingTo(ledgerPaid("M1"));
        assertThat(board.get("packageFund").get("paid").decimalValue()).as("the package: every pool's payments")
                .isEqualByComparingTo(jdbc.queryForObject("SELECT COALESCE(SUM(amount), 0) FROM fund_entry WHERE kind = 'PAY'", BigDecimal.class));
    }

    private BigDecimal ledgerPaid(String pool) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(amount), 0) FROM fund_entry WHERE kind = 'PAY' AND pool_id = ?", BigDecimal.class, pool);
    }

    private long cases(String locality, String statuses) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM case_record WHERE measure = 'M1' AND locality_unit_id = ?"
                + (statuses == null ? "" : " AND status IN (" + statuses + ")"), Long.class, locality);
    }

    private static void counts(JsonNode row, long applications, long approved, long rejected, long paid, long open) {
        assertThat(List.of(row.get("applications").asLong(), row.get("approved").asLong(), row.get("rejected").asLong(),
                row.get("paid").asLong(), row.get("open").asLong())).as(row.get("key").asText())
                .containsExactly(applications, approved, rejected, paid, open);
    }

    private static JsonNode measure(JsonNode board, String id) {
        for (JsonNode m : board.get("measures")) {
            if (m.get("measure").asText().equals(id)) {
                return m;
            }
        }
        throw new AssertionError("no measure " + id + " on the board");
    }

    private static JsonNode locality(JsonNode measure, String unit) {
        for (JsonNode row : measure.get("localities")) {
            if (row.get("key").asText().equals(unit)) {
                return row;
            }
        }
        throw new AssertionError("no line of " + unit);
    }

    /** Working days after day {@code from} up to day {@code to} of the test (days after t0) on the calendar. */
    private int workingDays(int from, int to) {
        return workingDays.workingDaysBetween(t0.plus(Duration.ofDays(from)).atZone(WorkingDays.CHINA).toLocalDate(),
                t0.plus(Duration.ofDays(to)).atZone(WorkingDays.CHINA).toLocalDate());
    }

    private void at(int days) {
        ClockUtil.setCurrentTime(Date.from(t0.plus(Duration.ofDays(days))));
    }

    /**
     * Two nodes (each its own remembered rows) write the events of one case in turn: a node whose remembered row another
     * node changed since, or whose transaction rolled back, reads the row again, so no event is lost and none is
     * written twice. Runs after the seeded set (its case would change that set's counts).
     */
    @Test
    @Order(2)
    void twoNodesWritingOneCaseLoseNoEventAndARolledBackWriteIsForgotten() {
        USERS.forEach((user, group) -> TestUsers.person(identityService, user, group, PASSWORD));
        long caseId = jdbc.queryForObject("SELECT id FROM case_record WHERE case_number = ?", Long.class, apply("qingshanhu"));
        BoardWrites nodeA = new BoardWrites(rows, new RememberedRows(), overdueNow);
        BoardWrites nodeB = new BoardWrites(rows, new RememberedRows(), overdueNow);
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        transaction.executeWithoutResult(status -> nodeA.change(caseId, row -> row.everOverdue = true, null)); // A reads, remembers
        transaction.executeWithoutResult(status -> nodeB.change(caseId, row -> row.approvedAmount = new BigDecimal("1.00"), null));
        transaction.executeWithoutResult(status -> nodeA.change(caseId, row -> row.paidAmount = new BigDecimal("2.00"), null));
        transaction.executeWithoutResult(status -> {
            nodeB.change(caseId, row -> row.paidAmount = new BigDecimal("99.00"), null);
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status -> nodeB.change(caseId, row -> row.approvedAmount = row.approvedAmount.add(BigDecimal.ONE), null));

        Map<String, Object> row = jdbc.queryForMap("SELECT ever_overdue, approved_amount, paid_amount FROM board_case WHERE case_id = ?", caseId);
        assertThat(row.get("ever_overdue")).isIn(true, 1, (byte) 1);
        assertThat((BigDecimal) row.get("approved_amount")).isEqualByComparingTo("2.00");
        assertThat((BigDecimal) row.get("paid_amount")).as("the rolled-back 99.00 is not there").isEqualByComparingTo("2.00");

        jdbc.update("DELETE FROM board_case WHERE case_id = ?", caseId); // the case's row as its timeline gives it, for later tests
        backfill.run();
    }

    private String apply(String locality) {
        int n = ++enterprises;
        String user = "b-ent-" + locality + "-" + n;
        TestUsers.person(identityService, user, "enterprise", PASSWORD);
        String first17 = "91360102BD" + String.format("%07d", n);
        Map<String, Object> body = Map.of("uscc", first17 + Uscc.checkCharacter(first17), "name", "南昌看板" + n + "号制造有限公司",
                "localityUnitId", locality, "contactName", "经理", "contactPhone", "0791-80000000",
                "bankName", "中国工商银行南昌分行", "bankAccount", "15022000090000" + String.format("%05d", n));
        long id = expect(201, api("b-admin").post("/api/enterprises", toJson(body))).get("id").asLong();
        expect(201, api("b-admin").post("/api/enterprises/" + id + "/users", "{\"userId\":\"" + user + "\"}"));
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("counterparty", "上海某贸易有限公司");
        order.put("contractNumber", "BD-" + UUID.randomUUID());
        order.put("signingDate", "2023-08-18");
        order.put("orderAmount", "60000000.00");
        order.put("executionEvidence", "出库单 CK-2023-0818");
        return expect(201, api(user).post("/api/m1/applications", toJson(Map.of("orders", List.of(order))),
                "Idempotency-Key", UUID.randomUUID().toString())).get("caseNumber").asText();
    }

    private static Map<String, Object> approveTheOrder() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("decision", "approve");
        variables.put("orderVerification", List.of(Map.of("line", 1, "result", "accept")));
        return variables;
    }

    private Task task(String caseNumber, String key, String unit) {
        var query = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(key);
        if (unit != null) {
            query.taskCandidateGroup(unit);
        }
        Task task = query.singleResult();
        assertThat(task).as(caseNumber + " " + key).isNotNull();
        return task;
    }

    private void complete(String user, Task task, Map<String, Object> variables) {
        TestUsers.as(identityService, user, () -> {
            taskService.complete(task.getId(), variables);
            return null;
        });
    }

    private void runDueJobs(String processInstanceId) {
        for (int round = 0; round < 1000; round++) {
            List<Job> due = managementService.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
        throw new AssertionError("the jobs of " + processInstanceId + " never end");
    }

    private static String payment(String caseNumber, String reference, String date) {
        return toJson(Map.of("payments", List.of(Map.of("caseNumber", caseNumber, "paymentReference", reference, "paymentDate", date))));
    }

    private HttpApi api(String user) {
        return HttpApi.as(port, user, PASSWORD);
    }

    private static List<String> cells(byte[] xlsx) throws Exception {
        List<String> texts = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (int sheet = 0; sheet < book.getNumberOfSheets(); sheet++) {
                for (Row row : book.getSheetAt(sheet)) {
                    for (Cell cell : row) {
                        texts.add(cell.toString());
                    }
                }
            }
        }
        return texts;
    }
}
