package cn.huiqi.attack;

import static cn.huiqi.testsupport.HttpApi.expect;
import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import cn.huiqi.testsupport.HttpApi;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.common.InvalidInputException;
import cn.huiqi.fund.FundLedger;
import cn.huiqi.fund.PoolBalance;
import cn.huiqi.settlement.SettlementAllocation;
import cn.huiqi.settlement.SettlementPayments;
import cn.huiqi.settlement.SettlementRepository;
import cn.huiqi.testsupport.TestUsers;

/**
 * The application of the evaluation process tests (each concrete family on a MariaDB database of its own: their fund
 * caps differ from the attack suite's), with the people they need and the steps of bpmn/evaluation-round.bpmn as the
 * legitimate users take them.
 */
@ActiveProfiles("mysql")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"camunda.bpm.job-execution.enabled=false",
                "logging.level.org.camunda.bpm.engine.context=OFF",
                "logging.level.org.camunda.bpm.engine.rest.exception=OFF"})
abstract class EvaluationProcessBase {

    static final String PASSWORD = "Attack-Secret-2023";
    static final String LOCALITY = "atk-donghu";
    static final String OTHER_LOCALITY = "atk-xihu";
    static final String POLICY = "atk-policy";
    static final String AUDITOR = "atk-auditor";
    static final Map<String, String> CITY = new java.util.TreeMap<>(Map.of("gxj", "atk-gxj", "swj", "atk-swj", "czj", "atk-czj",
            "jrb", "atk-jrb", "zxqyj", "atk-zxqyj", "ctjt", "atk-ctjt", "szxbm", "atk-szxbm"));

    static final String TJJ = "atk-tjj";
    static final String GXJ = CITY.get("gxj");
    /** a second 市工信局 person: checks what the first prepared */
    static final String GXJ_CHECKER = "atk-gxj-2";
    /** a third 市工信局 person */
    static final String GXJ_THIRD = "atk-gxj-3";
    static final String CZJ = CITY.get("czj");

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FundLedger ledger;
    @Autowired
    SettlementAllocation settlementAllocation;
    @Autowired
    SettlementPayments payments;
    @Autowired
    SettlementRepository settlements;

    @AfterEach
    void engineClock() {
        ClockUtil.reset();
    }

    // ---- the steps -----------------------------------------------------------------------------------

    @BeforeEach
    void people() {
        TestUsers.person(identityService, LOCALITY, "donghu", PASSWORD);
        TestUsers.person(identityService, OTHER_LOCALITY, "xihu", PASSWORD);
        TestUsers.person(identityService, POLICY, "policy-admin", PASSWORD);
        TestUsers.person(identityService, AUDITOR, "auditor", PASSWORD);
        CITY.forEach((unit, user) -> TestUsers.person(identityService, user, unit, PASSWORD));
    }

    HttpApi api(String user) {
        return HttpApi.as(port, user, PASSWORD);
    }

    /** Completes a task as the user, through the engine's Java API (the task guard checks it like any request). */
    void complete(String user, Task task, Map<String, Object> variables) {
        TestUsers.as(identityService, user, () -> {
            taskService.complete(task.getId(), variables);
            return null;
        });
    }

    void evaluationPeople() {
        TestUsers.person(identityService, TJJ, "tjj", PASSWORD);
        TestUsers.person(identityService, GXJ_CHECKER, "gxj", PASSWORD);
        TestUsers.person(identityService, GXJ_THIRD, "gxj", PASSWORD);
    }

    /** A round of the measure and period, at the step "拟定奖励方案": opened, figures imported, confirmed by silence, scored. */
    long roundAtProposal(String measure, String name, String from, String to, String confirmationDueUtc) {
        evaluationPeople();
        long id = openRound(measure, name, from, to);
        if ("M6".equals(measure)) {
            complete(GXJ, roundTask(id, "Task_SafetyVetoCheck"), Map.of("outcome", "none"));
        }
        importFigures(id);
        complete(GXJ, roundTask(id, "Task_CloseDataEntry"), Map.of());
        ClockUtil.setCurrentTime(Date.from(Instant.parse(confirmationDueUtc).plusSeconds(1)));
        managementService.executeJob(confirmationJob(id).getId());
        score(id);
        return id;
    }

