package cn.huiqi.testsupport;

import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import cn.huiqi.casefile.CaseEventRepository;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.claim.RewardClaim;
import cn.huiqi.claim.RewardClaims;
import cn.huiqi.round.RoundCalendar;
import cn.huiqi.settlement.SettlementAllocation;
import cn.huiqi.settlement.SettlementPayments;
import cn.huiqi.settlement.SettlementRepository;

/**
 * Starts and drives cases as the demo users of the quick start would, through the engine's Java API,
 * on one shared in-memory H2 application context (job executor off: tests run timers themselves; the engine's
 * metrics reporter off: every 15 minutes it writes a row per meter from a thread of its own, which
 * orderreward.CaseFootprintTest would count as a step's statements).
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:processes;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE",
        "camunda.bpm.job-execution.enabled=false",
        "camunda.bpm.metrics.db-reporter-activate=false"})
public abstract class ProcessTestSupport {

    @Autowired
    protected ProcessEngine processEngine;
    @Autowired
    protected RuntimeService runtimeService;
    @Autowired
    protected TaskService taskService;
    @Autowired
    protected FormService formService;
    @Autowired
    protected IdentityService identityService;
    @Autowired
    protected CaseRecordRepository cases;
    @Autowired
    protected RewardClaims claims;
    @Autowired
    protected CaseEventRepository events;
    @Autowired
    protected SettlementRepository settlements;
    @Autowired
    protected SettlementPayments payments;
    @Autowired
    protected SettlementAllocation settlementAllocation;
    @Autowired
    protected org.springframework.context.ApplicationContext context;
    /** "Today" of the application rounds; a test may set it ({@code doReturn(date).when(roundCalendar).today()}), reset after each test. */
    @MockitoSpyBean
    protected RoundCalendar roundCalendar;

    @BeforeEach
    void initAssertions() {
        init(processEngine);
    }

    @AfterEach
    void signOut() {
        identityService.clearAuthentication();
    }

    protected ProcessInstance apply(String enterpriseUser, String processKey, Map<String, Object> form) {
        return as(enterpriseUser, () -> runtimeService.startProcessInstanceByKey(processKey, form));
    }

    protected <T> T as(String userId, Supplier<T> work) {
        return TestUsers.as(identityService, userId, work);
    }

    protected void completeAs(String userId, Task task, Map<String, Object> variables) {
        TestUsers.complete(identityService, taskService, userId, task.getId(), variables);
    }

    /** The shared review chain (call activity) of a measure's case, running or ended. */
    protected ProcessInstance review(ProcessInstance instance) {
        ProcessInstance running = runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).singleResult();
        if (running != null) {
            return running;
        }
        HistoricProcessInstance ended = processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .superProcessInstanceId(instance.getId()).singleResult();
        if (ended == null) {
            throw new AssertionError("case " + instance.getBusinessKey() + " never reached review");
        }
        return new EndedInstance(ended.getId(), ended.getBusinessKey(), ended.getProcessDefinitionKey());
    }

    /** An ended process instance, for camunda-bpm-assert (it reads history by id). */
    private record EndedInstance(String id, String businessKey, String processDefinitionKey) implements ProcessInstance {
        public String getId() { return id; }
        public String getProcessInstanceId() { return id; }
        public String getBusinessKey() { return businessKey; }
        public String getProcessDefinitionId() { return null; }
        public String getRootProcessInstanceId() { return null; }
        public String getCaseInstanceId() { return null; }
        public boolean isSuspended() { return false; }
        public boolean isEnded() { return true; }
        public String getTenantId() { return null; }
        public String getProcessDefinitionKey() { return processDefinitionKey; }
        public String getRestartedProcessInstanceId() { return null; }
    }

    /** Tasks of a case, in whichever process instance of the case they are (business key = case number). */
    protected Task taskFor(ProcessInstance instance, String activityId, String candidateGroup) {
        return taskService.createTaskQuery().processInstanceBusinessKey(caseOf(instance).getCaseNumber())
                .taskDefinitionKey(activityId).taskCandidateGroup(candidateGroup).singleResult();
    }

    /** The form a task list names for the task (REST and Tasklist list tasks with their forms resolved). */
    protected String formOf(Task task) {
        Task listed = taskService.createTaskQuery().taskId(task.getId()).initializeFormKeys().singleResult();
        return listed.getCamundaFormRef() == null ? null : listed.getCamundaFormRef().getKey();
    }

    protected Task singleTask(ProcessInstance instance, String activityId) {
        return taskService.createTaskQuery().processInstanceBusinessKey(caseOf(instance).getCaseNumber())
                .taskDefinitionKey(activityId).singleResult();
    }

    protected RewardClaim claimOf(ProcessInstance instance) {
        return claims.of(caseOf(instance));
    }

    protected CaseRecord caseOf(ProcessInstance instance) {
        return cases.findByProcessInstanceId(instance.getId()).orElseThrow();
    }

    protected List<String> timelineActions(ProcessInstance instance) {
        return events.findByCaseIdOrderByOccurredAtAscIdAsc(caseOf(instance).getId()).stream().map(e -> e.getAction()).toList();
    }

    /** 市工信局 settles a measure (as POST /api/settlements does) and the settling jobs run, a few cases each. */
    protected ProcessInstance settle(String measure) {
        String processInstanceId = settlementAllocation.start(measure, "gxj-reviewer").getProcessInstanceId();
        ProcessInstance settlement = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        runJobs(settlement, "Task_Settle");
        return settlement;
    }

    /** The settlement's notice period is over: the timer and the jobs that form the batch run. */
    protected void endNotice(ProcessInstance settlement) {
        execute(job("Timer_NoticePeriod", settlement));
        runJobs(settlement, "Task_EndNotice");
    }

    /** Runs the jobs of one step until it has none left (steps that loop queue one job after the other). */
    protected void runJobs(ProcessInstance instance, String activityId) {
        ManagementService management = processEngine.getManagementService();
        for (Job job; (job = management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .singleResult()) != null; ) {
            management.executeJob(job.getId());
        }
    }

    protected long settlementId(ProcessInstance settlement) {
        return settlements.findByProcessInstanceId(settlement.getId()).orElseThrow().getId();
    }

    /** 市财政局 confirms the payment of one case of the batch. */
    protected void pay(ProcessInstance settlement, ProcessInstance instance, String reference, String date) {
        as("czj-finance", () -> payments.confirm(settlementId(settlement),
                List.of(new SettlementPayments.Confirmation(caseOf(instance).getCaseNumber(), reference, date)), "czj-finance"));
    }

    /** A new enterprise in the locality with a user bound to it (measure 1: one application per enterprise). */
    protected String newEnterpriseUser(String locality) {
        return TestEnterprises.freshUser(context, locality, "demo-" + System.nanoTime());
    }

    /** A measure 1 application listing these orders, each {amount, signing date}. */
    public static Map<String, Object> orders(String... amountAndDate) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < amountAndDate.length; i += 2) {
            Map<String, Object> row = new HashMap<>();
            row.put("counterparty", "上海某某贸易有限公司");
            row.put("contractNumber", "HT-" + java.util.UUID.randomUUID());
            row.put("orderAmount", amountAndDate[i]);
            row.put("signingDate", amountAndDate[i + 1]);
            row.put("executionEvidence", "发货单 FH-00" + (i / 2 + 1) + "、增值税发票 1234567" + (i / 2));
            rows.add(row);
        }
        Map<String, Object> form = new HashMap<>();
        form.put("orders", rows);
        return form;
    }

    /** The locality approves a measure 1 case, accepting each of its orders (1..count). */
    public static Map<String, Object> approveAccepting(int count) {
        Map<String, Object> variables = decision("approve", null);
        List<Map<String, Object>> results = new java.util.ArrayList<>();
        for (int line = 1; line <= count; line++) {
            results.add(Map.of("line", line, "result", "accept"));
        }
        variables.put("orderVerification", results);
        return variables;
    }

    public static Map<String, Object> decision(String decision, String comment) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("decision", decision);
        variables.put("comment", comment);
        return variables;
    }
}
