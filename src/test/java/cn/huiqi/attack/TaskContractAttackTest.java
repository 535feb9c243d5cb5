package cn.huiqi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;

import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.workflow.TaskContract;
import cn.huiqi.workflow.TaskContracts;

/**
 * For every user task of every deployed process (listed from the engine's repository, so a new process is
 * attacked without editing this class): a fresh case is brought to the task, then every role tries to
 * complete it, submit its form, write task variables (global and local, PUT and POST modifications),
 * write process variables and modify the process instance, each time with a routing, money or undeclared
 * variable. Every attempt must be refused and change nothing.
 */
class TaskContractAttackTest extends CaseAttackBase {

    /** Routing and money variables and one nobody declares; each attack sends one of them. */
    static final List<String> EXTRA = List.of("localityUnit", "reviewUnits", "reviewUnit", "rewardAmount", "cityDecision",
            "verificationDecision", "financeUnit", "leadUnit", "applicant", "funded", "settledAmount", "anythingElse");

    @Autowired
    TaskContracts contracts;

    /** How to bring a fresh case (or settlement) to each task; a task without one is reached by instance modification. */
    /** The applicant of the newest case: for a settlement's task, the applicant of a case in its batch. */
    private String lastApplicant;

    @Override
    String newCase() {
        String caseNumber = super.newCase();
        lastApplicant = applicantOf(caseNumber);
        return caseNumber;
    }