    long openRound(String measure, String name, String from, String to) {
        return expect(201, api(GXJ).post("/api/evaluations", toJson(Map.of("measure", measure, "name", name, "periodFrom", from,
                "periodTo", to)))).get("id").asLong();
    }

    /** 市统计局 imports the statistics; gxj scores "1269" (plausible figures: the later a locality in the list, the better). */
    void importFigures(long id) {
        byte[] sheet = EvaluationSheets.fill(EvaluationSheets.template(api(TJJ), id), EvaluationSheets::plausible, List.of());
        expect(200, Multipart.file("统计数据.xlsx", sheet).post(port, "/api/evaluations/" + id + "/figures/import", TJJ, PASSWORD));
        for (String unit : EvaluationSheets.LOCALITIES) {
            expect(200, api(GXJ).post("/api/evaluations/" + id + "/figures/by-lead-bureau",
                    toJson(EvaluationSheets.gxjScore(unit, 80 + EvaluationSheets.LOCALITIES.indexOf(unit) * 0.5))));
        }
    }

    /** 评分排名 runs as a job of its own (asynchronous: a locality's confirmation never waits for it or fails with it). */
    void score(long id) {
        String roundInstance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("EVAL-" + id)
                .processDefinitionKey("evaluation-round").singleResult().getId();
        Job job = managementService.createJobQuery().processInstanceId(roundInstance).activityId("Task_Score").singleResult();
        assertThat(job).as("round " + id + " waits for scoring").isNotNull();
        managementService.executeJob(job.getId());
    }

    void passReviewWindow(long id) {
        Instant due = jdbc.queryForObject("SELECT review_due FROM evaluation_round WHERE id = ?", java.sql.Timestamp.class, id).toInstant();
        ClockUtil.setCurrentTime(Date.from(due.plusSeconds(1)));
        String roundInstance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("EVAL-" + id)
                .processDefinitionKey("evaluation-round").singleResult().getId();
        Job timer = managementService.createJobQuery().processInstanceId(roundInstance).activityId("Timer_ReviewWindow").singleResult();
        managementService.executeJob(timer.getId());
    }

    long settleAndEndNotice(String measure) {
        String processInstanceId = settlementAllocation.start(measure, GXJ).getProcessInstanceId();
        runJobs(processInstanceId, "Task_Settle");
        managementService.executeJob(managementService.createJobQuery().processInstanceId(processInstanceId).activityId("Timer_NoticePeriod")
                .singleResult().getId());
        runJobs(processInstanceId, "Task_EndNotice");
        return settlements.findByProcessInstanceId(processInstanceId).orElseThrow().getId();
    }

    void runJobs(String processInstanceId, String activityId) {
        for (Job job; (job = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult()) != null; ) {
            managementService.executeJob(job.getId());
        }
    }

    Task roundTask(long id, String step) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey("EVAL-" + id).taskDefinitionKey(step).singleResult();
        if (task == null) {
            throw new AssertionError("round " + id + " is not at " + step + " but at "
                    + taskService.createTaskQuery().processInstanceBusinessKey("EVAL-" + id).list().stream().map(Task::getTaskDefinitionKey).toList());
        }
        return task;
    }

    String status(long id) {
        return jdbc.queryForObject("SELECT status FROM evaluation_round WHERE id = ?", String.class, id);
    }

    Job confirmationJob(long roundId) {
        return managementService.createJobQuery().list().stream()
                .filter(j -> j instanceof JobEntity e && "huiqi-evaluation-confirmation".equals(e.getJobHandlerType())
                        && Long.toString(roundId).equals(e.getJobHandlerConfigurationRaw()))
                .findFirst().orElseThrow();
    }

    static BigDecimal amount(List<Map<String, Object>> awards, String unit) {
        return awards.stream().filter(a -> unit.equals(a.get("unit_id"))).map(a -> (BigDecimal) a.get("amount")).findFirst().orElseThrow();
    }

    static Map<String, Object> vars(Object... kv) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put(kv[i].toString(), kv[i + 1]);
        }
        return map;
    }
}
