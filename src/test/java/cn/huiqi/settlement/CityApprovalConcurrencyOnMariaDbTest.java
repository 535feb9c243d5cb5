package cn.huiqi.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.huiqi.casefile.CaseEventRepository;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.casefile.RewardStatus;
import cn.huiqi.enterprise.EnterpriseRegister;
import cn.huiqi.fund.FundLedger;
import cn.huiqi.fund.PoolBalance;
import cn.huiqi.testsupport.MariaDbTestDatabase;
import cn.huiqi.testsupport.TestEnterprises;
import cn.huiqi.testsupport.TestUsers;

/**
 * 60 city approvals of measure 1 rewards of 200,000.00 at the same moment, through the real review
 * chain on MariaDB: the 500万 pool takes exactly 25 reservations, the other 35 approvals get a clear
 * "pool exhausted" line in their timeline and wait for settlement; never a yuan beyond the cap.
 */
@ActiveProfiles("mysql")
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
class CityApprovalConcurrencyOnMariaDbTest {

    private static final int APPROVALS = 60;
    private static final String PASSWORD = "Concurrency-2023";

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        // its own database (docs/testing.md): an untouched M1 pool
        MariaDbTestDatabase.register(registry, "huiqi_city_concurrency");
    }

    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    EnterpriseRegister register;
    @Autowired
    CaseRecordRepository cases;
    @Autowired
    CaseEventRepository events;
    @Autowired
    FundLedger ledger;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void sixtySimultaneousCityApprovalsNeverReserveBeyondTheMeasureOnePool() throws Exception {
        people();
        List<String> lastApprovals = new ArrayList<>();
        for (int i = 0; i < APPROVALS; i++) {
            String businessKey = apply();
            complete(businessKey, "Task_LocalityVerification", "donghu", "cc-donghu");
            complete(businessKey, "Task_CityReview", "gxj", "cc-gxj");
            lastApprovals.add(task(businessKey, "Task_CityReview", "swj").getId());
        }

        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Void>> done = new ArrayList<>();
        for (String taskId : lastApprovals) {
            done.add(pool.submit(() -> {
                gate.await();
                as("cc-swj", () -> {
                    taskService.complete(taskId, Map.of("decision", "approve"));
                    return null;
                });
                return null;
            }));
        }
        gate.countDown();
        for (Future<Void> f : done) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<CaseRecord> all = cases.findAll();
        assertThat(all).hasSize(APPROVALS).allSatisfy(c -> assertThat(c.getStatus()).isEqualTo(RewardStatus.AWAITING_SETTLEMENT.name()));
        long reserved = all.stream().filter(c -> has(c, "FUNDS_RESERVED")).count();
        long exhausted = all.stream().filter(c -> has(c, "FUNDS_NOT_RESERVED")).count();
        assertThat(reserved).isEqualTo(25);
        assertThat(exhausted).isEqualTo(35);
        assertThat(all).allSatisfy(c -> assertThat(has(c, "FUNDS_RESERVED") ^ has(c, "FUNDS_NOT_RESERVED")).isTrue());
        assertThat(events.findAll()).filteredOn(e -> e.getAction().equals("FUNDS_NOT_RESERVED"))
                .allSatisfy(e -> assertThat(e.getDetail()).contains("资金池已用尽").contains("pool exhausted"));
        PoolBalance m1 = ledger.balance("M1");
        assertThat(m1.reserved()).isEqualByComparingTo("5000000.00");
        assertThat(m1.reserved().add(m1.committed()).add(m1.paid())).isLessThanOrEqualTo(m1.cap());
        BigDecimal stored = jdbc.queryForObject("SELECT reserved FROM fund_pool WHERE id = 'M1'", BigDecimal.class);
        assertThat(stored).isEqualByComparingTo(m1.reserved());
    }

    private boolean has(CaseRecord caseRecord, String action) {
        return events.findByCaseIdOrderByOccurredAtAscIdAsc(caseRecord.getId()).stream().anyMatch(e -> e.getAction().equals(action));
    }

    private String apply() {
        Map<String, Object> order = new HashMap<>();
        order.put("counterparty", "上海某某贸易有限公司");
        order.put("contractNumber", "HT-" + UUID.randomUUID());
        order.put("signingDate", "2023-09-01");
        order.put("orderAmount", "200000000.00");
        order.put("executionEvidence", "发货单");
        Map<String, Object> form = new HashMap<>(Map.of("orders", List.of(order)));
        String applicant = TestEnterprises.freshUser(context, "donghu", PASSWORD); // one measure 1 application per enterprise
        return as(applicant, () -> runtimeService.startProcessInstanceByKey("m1-order-reward", form).getBusinessKey());
    }

    private Task task(String businessKey, String activity, String group) {
        return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(activity)
                .taskCandidateGroup(group).singleResult();
    }

    private void complete(String businessKey, String activity, String group, String user) {
        String taskId = task(businessKey, activity, group).getId();
        as(user, () -> {
            taskService.complete(taskId, activity.equals("Task_LocalityVerification")
                    ? Map.of("decision", "approve", "orderVerification", List.of(Map.of("line", 1, "result", "accept")))
                    : Map.of("decision", "approve"));
            return null;
        });
    }

    private void people() {
        for (String[] person : new String[][]{{"cc-ent", "enterprise"}, {"cc-donghu", "donghu"}, {"cc-gxj", "gxj"}, {"cc-swj", "swj"}}) {
            TestUsers.person(identityService, person[0], person[1], PASSWORD);
        }
        register.bind(register.register(new EnterpriseRegister.Registration("91360102MA35HQ1D2F", "南昌并发测试有限公司", "donghu",
                "赵六", "0791-80000002", null)), "cc-ent");
    }

    private <T> T as(String userId, Supplier<T> work) {
        return TestUsers.as(identityService, userId, work);
    }
}
