package cn.huiqi.orderreward;

import static cn.huiqi.testsupport.HttpApi.expect;
import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.enterprise.Uscc;
import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.QuietLoggers;
import cn.huiqi.testsupport.MariaDbTestDatabase;
import cn.huiqi.testsupport.TestUsers;

/**
 * Measure 1 from application to payment over HTTP, on the real MariaDB (profile {@code mysql}), each
 * step done by the user whose unit owns it, through the app's API and Camunda's REST API. The mysql
 * profile has no demo accounts, so this test registers its own people and enterprises.
 */
@ActiveProfiles("mysql")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class OrderRewardLifecycleOnMariaDbTest {

    /** Camunda's command-context logger, which logs a command that fails as it closes at ERROR with its stack trace. */
    private static final String ENGINE_COMMANDS = "org.camunda.bpm.engine.context";


    private static final String PASSWORD = "It-Secret-2023";
    /** 𠮷 (U+20BB7) is four bytes in UTF-8: it breaks a utf8mb3 column and must survive the round trip. */
    private static final String ENTERPRISE_NAME = "南昌𠮷祥精密制造有限公司";
    private static final String COUNTERPARTY = "𠮷野家（上海）贸易有限公司";

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        // its own database (docs/testing.md): settles every M1 case awaiting settlement
        MariaDbTestDatabase.register(registry, "huiqi_test");
    }

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void people() {
        person("it-admin", "camunda-admin");
        person("it-ent", "enterprise");
        person("it-ent-other", "enterprise");
        person("it-donghu", "donghu");
        person("it-xihu", "xihu");
        person("it-gxj", "gxj");
        person("it-swj", "swj");
        person("it-czj", "czj");
        if (jdbc.queryForObject("SELECT COUNT(*) FROM enterprise_user WHERE user_id = 'it-ent'", Integer.class) == 0) {
            long mine = registerEnterprise("91360102MA35HQ1D2F", ENTERPRISE_NAME, "donghu");
            long other = registerEnterprise("91360111MA38GK7X58", "江西另一家企业有限公司", "qingshanhu");
            expect(201, api("it-admin").post("/api/enterprises/" + mine + "/users", "{\"userId\":\"it-ent\"}"));
            expect(201, api("it-admin").post("/api/enterprises/" + other + "/users", "{\"userId\":\"it-ent-other\"}"));
        }
    }

    @Test
    void theDatabaseIsMariaDbWithUtf8mb4() {
        assertThat(jdbc.queryForObject("SELECT VERSION()", String.class)).containsIgnoringCase("mariadb");
        assertThat(jdbc.queryForObject("SELECT @@character_set_database", String.class)).isEqualTo("utf8mb4");
    }

    @Test
    void measureOneFromApplicationToPaymentWithTheRealUserOfEachStep() throws Throwable {
        Map<String, Object> application = application("HT-LIFE-001", "150000000.00");

        // a double click: two identical submissions with one Idempotency-Key, at the same time (the twin that meets the
        // unique key may meet it as the engine closes its command, which the engine logs at ERROR before the replay)
        List<HttpResponse<String>> submits = new java.util.ArrayList<>();
        QuietLoggers.during(() -> submits.addAll(concurrently(2,
                () -> api("it-ent").post("/api/m1/applications", toJson(application), "Idempotency-Key", "click-001"))),
                ENGINE_COMMANDS).call();
        assertThat(submits).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(201, 200);
        String caseNumber = HttpApi.json(submits.get(0)).get("caseNumber").asText();
        assertThat(HttpApi.json(submits.get(1)).get("caseNumber").asText()).isEqualTo(caseNumber);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM m1_order WHERE contract_key = 'HT-LIFE-001'", Integer.class)).isEqualTo(1);

        JsonNode submitted = api("it-ent").getJson("/api/cases/" + caseNumber);
        assertThat(submitted.get("status").asText()).isEqualTo("LOCALITY_VERIFICATION");
        assertThat(submitted.get("rewardAmount").decimalValue()).isEqualByComparingTo("100000.00");
        assertThat(submitted.get("decision").get("key").asText()).isEqualTo("order-reward");
        assertThat(submitted.get("decision").get("version").asInt()).isEqualTo(1);
        assertThat(submitted.get("enterprise").get("name").asText()).isEqualTo(ENTERPRISE_NAME);
        assertThat(submitted.get("application").get("orders").get(0).get("counterparty").asText()).isEqualTo(COUNTERPARTY);

        // another locality neither sees nor completes donghu's verification task
        String verificationTask = onlyTask("it-donghu", caseNumber, "Task_LocalityVerification");
        assertThat(api("it-xihu").getJson("/engine-rest/task?processInstanceBusinessKey=" + caseNumber)).isEmpty();
        assertThat(api("it-xihu").post("/engine-rest/task/" + verificationTask + "/complete", approve()).statusCode())
                .isIn(403, 404);
        assertThat(api("it-xihu").get("/api/cases/" + caseNumber).statusCode()).isEqualTo(403);

        Map<String, Object> verified = new LinkedHashMap<>();
        verified.put("decision", Map.of("value", "approve", "type", "String"));
        verified.put("orderVerification", Map.of("value", "[{\"line\":1,\"result\":\"accept\"}]", "type", "Json"));
        expect(204, api("it-donghu").post("/engine-rest/task/" + verificationTask + "/complete", toJson(Map.of("variables", verified))));
        expect(204, api("it-gxj").post("/engine-rest/task/" + onlyTask("it-gxj", caseNumber, "Task_CityReview") + "/complete", approve()));
        assertThat(api("it-ent").getJson("/api/cases/" + caseNumber).get("status").asText()).isEqualTo("CITY_REVIEW");
        expect(204, api("it-swj").post("/engine-rest/task/" + onlyTask("it-swj", caseNumber, "Task_CityReview") + "/complete", approve()));
        assertThat(api("it-ent").getJson("/api/cases/" + caseNumber).get("status").asText()).isEqualTo("AWAITING_SETTLEMENT");

        // 市工信局 settles measure 1; the settling runs as a job, which the operator executes here
        assertThat(api("it-ent").post("/api/settlements", "{\"measure\":\"M1\"}").statusCode()).isEqualTo(403);
        String settlementProcess = expect(202, api("it-gxj").post("/api/settlements", "{\"measure\":\"M1\"}"))
                .get("processInstanceId").asText();
        runJobsOf(settlementProcess);
        JsonNode settlements = api("it-gxj").getJson("/api/settlements");
        long settlementId = settlements.get("items").get(0).get("id").asLong();
        assertThat(api("it-ent").getJson("/api/cases/" + caseNumber).get("status").asText()).isEqualTo("PUBLIC_NOTICE");
        assertThat(api("it-ent").getJson("/api/cases/" + caseNumber).get("settledAmount").decimalValue()).isEqualByComparingTo("100000.00");
        HttpResponse<byte[]> noticeList = api("it-gxj").getBytes("/api/settlements/" + settlementId + "/notice-list.xlsx");
        assertThat(noticeList.statusCode()).isEqualTo(200);
        assertThat(noticeList.body().length).isGreaterThan(1000);

        // the notice period (5 working days) is over: the operator runs the timer job from Cockpit / REST
        endNoticeOf(settlementProcess);
        assertThat(api("it-ent").getJson("/api/cases/" + caseNumber).get("status").asText()).isEqualTo("DISBURSEMENT");
        assertThat(api("it-czj").getJson("/engine-rest/task?processInstanceId=" + settlementProcess)).hasSize(1);

        HttpResponse<String> futurePayment = api("it-czj").post("/api/settlements/" + settlementId + "/payments",
                payment(caseNumber, "CZ-9", "2999-01-01"));
        assertThat(futurePayment.statusCode()).isEqualTo(400);
        assertThat(futurePayment.body()).contains("paymentDate").contains("支付日期不能晚于今天");
        assertThat(api("it-gxj").post("/api/settlements/" + settlementId + "/payments", payment(caseNumber, "CZ-2023-1108", "2023-11-08"))
                .statusCode()).as("only the finance bureau pays").isEqualTo(403);
        expect(200, api("it-czj").post("/api/settlements/" + settlementId + "/payments", payment(caseNumber, "CZ-2023-1108", "2023-11-08")));

        JsonNode paid = api("it-ent").getJson("/api/cases/" + caseNumber);
        assertThat(paid.get("status").asText()).isEqualTo("PAID");
        assertThat(paid.get("payment").get("reference").asText()).isEqualTo("CZ-2023-1108");
        List<String> actors = new ArrayList<>();
        paid.get("timeline").forEach(entry -> actors.add(entry.get("actor").asText()));
        assertThat(actors).contains("it-ent", "it-donghu", "it-gxj", "it-swj", "it-czj");
        assertThat(paid.get("enterprise").get("name").asText()).isEqualTo(ENTERPRISE_NAME);
        assertThat(paid.get("application").get("orders").get(0).get("counterparty").asText()).isEqualTo(COUNTERPARTY);
        assertThat(paid.get("application").get("orders").get(0).get("verification").asText()).isEqualTo("ACCEPTED");

        // another enterprise cannot read this case, nor find it in its list
        assertThat(api("it-ent-other").get("/api/cases/" + caseNumber).statusCode()).isEqualTo(403);
        assertThat(api("it-ent-other").getJson("/api/cases").get("items")).isEmpty();
        assertThat(api("it-ent-other").getJson("/engine-rest/history/process-instance")).isEmpty();
    }

    @Test
    void aBadApplicationGetsFieldErrorsInChineseAndEnglishAndCreatesNothing() {
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM case_record", Integer.class);
        Map<String, Object> badOrder = order("HT-BAD-1", "12.345");
        badOrder.put("signingDate", "2023/08/01");
        Map<String, Object> bad = Map.of("orders", List.of(badOrder));

        HttpResponse<String> response = api("it-ent").post("/api/m1/applications", toJson(bad), "Idempotency-Key", "bad-1");

        JsonNode errors = expect(400, response).get("errors");
        assertThat(errors).extracting(e -> e.get("field").asText()).containsExactlyInAnyOrder("orders[0].orderAmount", "orders[0].signingDate");
        assertThat(errors).allSatisfy(e -> {
            assertThat(e.get("zh").asText()).isNotBlank();
            assertThat(e.get("en").asText()).isNotBlank();
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_record", Integer.class)).isEqualTo(before);
        assertThat(api("it-ent").post("/api/m1/applications", toJson(application("HT-BAD-2", "60000000")))
                .statusCode()).as("no Idempotency-Key").isEqualTo(400);
    }

    /**
     * Issue 10: one enterprise submits two different applications at the same moment (different keys,
     * different contracts): the database's unique key on (measure, enterprise, subject) lets exactly one
     * case through; the other request is a 409 naming it.
     */
    @Test
    void concurrentSubmissionsOfTwoDifferentApplicationsByOneEnterpriseMakeExactlyOneCase() throws Throwable {
        person("it-ent-race", "enterprise");
        long enterprise = registerEnterprise("91360102MA35RACE0" + Uscc.checkCharacter("91360102MA35RACE0"), "南昌并发申请测试有限公司", "donghu");
        expect(201, api("it-admin").post("/api/enterprises/" + enterprise + "/users", "{\"userId\":\"it-ent-race\"}"));
        int[] attempt = {0};
        List<HttpResponse<String>> answers = new java.util.ArrayList<>();
        QuietLoggers.during(() -> answers.addAll(concurrently(2, () -> {
            int n;
            synchronized (attempt) {
                n = ++attempt[0];
            }
            return api("it-ent-race").post("/api/m1/applications", toJson(application("HT-RACE-" + n, "60000000.00")),
                    "Idempotency-Key", "race-" + n);
        })), ENGINE_COMMANDS).call();

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(201, 409);
        HttpResponse<String> created = answers.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow();
        HttpResponse<String> refused = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        String caseNumber = HttpApi.json(created).get("caseNumber").asText();
        assertThat(HttpApi.json(refused).get("errors").get(0).get("zh").asText()).contains(caseNumber);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_record WHERE measure = 'M1' AND enterprise_id = ?", Integer.class,
                enterprise)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM m1_order o JOIN case_record c ON c.id = o.case_id WHERE c.enterprise_id = ?",
                Integer.class, enterprise)).isEqualTo(1);
    }

    @Test
    void theOpenApiDocumentDescribesTheCaseApi() {
        // profile mysql: the document needs a login (docs/security.md)
        assertThat(HttpApi.anonymous(port).get("/v3/api-docs").statusCode()).isEqualTo(401);
        JsonNode paths = api("it-gxj").getJson("/v3/api-docs").get("paths");
        assertThat(paths.has("/api/m1/applications")).isTrue();
        assertThat(paths.has("/api/cases/{caseNumber}")).isTrue();
        assertThat(paths.has("/api/cases/{caseNumber}/objections")).isTrue();
    }

    @Test
    void withoutCredentialsTheApisAnswer401() {
        HttpApi anonymous = HttpApi.anonymous(port);
        assertThat(anonymous.get("/api/cases").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/engine-rest/task").statusCode()).isEqualTo(401);
        // a wrong password locks the account for a few seconds: use one no other test needs
        person("it-wrong-password", "enterprise");
        assertThat(HttpApi.as(port, "it-wrong-password", "wrong").get("/api/cases").statusCode()).isEqualTo(401);
    }

    private HttpApi api(String user) {
        return HttpApi.as(port, user, PASSWORD);
    }

    private String onlyTask(String user, String caseNumber, String activityId) {
        JsonNode tasks = api(user).getJson("/engine-rest/task?processInstanceBusinessKey=" + caseNumber + "&taskDefinitionKey=" + activityId);
        assertThat(tasks).as(user + " sees exactly one " + activityId).hasSize(1);
        return tasks.get(0).get("id").asText();
    }

    /** Runs the instance's due jobs, and the jobs they queue, until none is due (the notice timer is not). */
    private void runJobsOf(String processInstanceId) {
        for (int round = 0; round < 1000; round++) {
            JsonNode due = api("it-admin").getJson("/engine-rest/job?executable=true&processInstanceId=" + processInstanceId);
            if (due.isEmpty()) {
                return;
            }
            for (JsonNode job : due) {
                expect(204, api("it-admin").post("/engine-rest/job/" + job.get("id").asText() + "/execute", ""));
            }
        }
        throw new AssertionError("the jobs of " + processInstanceId + " never end");
    }

    /** The notice period is over: the operator fires its timer (Cockpit / REST), then the batch is formed. */
    private void endNoticeOf(String processInstanceId) {
        for (JsonNode timer : api("it-admin").getJson("/engine-rest/job?timers=true&processInstanceId=" + processInstanceId)) {
            expect(204, api("it-admin").post("/engine-rest/job/" + timer.get("id").asText() + "/execute", ""));
        }
        runJobsOf(processInstanceId);
    }

    private static String payment(String caseNumber, String reference, String date) {
        return toJson(Map.of("payments", List.of(Map.of("caseNumber", caseNumber, "paymentReference", reference, "paymentDate", date))));
    }

    private static String approve() {
        return variables(Map.of("decision", "approve"));
    }

    private static String variables(Map<String, String> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value, "type", "String")));
        return toJson(Map.of("variables", variables));
    }

    /** One order of a measure 1 application. */
    private static Map<String, Object> order(String contract, String amount) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("counterparty", COUNTERPARTY);
        order.put("contractNumber", contract);
        order.put("signingDate", "2023-08-18");
        order.put("orderAmount", amount);
        order.put("executionEvidence", "出库单 CK-2023-0818；发票 No.00112233");
        return order;
    }

    private static Map<String, Object> application(String contract, String amount) {
        return new LinkedHashMap<>(Map.of("orders", List.of(order(contract, amount))));
    }

    private long registerEnterprise(String uscc, String name, String locality) {
        Map<String, Object> body = Map.of("uscc", uscc, "name", name, "localityUnitId", locality,
                "contactName", "𠮷经理", "contactPhone", "0791-80000000");
        return expect(201, api("it-admin").post("/api/enterprises", toJson(body))).get("id").asLong();
    }

    private void person(String userId, String groupId) {
        TestUsers.person(identityService, userId, groupId, PASSWORD);
    }

    private static <T> List<T> concurrently(int times, Callable<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(times);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                futures.add(pool.submit(work));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
