package cn.huiqi.attack;

import static cn.huiqi.testsupport.HttpApi.expect;
import static cn.huiqi.testsupport.HttpApi.toJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.huiqi.enterprise.Uscc;
import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.SharedMariaDbApp;
import cn.huiqi.testsupport.TestUsers;

/**
 * The attack suite's application: the shared one on MariaDB ({@link SharedMariaDbApp}), over HTTP, with one person per role:
 * the applicant (the user of a new enterprise of locality donghu for each case: measure 1 takes one
 * application per enterprise), enterprise B's user (qingshanhu), the case's locality, another locality,
 * each city unit, policy staff, an auditor and an administrator. Drives measure-1 cases to each step as
 * the legitimate users would; the subclasses then attack the step.
 */
abstract class CaseAttackBase extends SharedMariaDbApp {

    static final String PASSWORD = "Attack-Secret-2023";
    static final String ADMIN = "atk-admin";
    static final String OTHER_ENTERPRISE = "atk-ent-b";
    static final String LOCALITY = "atk-donghu";
    static final String OTHER_LOCALITY = "atk-xihu";
    static final String POLICY = "atk-policy";
    static final String AUDITOR = "atk-auditor";
    /** user per city unit */
    static final Map<String, String> CITY = new TreeMap<>(Map.of("gxj", "atk-gxj", "swj", "atk-swj", "czj", "atk-czj",
            "jrb", "atk-jrb", "zxqyj", "atk-zxqyj", "ctjt", "atk-ctjt", "szxbm", "atk-szxbm"));

    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    FormService formService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    JdbcTemplate jdbc;

    /** Every case's applicant, by case number. */
    private static final Map<String, String> APPLICANTS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicInteger ENTERPRISES = new java.util.concurrent.atomic.AtomicInteger();

    /** Everyone but the administrator, who attacks separately: the case's applicant and every other role. */
    static List<String> roles(String applicant) {
        List<String> users = new ArrayList<>(List.of(applicant, OTHER_ENTERPRISE, LOCALITY, OTHER_LOCALITY, POLICY, AUDITOR));
        users.addAll(CITY.values());
        return users;
    }

    @BeforeEach
    void people() {
        person(ADMIN, "camunda-admin");
        person(OTHER_ENTERPRISE, "enterprise");
        person(LOCALITY, "donghu");
        person(OTHER_LOCALITY, "xihu");
        person(POLICY, "policy-admin");
        person(AUDITOR, "auditor");
        CITY.forEach((unit, user) -> person(user, unit));
        if (jdbc.queryForObject("SELECT COUNT(*) FROM enterprise_user WHERE user_id = ?", Integer.class, OTHER_ENTERPRISE) == 0) {
            long b = registerEnterprise("91360111MA38GK7X58", "江西乙科技有限公司", "qingshanhu");
            expect(201, api(ADMIN).post("/api/enterprises/" + b + "/users", "{\"userId\":\"" + OTHER_ENTERPRISE + "\"}"));
        }
    }

    HttpApi api(String user) {
        return HttpApi.as(port, user, PASSWORD);
    }

    /**
     * The user of a new enterprise of locality donghu that has not applied yet, registered and bound by
     * the administrator as in production.
     */
    String newApplicant() {
        int n = ENTERPRISES.incrementAndGet();
        String userId = "atk-ent-" + n;
        person(userId, "enterprise");
        String first17 = "91360102AT" + String.format("%07d", n);
        long enterprise = registerEnterprise(first17 + Uscc.checkCharacter(first17), "南昌甲" + n + "号精密制造有限公司", "donghu");
        expect(201, api(ADMIN).post("/api/enterprises/" + enterprise + "/users", "{\"userId\":\"" + userId + "\"}"));
        return userId;
    }

    /** A new measure-1 case (one order) of a new enterprise of locality donghu, at locality verification. */
    String newCase() {
        String applicant = newApplicant();
        String caseNumber = expect(201, api(applicant).post("/api/m1/applications", toJson(Map.of("orders", List.of(order("出库单 CK-2023-0818")))),
                "Idempotency-Key", UUID.randomUUID().toString())).get("caseNumber").asText();
        APPLICANTS.put(caseNumber, applicant);
        return caseNumber;
    }

