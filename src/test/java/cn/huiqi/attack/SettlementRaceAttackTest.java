package cn.huiqi.attack;

import static cn.huiqi.testsupport.HttpApi.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.fund.FundFigures;
import cn.huiqi.fund.FundLedger;
import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.TestEnterprises;
import cn.huiqi.testsupport.TestUsers;

/**
 * Item 6 of issue 9, settlement races, over HTTP on MariaDB: a settlement with nothing awaiting, two
 * settlement starts for one measure at the same moment, a start while one is being settled, and 12
 * identical payment confirmations at once (once 9 × 500) plus 12 with different references. Each answer is
 * 202/200 for the one that acts and a bilingual 409 (or an idempotent 200) for the others; never a 500,
 * never a second or empty settlement, never a second payment.
 */
class SettlementRaceAttackTest extends OnMariaDbWithWebapps {

    private static final String PASSWORD = "Race-Attack-2023";

    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    ApplicationContext context;
    @Autowired
    FundLedger ledger;
    @Autowired
    FundFigures figures;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void settlementRacesNeitherMakeASecondOrEmptySettlementNorPayTwiceNorAnswer500() throws Exception {
        people();

        // nothing awaiting settlement: 409, and no settlement, no process
        HttpResponse<String> empty = api("ra-gxj").post("/api/settlements", "{\"measure\":\"M1\"}");
        AttackLedger.record("settlement-empty", empty.statusCode() == 409 && settlements() == 0 && settlementProcesses() == 0,
                "settlement with nothing awaiting: " + empty.statusCode() + " " + empty.body());
        assertThat(empty.statusCode()).isEqualTo(409);
        assertThat(bilingual(empty)).contains("没有待结算的案件").contains("No case of M1 is awaiting settlement");
        assertThat(settlements()).isZero();
        assertThat(settlementProcesses()).isZero();

        List<String> caseNumbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            caseNumbers.add(approvedOrder());
        }

        // two starts at the same moment: one settlement, the other 409 naming it
        List<HttpResponse<String>> starts = concurrently(2, () -> api("ra-gxj").post("/api/settlements", "{\"measure\":\"M1\"}"));
        HttpResponse<String> started = starts.stream().filter(r -> r.statusCode() == 202).findFirst().orElseThrow();
        long settlementId = HttpApi.json(started).get("settlementId").asLong();
        HttpResponse<String> second = starts.stream().filter(r -> r != started).findFirst().orElseThrow();
        AttackLedger.record("settlement-concurrent-start", second.statusCode() == 409 && settlements() == 1,
                "second simultaneous settlement start: " + second.statusCode() + " " + second.body());
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(bilingual(second)).contains("第 " + settlementId + " 批结算正在核定中").contains("Settlement " + settlementId + " of M1");
        assertThat(settlements()).isOne();
        assertThat(settlementProcesses()).isOne();

        // another start while it is being settled: 409 naming it
        HttpResponse<String> third = api("ra-gxj").post("/api/settlements", "{\"measure\":\"M1\"}");
        AttackLedger.record("settlement-concurrent-start", third.statusCode() == 409 && settlements() == 1,
                "start while one is being settled: " + third.statusCode());
        assertThat(third.statusCode()).isEqualTo(409);
        assertThat(bilingual(third)).contains("Settlement " + settlementId);

        String process = HttpApi.json(started).get("processInstanceId").asText();
        runJobs(process, "Task_Settle");
        runJobs(process, "Timer_NoticePeriod");
        runJobs(process, "Task_EndNotice");
        assertThat(api("ra-czj").getJson("/api/settlements/" + settlementId).get("status").asText()).isEqualTo("DISBURSEMENT");

        // 12 identical payment confirmations at once: one pays, the others answer 200 (the same payment) or 409
        String payment = "{\"payments\":[{\"caseNumber\":\"" + caseNumbers.get(0)
                + "\",\"paymentReference\":\"CZ-RACE-0001\",\"paymentDate\":\"2023-12-01\"}]}";
        List<HttpResponse<String>> confirmations = concurrently(12,
                () -> api("ra-czj").post("/api/settlements/" + settlementId + "/payments", payment));
        long payEntries = payEntries(caseNumbers.get(0));
        for (HttpResponse<String> answer : confirmations) {
            AttackLedger.record("payment-confirmation-race", (answer.statusCode() == 200 || answer.statusCode() == 409) && payEntries == 1,
                    "identical confirmation: " + answer.statusCode() + " " + answer.body());
        }
        assertThat(confirmations).extracting(HttpResponse::statusCode).allMatch(s -> s == 200 || s == 409).contains(200);
        assertThat(payEntries).isOne();

