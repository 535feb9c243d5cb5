package cn.huiqi.orderreward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.huiqi.casefile.ApplicationSubmission;
import cn.huiqi.casefile.ApplicationTypes;
import cn.huiqi.casefile.RewardStatus;
import cn.huiqi.testsupport.ProcessTestSupport;

/**
 * Issue 13: what one measure 1 case costs the database, step by step, from submission (as
 * {@code POST /api/measures/M1/applications} does it) to AWAITING_SETTLEMENT (the bench's lifecycle):
 * process variables (ACT_HI_VARINST), variable writes (ACT_HI_DETAIL, history level full) and SQL
 * statements (H2's query statistics; this context runs nothing else meanwhile: the job executor and the engine's metrics reporter
 * are off).
 * The figures are upper bounds, counts rather than timings: a change that makes a case heavier fails here.
 */
class CaseFootprintTest extends ProcessTestSupport {

    /**
     * Upper bounds per case, a little above what was measured (printed by {@link #printFootprint}). Before issue 13
     * (call activity with {@code variables="all"}, a query and flush per case lookup): 93 variables, 112 variable
     * writes, 871 statements, 465 inserts; after: 78, 67, 755, 378; one time-limit job per task, the fund lock without
     * ledger sums, one idempotency look-up: 78, 67, 726, 369; with the fulfilment board's read model (one statement per case and
     * step), the round asked once per application and the send-back count joined to the files: 79, 68, 738, 376; the forms'
     * figures read when the form is read (process.FormFigures), history level case-audit (no ACT_HI_DETAIL), the rule's
     * result and inputs transient: 39, 0, 537, 212; the reviewers' decision and comment handed on (workflow.HandedOnFields),
     * the responsible units' rule result transient, the review tasks no scopes of their own: 26, 0, 476, 182; the task
     * guard's look in the command's own context instead of one of its own: 26, 0, 442, 182; no activity instances of
     * exclusive gateways and none start events (history level case-audit), the idempotency key transient: 25, 0, 428, 168;
     * the locality's approval of every order confirming the submission's decision instead of evaluating it again: 25, 0,
     * 417, 157; measure 1's order list a form figure, handed on by the completion: 22, 0, 391, 144; the orders and the
     * applicant's id read once at submission (transient), no case number variable beside the business key, no job log
     * rows for time-limit checks created or deleted unrun: 20, 0, 378, 132; the app's tables through plain JDBC (one object
     * per row within a transaction, casefile.TransactionRows): 20, 0, 374, 132; a deployed rule version looked up once per
     * node, enterprises, units and a case's orders read once per transaction, new step clocks inserted running and no 督办
     * close for a clock never overdue, the case found by the engine's root instance id instead of walking the call
     * hierarchy: 20, 0, 337, 132 (on MariaDB the timeline's lines of a transaction are also one batched INSERT); no
     * history of the multi-instance counters, a submission's checks and start in one transaction with the case written
     * once after its insert and its claim inserted with its decision, a step clock stopped in one statement, the locality's
     * re-decision from the claim, no order or enterprise reads in a city review: 15, 0, 306, 127 (on MariaDB a
     * transaction's new notices and step clocks are also one batched INSERT each); the time limits checked by one engine
     * job over the step clocks instead of a timer job per task (timelimit.TimeLimitSweep): 15, 0, 294, 124.
     * {@code -Dfootprint.sql=true} prints each step's statements.
     */
    static final int MAX_VARIABLES = 16;
    static final int MAX_VARIABLE_WRITES = 0;
    static final int MAX_STATEMENTS = 298;
    static final int MAX_INSERTS = 127;

    @Autowired
    ApplicationSubmission submission;
    @Autowired
    ApplicationTypes types;
    @Autowired
    JdbcTemplate jdbc;

    private final Map<String, long[]> steps = new LinkedHashMap<>();

    @BeforeEach
    void countStatements() {
        jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 100000");
        jdbc.execute("SET QUERY_STATISTICS TRUE");
    }

    @AfterEach
    void stopCounting() {
        jdbc.execute("SET QUERY_STATISTICS FALSE");
    }

    @Test
    void oneMeasureOneCaseFromSubmissionToAwaitingSettlementStaysLean() {
        // a first case fills what is loaded once per application (the working-day calendar, rule versions, ...), so
        // the measured case costs what every later case costs, whichever tests ran before in this context
        oneCase();
        steps.clear();
        String caseNumber = oneCase();
        String root = cases.findByCaseNumber(caseNumber).orElseThrow().getProcessInstanceId();

        assertThat(cases.findByCaseNumber(caseNumber).orElseThrow().getStatus()).isEqualTo(RewardStatus.AWAITING_SETTLEMENT.name());
        long variables = count("ACT_HI_VARINST", root);
        long writes = count("ACT_HI_DETAIL", root);
        long statements = steps.values().stream().mapToLong(s -> s[0]).sum();
        long inserts = steps.values().stream().mapToLong(s -> s[1]).sum();
        printFootprint(root, variables, writes, statements, inserts);

        assertThat(variables).as("process variables per case (ACT_HI_VARINST)").isLessThanOrEqualTo(MAX_VARIABLES);
        assertThat(writes).as("variable writes per case (ACT_HI_DETAIL)").isLessThanOrEqualTo(MAX_VARIABLE_WRITES);
        assertThat(statements).as("SQL statements per case").isLessThanOrEqualTo(MAX_STATEMENTS);
        assertThat(inserts).as("INSERT statements per case").isLessThanOrEqualTo(MAX_INSERTS);
    }