    private Map<String, Supplier<Task>> drivers() {
        Map<String, Supplier<Task>> drivers = new LinkedHashMap<>();
        drivers.put("review-chain/Task_LocalityVerification", () -> task(newCase(), "Task_LocalityVerification"));
        drivers.put("review-chain/Task_LocalitySupplement", () -> task(atLocalitySupplement(), "Task_LocalitySupplement"));
        drivers.put("review-chain/Task_CityReview", () -> cityTask(atCityReview(), "gxj"));
        drivers.put("review-chain/Task_CitySupplement", () -> task(atCitySupplement(), "Task_CitySupplement"));
        // measure 7: a demand raised by its enterprise, at acceptance by its locality
        drivers.put("m7-assistance-demand/Task_Accept", () -> task(newDemand(), "Task_Accept"));
        drivers.put("fund-settlement/Task_ConfirmPayments", () -> taskService.createTaskQuery()
                .processInstanceId(atPaymentBatch()).taskDefinitionKey("Task_ConfirmPayments").singleResult());
        // measures 5 and 6: a round opened by gxj (a period of its own), then moved to the step by the system
        drivers.put("m6-contribution-evaluation/Task_SafetyVetoCheck", () -> roundTask("M6", "Task_SafetyVetoCheck", null));
        for (String step : List.of("Task_CloseDataEntry", "Task_Propose", "Task_CheckProposal", "Task_CityApproval", "Task_HandleReviewRequests")) {
            drivers.put("evaluation-round/" + step, () -> roundTask("M5", "Task_CloseDataEntry", step.equals("Task_CloseDataEntry") ? null : step));
        }
        // measure 7: a demand opened as the intake does, accepted by the system (routed), then moved to the step
        for (String step : List.of("Task_Accept", "Task_Handle", "Task_DecideTransfer", "Task_ProvideInfo", "Task_ApproveExtension",
                "Task_ReportUpward", "Task_Revisit", "Task_Supervise", "Task_OverdueSupervision")) {
            drivers.put("m7-assistance-demand/" + step, () -> demandAt(step));
        }
        // measure 8: a financing demand filed through the API (the app starts the process), at screening or moved to jrb
        for (String step : List.of("Task_Screen", "Task_Coordinate")) {
            drivers.put("m8-financing-demand/" + step, () -> financingAt(step));
        }
        return drivers;
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    private Task demandAt(String step) {
        String applicant = newApplicant();
        String caseNumber = cn.huiqi.assistance.DemandTestCases.open(context, applicant);
        madeFor(caseNumber, applicant);
        lastApplicant = applicant;
        Task accept = task(caseNumber, "Task_Accept");
        if (step.equals("Task_Accept")) {
            return accept;
        }
        taskService.complete(accept.getId(), Map.of("decision", "accept")); // the system, as no user: not guarded
        if (!step.equals("Task_Handle")) {
            runtimeService.createProcessInstanceModification(accept.getProcessInstanceId()).startBeforeActivity(step)
                    .cancelAllForActivity("Task_Handle").execute();
        }
        return task(caseNumber, step);
    }

    private Task financingAt(String step) {
        String applicant = newApplicant();
        String caseNumber = HttpApi.expect(201, api(applicant).post("/api/financing/demands", HttpApi.toJson(Map.of("amount", "3000000",
                "termMonths", 12, "purpose", "采购原材料", "guaranteeKind", "CREDIT", "consent", Map.of("audience", "ALL",
                        "fields", List.of("AMOUNT", "TERM", "GUARANTEE_KIND")))), "Idempotency-Key", java.util.UUID.randomUUID().toString()))
                .get("caseNumber").asText();
        madeFor(caseNumber, applicant);
        lastApplicant = applicant;
        Task screen = task(caseNumber, "Task_Screen");
        if (step.equals("Task_Screen")) {
            return screen;
        }
        runtimeService.createProcessInstanceModification(screen.getProcessInstanceId()).startBeforeActivity(step)
                .cancelAllForActivity("Task_Screen").execute();
        return task(caseNumber, step);
    }

    private static final java.util.concurrent.atomic.AtomicInteger YEARS = new java.util.concurrent.atomic.AtomicInteger(2090);

    /** A new evaluation round's task at {@code at}, or moved from there to {@code moveTo} (instance modification as the system). */
    private Task roundTask(String measure, String at, String moveTo) {
        int year = YEARS.incrementAndGet();
        long id = HttpApi.expect(201, api(CITY.get("gxj")).post("/api/evaluations", HttpApi.toJson(Map.of("measure", measure,
                "name", "攻击测试评价轮次 " + year, "periodFrom", year + "-01-01", "periodTo", year + "-09-30")))).get("id").asLong();
        Task task = taskService.createTaskQuery().processInstanceBusinessKey("EVAL-" + id).taskDefinitionKey(at).singleResult();
        if (moveTo == null) {
            return task;
        }
        runtimeService.createProcessInstanceModification(task.getProcessInstanceId()).cancelAllForActivity(at).startBeforeActivity(moveTo)
                .execute();
        return taskService.createTaskQuery().processInstanceBusinessKey("EVAL-" + id).taskDefinitionKey(moveTo).singleResult();
    }

    @TestFactory
    Stream<DynamicTest> everyUserTaskOfEveryDeployedProcessRefusesEveryRoleTheExtraVariables() {
        Map<String, Supplier<Task>> drivers = drivers();
        List<DynamicTest> tests = new ArrayList<>();
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            for (UserTask userTask : repositoryService.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)) {
                String step = definition.getKey() + "/" + userTask.getId();
                tests.add(DynamicTest.dynamicTest(step, () -> {
                    Supplier<Task> driver = drivers.get(step);
                    assertThat(driver).as("a way to bring a case to " + step + " (add one to drivers())").isNotNull();
                    attack(definition.getKey(), driver.get());
                }));
            }
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(5);
        return tests.stream();
    }