    /** A new measure-7 demand of a new enterprise of locality donghu, raised by it, at acceptance (Task_Accept). */
    String newDemand() {
        String applicant = newApplicant();
        String caseNumber = expect(201, api(applicant).post("/api/assistance/demands", toJson(Map.of("category", "RECRUITMENT",
                "title", "急需招聘焊工", "description", "扩产后缺少熟练焊工二十名。")), "Idempotency-Key", UUID.randomUUID().toString()))
                .get("caseNumber").asText();
        APPLICANTS.put(caseNumber, applicant);
        return caseNumber;
    }

    /** A case made elsewhere (e.g. a measure 7 demand) whose applicant is this user. */
    static void madeFor(String caseNumber, String applicant) {
        APPLICANTS.put(caseNumber, applicant);
    }

    /** The user who applied for the case (the only user of its enterprise). */
    static String applicantOf(String caseNumber) {
        String applicant = APPLICANTS.get(caseNumber);
        if (applicant == null) {
            throw new AssertionError("case " + caseNumber + " was not made by newCase()");
        }
        return applicant;
    }

    /** One order of a measure-1 application: 60 million signed in the window, a contract number of its own. */
    static Map<String, Object> order(String executionEvidence) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("counterparty", "上海某贸易有限公司");
        order.put("contractNumber", "ATK-" + UUID.randomUUID());
        order.put("signingDate", "2023-08-18");
        order.put("orderAmount", "60000000.00");
        order.put("executionEvidence", executionEvidence);
        return order;
    }

    /** The locality's approval of a one-order case: the order accepted (approving needs a result per order). */
    static Map<String, Object> approveTheOrder() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("decision", "approve");
        variables.put("orderVerification", List.of(Map.of("line", 1, "result", "accept")));
        return variables;
    }

    /** The same over /engine-rest: orderVerification as the Json variable Tasklist sends. */
    static Map<String, Object> approveTheOrderOverRest() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("decision", string("approve"));
        variables.put("orderVerification", json("[{\"line\":1,\"result\":\"accept\"}]"));
        return variables;
    }

    Task task(String caseNumber, String taskKey) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskKey).list();
        if (tasks.isEmpty()) {
            throw new AssertionError("case " + caseNumber + " has no task " + taskKey);
        }
        return tasks.get(0);
    }

    Task cityTask(String caseNumber, String unit) {
        return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("Task_CityReview")
                .taskCandidateGroup(unit).singleResult();
    }

    /** Completes a task as the user, through the engine's Java API (the guard checks it like any request). */
    void complete(String user, Task task, Map<String, Object> variables) {
        TestUsers.as(identityService, user, () -> {
            taskService.complete(task.getId(), variables);
            return null;
        });
    }

    String atLocalitySupplement() {
        String caseNumber = newCase();
        complete(LOCALITY, task(caseNumber, "Task_LocalityVerification"), Map.of("decision", "sendBack", "comment", "请补充发票"));
        return caseNumber;
    }

    String atCityReview() {
        String caseNumber = newCase();
        complete(LOCALITY, task(caseNumber, "Task_LocalityVerification"), approveTheOrder());
        return caseNumber;
    }

    String atCitySupplement() {
        String caseNumber = atCityReview();
        complete(CITY.get("gxj"), cityTask(caseNumber, "gxj"), Map.of("decision", "sendBack", "comment", "请补充合同"));
        return caseNumber;
    }

    String awaitingSettlement() {
        String caseNumber = atCityReview();
        complete(CITY.get("gxj"), cityTask(caseNumber, "gxj"), Map.of("decision", "approve"));
        complete(CITY.get("swj"), cityTask(caseNumber, "swj"), Map.of("decision", "approve"));
        return caseNumber;
    }

    /** A settlement of measure 1 at its payment batch; returns its process instance id. */
    String atPaymentBatch() {
        awaitingSettlement();
        String settlement = expect(202, api(CITY.get("gxj")).post("/api/settlements", "{\"measure\":\"M1\"}"))
                .get("processInstanceId").asText();
        runDueJobs(settlement); // the settling steps, a few cases per job
        for (Job timer : managementService.createJobQuery().processInstanceId(settlement).timers().list()) {
            managementService.executeJob(timer.getId()); // the notice period is over
        }
        runDueJobs(settlement); // the steps that form the batch
        return settlement;
    }

    /** Runs the instance's due jobs, and the jobs they queue, until none is due (a future timer is not). */
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

    List<String> instancesOf(String caseNumber) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().stream()
                .map(ProcessInstance::getId).toList();
    }

    /** Everything an attack on a task could change: the task, its links, its case's variables and record. */
    Map<String, Object> snapshot(String taskId, String caseNumber, List<String> processInstanceIds) {
        Map<String, Object> state = new TreeMap<>();
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        state.put("task", task == null ? "gone" : task.getAssignee() + "|" + task.getOwner() + "|" + task.getDelegationState());
        if (task != null) {
            state.put("links", taskService.getIdentityLinksForTask(taskId).stream()
                    .map(l -> l.getType() + ":" + l.getUserId() + ":" + l.getGroupId()).sorted().toList());
        }
        List<String> ids = new ArrayList<>(processInstanceIds);
        if (!ids.isEmpty()) {
            for (VariableInstance v : runtimeService.createVariableInstanceQuery().processInstanceIdIn(ids.toArray(String[]::new))
                    .disableCustomObjectDeserialization().list()) {
                state.put("var:" + v.getExecutionId() + ":" + v.getTaskId() + ":" + v.getName(), String.valueOf(v.getTypedValue() instanceof ObjectValue object
                        ? object.getValueSerialized() : v.getValue()));
            }
            state.put("activities", runtimeService.createExecutionQuery().processInstanceBusinessKey(caseNumber == null ? "-" : caseNumber)
                    .list().stream().map(e -> e.getId()).sorted().toList());
        }
        if (caseNumber != null) {
            // a reward's claim, a demand's row (measure 7: its unit, limits and outcome), whichever the case has
            state.put("case", jdbc.queryForMap("SELECT status, locality_unit_id, review_units, lead_unit, finance_unit, c.reward_amount AS list_amount, r.reward_amount,"
                    + " settled_amount, payment_reference, d.category, d.scope, d.responsible_unit, d.handling_days, d.extension_days, d.version AS demand_version"
                    + " FROM case_record c LEFT JOIN reward_claim r ON r.case_id = c.id LEFT JOIN assistance_demand d ON d.case_id = c.id"
                    + " WHERE case_number = ?", caseNumber).toString());
            state.put("events", jdbc.queryForObject("SELECT COUNT(*) FROM case_event e JOIN case_record c ON c.id = e.case_id"
                    + " WHERE c.case_number = ?", Integer.class, caseNumber));
        }
        state.put("ledger", jdbc.queryForObject("SELECT COUNT(*) FROM fund_entry", Integer.class));
        return state;
    }

    static List<String> candidateGroups(List<IdentityLink> links) {
        return links.stream().filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null).map(IdentityLink::getGroupId).toList();
    }

    static String variables(Map<String, Object> typedValues) {
        return toJson(Map.of("variables", typedValues));
    }

    static Map<String, Object> string(String value) {
        return Map.of("value", value, "type", "String");
    }

    /** A variable of type Json, as Tasklist submits a form's dynamic list. */
    static Map<String, Object> json(String value) {
        return Map.of("value", value, "type", "Json");
    }

    /** A list as the attacker sent it: type Object, java.util.ArrayList, serialized as JSON. */
    static Map<String, Object> list(String... values) {
        return Map.of("value", toJson(List.of(values)), "type", "Object",
                "valueInfo", Map.of("objectTypeName", "java.util.ArrayList", "serializationDataFormat", "application/json"));
    }

    private long registerEnterprise(String uscc, String name, String locality) {
        Map<String, Object> body = Map.of("uscc", uscc, "name", name, "localityUnitId", locality,
                "contactName", "经理", "contactPhone", "0791-80000000");
        return expect(201, api(ADMIN).post("/api/enterprises", toJson(body))).get("id").asLong();
    }

    private void person(String userId, String groupId) {
        TestUsers.person(identityService, userId, groupId, PASSWORD);
    }
}