    /** Submit .. AWAITING_SETTLEMENT, each step recorded in {@link #steps}. */
    private String oneCase() {
        String applicant = newEnterpriseUser("donghu");
        Map<String, Object> form = orders("60000000.00", "2023-08-18");

        String caseNumber = step("submit", () -> as(applicant, () -> submission.submit(types.forMeasure("M1").orElseThrow(),
                "footprint-" + System.nanoTime(), form).view().caseNumber()));
        Task verification = task(caseNumber, "Task_LocalityVerification", "donghu");
        step("locality verification", () -> complete("donghu-verifier", verification, approveAccepting(1)));
        Task gxj = task(caseNumber, "Task_CityReview", "gxj");
        step("city review gxj", () -> complete("gxj-reviewer", gxj, decision("approve", null)));
        Task swj = task(caseNumber, "Task_CityReview", "swj");
        step("city review swj", () -> complete("swj-reviewer", swj, decision("approve", null)));
        return caseNumber;
    }

    private Task task(String caseNumber, String activityId, String group) {
        return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(activityId)
                .taskCandidateGroup(group).singleResult();
    }

    private Object complete(String user, Task task, Map<String, Object> variables) {
        completeAs(user, task, variables);
        return null;
    }

    /** Runs one step and records its statements and inserts (H2 query statistics, before and after). */
    private <T> T step(String name, Supplier<T> work) {
        long[] before = statements();
        Map<String, Long> detailBefore = bySql();
        T result = work.get();
        long[] after = statements();
        if (Boolean.getBoolean("footprint.sql")) {
            Map<String, Long> detailAfter = bySql();
            StringBuilder out = new StringBuilder("\n== step " + name + "\n");
            detailAfter.forEach((sql, n) -> {
                long d = n - detailBefore.getOrDefault(sql, 0L);
                if (d > 0) {
                    out.append(String.format("%4d  %s%n", d, sql.length() > Integer.getInteger("footprint.width", 160) ? sql.substring(0, Integer.getInteger("footprint.width", 160)) : sql));
                }
            });
            System.out.println(out);
        }
        steps.put(name, new long[] {after[0] - before[0], after[1] - before[1]});
        return result;
    }

    private long[] statements() {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS");
        long all = 0;
        long inserts = 0;
        for (Map<String, Object> row : rows) {
            String sql = row.get("SQL_STATEMENT").toString().stripLeading().toUpperCase();
            if (sql.contains("INFORMATION_SCHEMA.QUERY_STATISTICS")) {
                continue;
            }
            long count = ((Number) row.get("EXECUTION_COUNT")).longValue();
            all += count;
            if (sql.startsWith("INSERT")) {
                inserts += count;
            }
        }
        return new long[] {all, inserts};
    }

    private Map<String, Long> bySql() {
        Map<String, Long> counts = new TreeMap<>();
        for (Map<String, Object> row : jdbc.queryForList("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
            counts.merge(row.get("SQL_STATEMENT").toString().replaceAll("\\s+", " ").strip(), ((Number) row.get("EXECUTION_COUNT")).longValue(), Long::sum);
        }
        return counts;
    }

    private long count(String table, String rootProcessInstanceId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE ROOT_PROC_INST_ID_ = ?", Long.class,
                rootProcessInstanceId);
    }

    private void printFootprint(String root, long variables, long writes, long statements, long inserts) {
        StringBuilder out = new StringBuilder("\nMeasure 1 case footprint (submit .. AWAITING_SETTLEMENT)\n");
        steps.forEach((name, s) -> out.append(String.format("  %-24s %5d statements %5d inserts%n", name, s[0], s[1])));
        out.append(String.format("  %-24s %5d statements %5d inserts%n", "total", statements, inserts));
        out.append(String.format("  variables (ACT_HI_VARINST) %d, variable writes (ACT_HI_DETAIL) %d%n", variables, writes));
        Map<String, long[]> byName = new TreeMap<>();
        for (Map<String, Object> row : jdbc.queryForList("SELECT NAME_, COUNT(*) N FROM ACT_HI_VARINST WHERE ROOT_PROC_INST_ID_ = ? GROUP BY NAME_", root)) {
            byName.computeIfAbsent(row.get("NAME_").toString(), k -> new long[2])[0] = ((Number) row.get("N")).longValue();
        }
        for (Map<String, Object> row : jdbc.queryForList("SELECT NAME_, COUNT(*) N FROM ACT_HI_DETAIL WHERE ROOT_PROC_INST_ID_ = ? GROUP BY NAME_", root)) {
            byName.computeIfAbsent(row.get("NAME_").toString(), k -> new long[2])[1] = ((Number) row.get("N")).longValue();
        }
        List<String> lines = new ArrayList<>();
        byName.forEach((name, n) -> lines.add(String.format("    %-32s %3d variables %3d writes", name, n[0], n[1])));
        out.append(String.join("\n", lines));
        System.out.println(out);
    }
}