    private void attack(String processKey, Task task) {
        assertThat(task).isNotNull();
        TaskContract contract = contracts.forStep(processKey, task.getTaskDefinitionKey()).orElseThrow();
        String caseNumber = businessKeyOf(task);
        if (caseNumber != null && caseNumber.startsWith("EVAL-")) {
            caseNumber = null; // an evaluation round's task: no case, a round (measures 5 and 6)
        }
        List<String> instances = caseNumber == null ? List.of(task.getProcessInstanceId()) : instancesOf(caseNumber);
        Map<String, Object> before = snapshot(task.getId(), caseNumber, instances);
        String id = task.getId();
        int n = 0;
        if (lastApplicant == null) {
            lastApplicant = newApplicant();
        }
        for (String user : roles(caseNumber == null ? lastApplicant : applicantOf(caseNumber))) {
            HttpApi api = api(user);
            for (String extra : EXTRA) {
                Map<String, Object> body = declared(contract);
                body.put(extra, extra.equals("reviewUnits") ? list("enterprise") : string("enterprise"));
                refused("task-extra-variables", user + " completes " + task.getTaskDefinitionKey() + " with " + extra,
                        api.post("/engine-rest/task/" + id + "/complete", variables(body)), extra, before, id, caseNumber, instances);
            }
            String extra = EXTRA.get(n++ % EXTRA.size());
            Map<String, Object> form = declared(contract);
            form.put(extra, string("enterprise"));
            refused("task-extra-variables", user + " submits the form of " + task.getTaskDefinitionKey() + " with " + extra,
                    api.post("/engine-rest/task/" + id + "/submit-form", variables(form)), extra, before, id, caseNumber, instances);
            String value = HttpApi.toJson(string("enterprise"));
            String modification = HttpApi.toJson(Map.of("modifications", Map.of(extra, string("enterprise"))));
            refused("task-variable-write", user + " PUT variables/" + extra,
                    api.put("/engine-rest/task/" + id + "/variables/" + extra, value), null, before, id, caseNumber, instances);
            refused("task-variable-write", user + " PUT localVariables/" + extra,
                    api.put("/engine-rest/task/" + id + "/localVariables/" + extra, value), null, before, id, caseNumber, instances);
            refused("task-variable-write", user + " POST variables modifications " + extra,
                    api.post("/engine-rest/task/" + id + "/variables", modification), null, before, id, caseNumber, instances);
            refused("task-variable-write", user + " POST localVariables modifications " + extra,
                    api.post("/engine-rest/task/" + id + "/localVariables", modification), null, before, id, caseNumber, instances);
            refused("process-variable-write", user + " POST process-instance variables " + extra,
                    api.post("/engine-rest/process-instance/" + task.getProcessInstanceId() + "/variables", modification),
                    null, before, id, caseNumber, instances);
            refused("process-modification", user + " modifies the process instance with " + extra,
                    api.post("/engine-rest/process-instance/" + task.getProcessInstanceId() + "/modification", HttpApi.toJson(Map.of(
                            "instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", task.getTaskDefinitionKey(),
                                    "variables", Map.of(extra, Map.of("value", "enterprise", "type", "String", "local", false))))))),
                    null, before, id, caseNumber, instances);
        }
        // the administrator holds no step's role either
        refused("task-extra-variables", "admin completes " + task.getTaskDefinitionKey(),
                api(ADMIN).post("/engine-rest/task/" + id + "/complete", variables(declared(contract))), null, before, id, caseNumber, instances);
    }

    private void refused(String family, String what, HttpResponse<String> response, String field, Map<String, Object> before,
                         String taskId, String caseNumber, List<String> instances) {
        boolean refused = response.statusCode() == 400 || response.statusCode() == 403 || response.statusCode() == 404;
        Map<String, Object> after = snapshot(taskId, caseNumber, instances);
        AttackLedger.record(family, refused && after.equals(before), what + " → " + response.statusCode() + " " + response.body());
        assertThat(response.statusCode()).as(what + ": " + response.body()).isIn(400, 403, 404);
        if (response.statusCode() == 400 && field != null) {
            assertThat(response.body()).as(what).contains(field);
        }
        assertThat(after).as(what + " changed nothing").isEqualTo(before);
    }

    private static Map<String, Object> declared(TaskContract contract) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : contract.writableFields()) {
            body.put(field, switch (field) {
                case "decision" -> string("approve");
                case "orderVerification" -> json("[{\"line\":1,\"result\":\"accept\"}]"); // the case's one order
                default -> string("补充说明");
            });
        }
        return body;
    }

    private String businessKeyOf(Task task) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
    }
}
