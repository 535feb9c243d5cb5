package cn.huiqi.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.casefile.RewardStatus;
import cn.huiqi.enterprise.Enterprise;
import cn.huiqi.enterprise.EnterpriseRegister;
import cn.huiqi.fund.FundEntry;
import cn.huiqi.fund.FundLedger;
import cn.huiqi.testsupport.AppStarts;
import cn.huiqi.testsupport.TestEnterprises;
import cn.huiqi.testsupport.TestUsers;

/**
 * The app stops in the middle of a settlement and starts again on the same MariaDB database: the
 * settlement goes on from where it stood, and no case is committed, announced or paid twice.
 */
class SettlementRestartOnMariaDbTest {

    private static final String DATABASE = "huiqi_settlement_restart";
    private static final String PASSWORD = "Restart-Test-2023";

    @Test
    void aSettlementInterruptedByARestartResumesWithNothingLostOrDoubled() {
        List<String> caseNumbers = new ArrayList<>();
        String[] settlementProcess = new String[1];

        // first start: three approved measure 1 cases wait; 市工信局 starts the settlement; the app stops
        // before the settling job has run
        AppStarts.run(DATABASE, List.of(), app -> {
            people(app);
            for (int i = 0; i < 3; i++) {
                caseNumbers.add(approvedOrder(app));
            }
            settlementProcess[0] = app.getBean(SettlementAllocation.class).start("M1", "rs-gxj").getProcessInstanceId();
            assertThat(jobs(app, settlementProcess[0])).hasSize(1);
        });

        // second start: the pending job settles; running the jobs again settles nothing twice; stop again
        AppStarts.run(DATABASE, List.of(), app -> {
            runJobs(app, settlementProcess[0], "Task_Settle");
            runJobs(app, settlementProcess[0], "Task_Settle");
            for (String caseNumber : caseNumbers) {
                CaseRecord caseRecord = caseOf(app, caseNumber);
                assertThat(caseRecord.getStatus()).isEqualTo(RewardStatus.PUBLIC_NOTICE.name());
                assertThat(entries(app, caseRecord, FundEntry.Kind.COMMIT)).isEqualTo(1);
            }
            assertThat(app.getBean(SettlementRepository.class).findAll()).hasSize(1);
            assertThat(app.getBean(SettlementLineRepository.class).findAll()).hasSize(3);
        });

        // third start: the notice period ends, finance pays each case (one twice); all paid exactly once
        AppStarts.run(DATABASE, List.of(), app -> {
            runJobs(app, settlementProcess[0], "Timer_NoticePeriod");
            runJobs(app, settlementProcess[0], "Task_EndNotice");
            Settlement settlement = app.getBean(SettlementRepository.class).findAll().get(0);
            SettlementPayments payments = app.getBean(SettlementPayments.class);
            for (String caseNumber : caseNumbers) {
                as(app, "rs-czj", () -> payments.confirm(settlement.getId(),
                        List.of(new SettlementPayments.Confirmation(caseNumber, "CZ-" + caseNumber, "2023-12-01")), "rs-czj"));
            }
            as(app, "rs-czj", () -> payments.confirm(settlement.getId(), List.of(new SettlementPayments.Confirmation(
                    caseNumbers.get(0), "CZ-" + caseNumbers.get(0), "2023-12-01")), "rs-czj"));
            for (String caseNumber : caseNumbers) {
                CaseRecord caseRecord = caseOf(app, caseNumber);
                assertThat(caseRecord.getStatus()).isEqualTo(RewardStatus.PAID.name());
                assertThat(entries(app, caseRecord, FundEntry.Kind.PAY)).isEqualTo(1);
            }
            assertThat(app.getBean(FundLedger.class).balance("M1").paid()).isEqualByComparingTo("600000.00");
            assertThat(app.getBean(RuntimeService.class).createProcessInstanceQuery()
                    .processInstanceId(settlementProcess[0]).count()).as("the settlement has ended").isZero();
        });
    }

    static void people(ConfigurableApplicationContext app) {
        IdentityService identity = app.getBean(IdentityService.class);
        for (String[] person : new String[][]{{"rs-ent", "enterprise"}, {"rs-donghu", "donghu"}, {"rs-gxj", "gxj"},
                {"rs-swj", "swj"}, {"rs-czj", "czj"}}) {
            TestUsers.person(identity, person[0], person[1], PASSWORD);
        }
        EnterpriseRegister register = app.getBean(EnterpriseRegister.class);
        Enterprise enterprise = register.register(new EnterpriseRegister.Registration("91360102MA35HQ1D2F", "南昌重启测试有限公司",
                "donghu", "王五", "0791-80000001", null, "中国工商银行南昌东湖支行", "1502200009000012345"));
        register.bind(enterprise, "rs-ent");
    }

    static String approvedOrder(ConfigurableApplicationContext app) {
        Map<String, Object> order = new HashMap<>();
        order.put("counterparty", "上海某某贸易有限公司");
        order.put("contractNumber", "HT-" + UUID.randomUUID());
        order.put("signingDate", "2023-08-01");
        order.put("orderAmount", "250000000.00");
        order.put("executionEvidence", "发货单");
        Map<String, Object> form = new HashMap<>(Map.of("orders", List.of(order)));
        String applicant = TestEnterprises.freshUser(app, "donghu", PASSWORD); // one measure 1 application per enterprise
        String businessKey = as(app, applicant,
                () -> app.getBean(RuntimeService.class).startProcessInstanceByKey("m1-order-reward", form).getBusinessKey());
        complete(app, businessKey, "Task_LocalityVerification", "donghu", "rs-donghu");
        complete(app, businessKey, "Task_CityReview", "gxj", "rs-gxj");
        complete(app, businessKey, "Task_CityReview", "swj", "rs-swj");
        assertThat(caseOf(app, businessKey).getStatus()).isEqualTo(RewardStatus.AWAITING_SETTLEMENT.name());
        return businessKey;
    }

    private static void complete(ConfigurableApplicationContext app, String businessKey, String activity, String group, String user) {
        TaskService tasks = app.getBean(TaskService.class);
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(activity)
                .taskCandidateGroup(group).singleResult();
        as(app, user, () -> {
            tasks.complete(task.getId(), activity.equals("Task_LocalityVerification")
                    ? Map.of("decision", "approve", "orderVerification", List.of(Map.of("line", 1, "result", "accept")))
                    : Map.of("decision", "approve"));
            return null;
        });
    }

    private static List<Job> jobs(ConfigurableApplicationContext app, String processInstanceId) {
        return app.getBean(ManagementService.class).createJobQuery().processInstanceId(processInstanceId).list();
    }

    private static void runJobs(ConfigurableApplicationContext app, String processInstanceId, String activityId) {
        ManagementService management = app.getBean(ManagementService.class);
        for (Job job; (job = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
                .singleResult()) != null; ) {
            management.executeJob(job.getId());
        }
    }

    static CaseRecord caseOf(ConfigurableApplicationContext app, String caseNumber) {
        return app.getBean(CaseRecordRepository.class).findByCaseNumber(caseNumber).orElseThrow();
    }

    static long entries(ConfigurableApplicationContext app, CaseRecord caseRecord, FundEntry.Kind kind) {
        return app.getBean(FundLedger.class).entriesOf(caseRecord.getId()).stream().filter(e -> e.getKind() == kind).count();
    }

    private static <T> T as(ConfigurableApplicationContext app, String userId, Supplier<T> work) {
        return TestUsers.as(app.getBean(IdentityService.class), userId, work);
    }
}