        // 12 confirmations of one case with different references at once: one pays, 11 × 409
        String contested = caseNumbers.get(1);
        List<HttpResponse<String>> different = concurrently(12, () -> api("ra-czj").post("/api/settlements/" + settlementId
                + "/payments", "{\"payments\":[{\"caseNumber\":\"" + contested + "\",\"paymentReference\":\"CZ-" + UUID.randomUUID()
                + "\",\"paymentDate\":\"2023-12-01\"}]}"));
        long contestedPays = payEntries(contested);
        assertThat(different).extracting(HttpResponse::statusCode).containsOnly(200, 409);
        assertThat(different).filteredOn(r -> r.statusCode() == 200).hasSize(1);
        for (HttpResponse<String> answer : different) {
            if (answer.statusCode() != 200) {
                AttackLedger.record("payment-confirmation-race", answer.statusCode() == 409 && contestedPays == 1,
                        "second reference for one case: " + answer.statusCode());
                assertThat(bilingual(answer)).contains("已以凭证号").contains("was already paid");
            }
        }
        assertThat(contestedPays).isOne();

        // the ledger: exactly the two payments, and its running figures agree with its entries
        assertThat(ledger.balance("M1").paid()).isEqualByComparingTo("200000.00");
        assertThat(figures.check()).allSatisfy(pool -> assertThat(pool.consistent()).isTrue());
    }

    private String bilingual(HttpResponse<String> response) {
        JsonNode error = HttpApi.json(response).get("errors").get(0);
        return error.get("zh").asText() + " | " + error.get("en").asText();
    }

    private long settlements() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM settlement", Long.class);
    }

    private long settlementProcesses() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'fund-settlement'", Long.class);
    }

    private long payEntries(String caseNumber) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM fund_entry e JOIN case_record c ON c.id = e.case_id "
                + "WHERE c.case_number = ? AND e.kind = 'PAY'", Long.class, caseNumber);
    }

    private void runJobs(String processInstanceId, String activityId) {
        for (Job job; (job = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
                .singleResult()) != null; ) {
            managementService.executeJob(job.getId());
        }
    }

    private void people() {
        for (String[] person : new String[][]{{"ra-donghu", "donghu"}, {"ra-gxj", "gxj"}, {"ra-swj", "swj"}, {"ra-czj", "czj"}}) {
            TestUsers.person(identityService, person[0], person[1], PASSWORD);
        }
    }

    /**
     * A measure 1 case of CNY 100,000.00 (one order) approved by its locality and both city bureaus, of a new
     * enterprise of donghu: measure 1 takes one application per enterprise.
     */
    private String approvedOrder() {
        String enterpriseUser = TestEnterprises.freshUser(context, "donghu", PASSWORD);
        Map<String, Object> order = new HashMap<>();
        order.put("counterparty", "上海某某贸易有限公司");
        order.put("contractNumber", "HT-" + UUID.randomUUID());
        order.put("signingDate", "2023-08-01");
        order.put("orderAmount", "150000000.00");
        order.put("executionEvidence", "发货单");
        String caseNumber = TestUsers.as(identityService, enterpriseUser,
                () -> runtimeService.startProcessInstanceByKey("m1-order-reward", Map.of("orders", List.of(order))).getBusinessKey());
        approve(caseNumber, "Task_LocalityVerification", "donghu", "ra-donghu",
                Map.of("decision", "approve", "orderVerification", List.of(Map.of("line", 1, "result", "accept"))));
        approve(caseNumber, "Task_CityReview", "gxj", "ra-gxj", Map.of("decision", "approve"));
        approve(caseNumber, "Task_CityReview", "swj", "ra-swj", Map.of("decision", "approve"));
        return caseNumber;
    }

    private void approve(String caseNumber, String activity, String group, String user, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(activity)
                .taskCandidateGroup(group).singleResult();
        TestUsers.as(identityService, user, () -> {
            taskService.complete(task.getId(), variables);
            return null;
        });
    }

    private HttpApi api(String user) {
        return HttpApi.as(port, user, PASSWORD);
    }

    /** The same request from {@code times} threads released together. */
    private static <T> List<T> concurrently(int times, Callable<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(times);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
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
