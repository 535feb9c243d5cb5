package cn.huiqi.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.enterprise.Uscc;
import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.MariaDbTestDatabase;
import cn.huiqi.testsupport.PageSession;

/**
 * Camunda's homogeneous cluster (docs/deployment.md): two Huiqi nodes, each a JVM of its own with the job executor
 * on, against one MariaDB database, behind nginx. Any user works through the balancer; time-limit reminders set due
 * are sent once each by the one check job, on whichever node acquires it; node A dies (SIGKILL) in the middle of a
 * burst of applications and approvals, the clients repeat what was not answered, and nothing is lost or doubled, the
 * fund ledger within its caps; node A started again, a settlement's chain of jobs and its notice timer run once each
 * on the two nodes. Node logs, nginx's configuration and logs and a summary: target/cluster-logs/.
 */
@Tag("cluster")
class TwoNodesOnMariaDbTest {

    private static final String DATABASE = "huiqi_test_cluster";
    private static final String AGENT = "cluster-agent";
    private static final String AGENT_PASSWORD = "Cluster-Agent-2026";
    private static final String USCC_PREFIX = "91360102CL";
    private static final int WARM_CASES = 20;
    /** TEST ONLY, not the policy's 500万: a measure-1 pool that 16 of the 20 approved cases (5万 each) fill. */
    private static final String SMALL_POOL = "--huiqi.fund.caps.M1=800000.00";
    /** Cases per settlement job (20 by default): a settlement of the 20 warm cases then takes a chain of jobs. */
    private static final int SETTLEMENT_SLICE = 2;
    private static final int BURST_NEW_CASES = 10;
    private static final String VERIFIED = "{\"variables\":{\"decision\":{\"value\":\"approve\",\"type\":\"String\"},"
            + "\"orderVerification\":{\"value\":\"[{\\\"line\\\":1,\\\"result\\\":\\\"accept\\\"}]\",\"type\":\"Json\"}}}";
    private static final String APPROVED = "{\"variables\":{\"decision\":{\"value\":\"approve\",\"type\":\"String\"}}}";

    private final Path logs = Path.of(System.getProperty("huiqi.build.dir", "target"), "cluster-logs").toAbsolutePath();
    private final List<String> summary = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> completedTasks = ConcurrentHashMap.newKeySet();
    private final Map<String, String> acceptedCases = new ConcurrentHashMap<>();
    private final AtomicInteger repeatedSubmissions = new AtomicInteger();
    private final AtomicInteger repeatedCompletions = new AtomicInteger();
    private final AtomicInteger completionsFoundDone = new AtomicInteger();
    private JdbcTemplate sql;
    private PageSession page;

    @Test
    void twoNodesShareOneDatabaseAndLoseNothingWhenOneDies() throws Exception {
        Assumptions.assumeTrue(Balancer.installed(), "nginx is not installed (scripts/test.sh installs it: apt-get install nginx-light)");
        long begin = System.nanoTime();
        deleteEarlierLogs();
        Files.createDirectories(logs);
        MariaDbTestDatabase.recreateOnce(DATABASE);
        try {
            sql = new JdbcTemplate(new DriverManagerDataSource(MariaDbTestDatabase.url(DATABASE),
                    MariaDbTestDatabase.user(), MariaDbTestDatabase.password()));
            // the first node migrates the fresh database and deploys the models; the second starts on them
            AppNode a = AppNode.start("node-a", DATABASE, logs, SMALL_POOL, "--huiqi.settlement.cases-per-job=" + SETTLEMENT_SLICE);
            double startA = a.awaitReady(240);
            AppNode b = AppNode.start("node-b", DATABASE, logs, SMALL_POOL, "--huiqi.settlement.cases-per-job=" + SETTLEMENT_SLICE);
            double startB = b.awaitReady(240);
            summary.add(String.format("start-up: node-a %.1f s (fresh database), node-b %.1f s", startA, startB));
            try (AppNode nodeA = a; AppNode nodeB = b; Balancer balancer = Balancer.start(logs, List.of(a, b))) {
                ThroughTheBalancer api = new ThroughTheBalancer(balancer.port);
                api.password(AGENT, AGENT_PASSWORD);

                long phase = System.nanoTime();
                anyUserWorksThroughTheBalancer(api, balancer, a, b);
                summary.add(String.format("any user through the balancer: %.1f s", seconds(phase)));

                phase = System.nanoTime();
                List<Long> enterprises = enterprises(api, WARM_CASES + BURST_NEW_CASES);
                List<String> warm = submitAll(api, enterprises.subList(0, WARM_CASES));
                remindersSetDueSentOnceEach("with both nodes up");
                summary.add(String.format("%d applications, then their reminders: %.1f s", WARM_CASES, seconds(phase)));

                phase = System.nanoTime();
                burstWhileNodeADies(api, a, b, warm, enterprises.subList(WARM_CASES, WARM_CASES + BURST_NEW_CASES));
                summary.add(String.format("burst with node-a killed: %.1f s", seconds(phase)));

                phase = System.nanoTime();
                remindersSetDueSentOnceEach("after node-a died");
                pageSessionsOfTheDeadNodeSignInAgain();
                summary.add(String.format("after the kill: %.1f s", seconds(phase)));

                phase = System.nanoTime();
                try (AppNode again = a.startAgain()) {
                    double startAgain = again.awaitReady(240);
                    settlementJobsRunOnceEach(api);
                    summary.add(String.format("node-a started again (%.1f s), then a settlement of measure 1: %.1f s", startAgain,
                            seconds(phase)));
                }
                Map<String, Integer> perNode = new java.util.TreeMap<>();
                balancer.requestsPerUpstream().forEach((upstream, count) -> perNode.put(
                        upstream.endsWith(":" + a.port) ? a.name : upstream.endsWith(":" + b.port) ? b.name : upstream, count));
                summary.add("requests per node (nginx access log): " + perNode);
            }
        } finally {
            summary.add(String.format("whole test: %.1f s", seconds(begin)));
            Files.write(logs.resolve("summary.txt"), summary);
        }
    }

    /** REST is stateless on either node; a page session stays on the node that holds it. */
    private void anyUserWorksThroughTheBalancer(ThroughTheBalancer api, Balancer balancer, AppNode a, AppNode b) {
        String order = order("CL-HONGDU-1");
        JsonNode submitted = HttpApi.json(answered(api.post("ent-hongdu", "/api/measures/M1/applications",
                "{\"orders\":[" + order + "]}", "Idempotency-Key", "cluster-hongdu-1"), 201));
        String caseNumber = submitted.get("caseNumber").asText();
        completeStep(api, "donghu-verifier", caseNumber, "donghu", VERIFIED);
        for (AppNode node : List.of(a, b)) {
            assertThat(HttpApi.as(node.port, "gxj-reviewer", "demo")
                    .getJson("/engine-rest/task?processInstanceBusinessKey=" + caseNumber + "&candidateGroup=gxj"))
                    .as("gxj's task of %s seen on %s", caseNumber, node.name).hasSize(1);
        }

        page = new PageSession(balancer.port);
        HttpResponse<String> signIn = page.signIn("donghu-verifier", "demo");
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        String session = page.cookie("JSESSIONID").orElseThrow();
        assertThat(session).matches(".*\\.node-[ab]");
        int signedIn = 0;
        for (int i = 0; i < 10; i++) {
            if (page.fetch("/api/me").statusCode() == 200) {
                signedIn++;
            }
        }
        assertThat(signedIn).as("page calls of one session through the balancer that found it").isEqualTo(10);
        summary.add("page session " + session.substring(session.indexOf('.') + 1) + ": 10 of 10 calls signed in");
    }

    /**
     * A page session lived in its node's memory: when that node died, the balancer sends its cookie to the backup,
     * which does not know it; signing in again there works.
     */
    private void pageSessionsOfTheDeadNodeSignInAgain() {
        String before = page.cookie("JSESSIONID").orElseThrow();
        int status = page.fetch("/api/me").statusCode();
        assertThat(status).isEqualTo(before.endsWith(".node-a") ? 401 : 200);
        HttpResponse<String> signIn = page.signIn("donghu-verifier", "demo");
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        assertThat(page.cookie("JSESSIONID").orElseThrow()).endsWith(".node-b");
        assertThat(page.fetch("/api/me").statusCode()).isEqualTo(200);
        summary.add("page session of " + before.substring(before.indexOf('.') + 1) + " after node-a died: /api/me "
                + status + ", signed in again on node-b");
    }

    private void deleteEarlierLogs() throws java.io.IOException {
        if (Files.exists(logs)) {
            try (var paths = Files.walk(logs)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private List<String> submitAll(ThroughTheBalancer api, List<Long> enterprises) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> submitted = new ArrayList<>();
            for (long enterprise : enterprises) {
                submitted.add(pool.submit(() -> submit(api, enterprise)));
            }
            List<String> caseNumbers = new ArrayList<>();
            for (Future<String> future : submitted) {
                caseNumbers.add(future.get(5, TimeUnit.MINUTES));
            }
            return caseNumbers;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The reminder of every open step (the verifications before the burst, the city reviews after it) is made due at
     * once (its step clock's check in the past), and so is the time limits' one check job (timelimit.TimeLimitSweep);
     * both job executors compete for it. Each clock is reminded exactly once: one "due soon" notice per case and unit,
     * the job never failed, and one job is left, due again.
     */
    private void remindersSetDueSentOnceEach(String when) {
        List<Map<String, Object>> clocks = sql.queryForList("SELECT id, case_id, unit_id FROM step_clock WHERE state = 'RUNNING'"
                + " AND kind = 'STEP' AND reminded_at IS NULL AND case_id IS NOT NULL");
        assertThat(clocks).hasSizeGreaterThanOrEqualTo(BURST_NEW_CASES);
        String ids = String.join(",", clocks.stream().map(row -> row.get("id").toString()).toList());
        String cases = String.join(",", clocks.stream().map(row -> row.get("case_id").toString()).distinct().toList());
        long due = System.nanoTime();
        sql.update("UPDATE step_clock SET check_at = '2000-01-01 00:00:00' WHERE id IN (" + ids + ")");
        sql.update("UPDATE ACT_RU_JOB SET DUEDATE_ = '2000-01-01 00:00:00' WHERE HANDLER_TYPE_ = 'huiqi-time-limit-sweep'");
        while (sql.queryForObject("SELECT COUNT(*) FROM step_clock WHERE reminded_at IS NULL AND id IN (" + ids + ")", Integer.class) > 0) {
            if (seconds(due) > 90) {
                fail("reminders still unsent after 90 s");
            }
            AppNode.sleep(250);
        }
        double ran = seconds(due);
        Map<String, Integer> notices = new java.util.TreeMap<>();
        sql.query("SELECT case_id, recipient_id, COUNT(*) FROM inbox_message WHERE kind = 'STEP_DUE_SOON' AND case_id IN (" + cases
                + ") GROUP BY case_id, recipient_id", rs -> {
                    notices.put(rs.getLong(1) + " " + rs.getString(2), rs.getInt(3));
                });
        assertThat(notices.keySet()).as("due-soon notices by case and unit")
                .containsExactlyInAnyOrderElementsOf(clocks.stream().map(row -> row.get("case_id") + " " + row.get("unit_id")).toList());
        assertThat(notices.values()).allSatisfy(count -> assertThat(count).isEqualTo(1));
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_DEF_TYPE_ = 'huiqi-time-limit-sweep'"
                + " AND JOB_STATE_ = 1", Integer.class))
                .as("failed runs of the check job").isZero();
        assertThat(sql.queryForList("SELECT DUEDATE_ FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = 'huiqi-time-limit-sweep'"))
                .as("the check job, scheduled again").hasSize(1);
        summary.add(String.format("reminders %s: %d made due at once, all sent within %.1f s by the one check job, each exactly once",
                when, clocks.size(), ran));
    }

    /**
     * With node-a back, gxj settles measure 1, two cases per job (SETTLEMENT_SLICE): a chain of settling jobs, the
     * 公示 timer (made due), then a chain of jobs forming the payment batch; both job executors compete for every job.
     * Each job runs exactly once (one successful row per job in the engine's job log, none failed), the settlement
     * reaches 确认支付 with a line for every case that awaited it, and the ledger stays within its caps.
     */
    private void settlementJobsRunOnceEach(ThroughTheBalancer api) {
        int waiting = sql.queryForObject("SELECT COUNT(*) FROM case_record WHERE measure = 'M1' AND status = 'AWAITING_SETTLEMENT'",
                Integer.class);
        assertThat(waiting).isGreaterThanOrEqualTo(WARM_CASES);
        String process = HttpApi.json(answered(api.post("gxj-reviewer", "/api/settlements", "{\"measure\":\"M1\"}"), 202))
                .get("processInstanceId").asText();
        long begin = System.nanoTime();
        String noticeTimer = "SELECT COUNT(*) FROM ACT_RU_JOB WHERE PROCESS_INSTANCE_ID_ = ? AND HANDLER_TYPE_ = 'timer-intermediate-transition'";
        while (sql.queryForObject(noticeTimer, Integer.class, process) == 0) {
            if (seconds(begin) > 120) {
                fail("the settlement did not reach its notice period within 120 s");
            }
            AppNode.sleep(250);
        }
        sql.update("UPDATE ACT_RU_JOB SET DUEDATE_ = '2000-01-01 00:00:00' WHERE PROCESS_INSTANCE_ID_ = ?"
                + " AND HANDLER_TYPE_ = 'timer-intermediate-transition'", process);
        while (sql.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK WHERE PROC_INST_ID_ = ? AND TASK_DEF_KEY_ = 'Task_ConfirmPayments'",
                Integer.class, process) == 0) {
            if (seconds(begin) > 240) {
                fail("the settlement did not reach its payment batch within 240 s");
            }
            AppNode.sleep(250);
        }
        List<Map<String, Object>> runs = sql.queryForList("SELECT JOB_ID_, COUNT(*) AS times FROM ACT_HI_JOB_LOG"
                + " WHERE PROCESS_INSTANCE_ID_ = ? AND JOB_STATE_ = 2 GROUP BY JOB_ID_", process);
        assertThat(runs).hasSizeGreaterThanOrEqualTo(2 * waiting / SETTLEMENT_SLICE + 1);
        assertThat(runs).allSatisfy(row -> assertThat(((Number) row.get("times")).intValue()).as("runs of job %s", row.get("JOB_ID_"))
                .isEqualTo(1));
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE PROCESS_INSTANCE_ID_ = ? AND JOB_STATE_ = 1",
                Integer.class, process)).as("failed job runs").isZero();
        Map<String, Integer> byNode = new java.util.TreeMap<>();
        sql.query("SELECT HOSTNAME_, COUNT(*) FROM ACT_HI_JOB_LOG WHERE PROCESS_INSTANCE_ID_ = ? AND JOB_STATE_ = 2 GROUP BY HOSTNAME_",
                rs -> {
                    byNode.put(rs.getString(1), rs.getInt(2));
                }, process);
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM settlement_line l JOIN settlement s ON s.id = l.settlement_id"
                + " WHERE s.process_instance_id = ?", Integer.class, process)).as("settlement lines").isEqualTo(waiting);
        ledgerWithinCaps();
        summary.add(String.format("settlement of %d cases, %d per job: %d jobs (settling, notice timer, payment batch), each run"
                + " exactly once; by node %s", waiting, SETTLEMENT_SLICE, runs.size(), byNode));
    }

    /**
     * Six clients at once: the three approvals of each warm case and ten new applications with their verification.
     * When a quarter of the calls are answered, node A is killed. A call left unanswered is repeated: a submission
     * with its Idempotency-Key, a completion after looking whether the task is still open.
     */
    private void burstWhileNodeADies(ThroughTheBalancer api, AppNode a, AppNode b, List<String> warm, List<Long> fresh)
            throws Exception {
        int calls = warm.size() * 3 + fresh.size() * 2;
        AtomicInteger answered = new AtomicInteger();
        CountDownLatch quarter = new CountDownLatch(calls / 4);
        Runnable progress = () -> {
            answered.incrementAndGet();
            quarter.countDown();
        };
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> work = new ArrayList<>();
        List<String> freshCases = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Runnable> jobs = new ArrayList<>();
            for (int i = 0; i < Math.max(warm.size(), fresh.size()); i++) {
                if (i < warm.size()) {
                    String caseNumber = warm.get(i);
                    jobs.add(() -> {
                        completeStep(api, "donghu-verifier", caseNumber, "donghu", VERIFIED);
                        progress.run();
                        completeStep(api, "gxj-reviewer", caseNumber, "gxj", APPROVED);
                        progress.run();
                        completeStep(api, "swj-reviewer", caseNumber, "swj", APPROVED);
                        progress.run();
                    });
                }
                if (i < fresh.size()) {
                    long enterprise = fresh.get(i);
                    jobs.add(() -> {
                        String caseNumber = submit(api, enterprise);
                        freshCases.add(caseNumber);
                        progress.run();
                        completeStep(api, "donghu-verifier", caseNumber, "donghu", VERIFIED);
                        progress.run();
                    });
                }
            }
            for (Runnable job : jobs) {
                work.add(pool.submit(job));
            }
            assertThat(quarter.await(5, TimeUnit.MINUTES)).isTrue();
            int answeredBeforeKill = answered.get();
            a.kill();
            for (Future<?> future : work) {
                future.get(10, TimeUnit.MINUTES);
            }
            summary.add(String.format("burst: %d calls, node-a killed after %d answered; %d calls unanswered (connection"
                    + " lost or 502), repeated: %d submissions (same Idempotency-Key), %d completions (%d of them found"
                    + " already done)", calls, answeredBeforeKill, api.unanswered.get(), repeatedSubmissions.get(),
                    repeatedCompletions.get(), completionsFoundDone.get()));
        } finally {
            pool.shutdownNow();
        }
        assertThat(a.alive()).isFalse();
        assertThat(b.alive()).isTrue();
        nothingLostNothingDoubled(warm, freshCases);
        ledgerWithinCaps();
    }

    private void nothingLostNothingDoubled(List<String> warm, List<String> fresh) {
        // every accepted application has its case and its process instance, once
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM case_record c JOIN enterprise e ON e.id = c.enterprise_id"
                + " WHERE e.uscc LIKE '" + USCC_PREFIX + "%'", Integer.class)).isEqualTo(acceptedCases.size())
                .isEqualTo(WARM_CASES + BURST_NEW_CASES);
        for (String caseNumber : acceptedCases.keySet()) {
            assertThat(sql.queryForObject("SELECT COUNT(*) FROM case_record c JOIN ACT_HI_PROCINST p"
                    + " ON p.ID_ = c.process_instance_id WHERE c.case_number = ?", Integer.class, caseNumber))
                    .as("case and process instance of %s", caseNumber).isEqualTo(1);
        }
        // every completion answered 204 is recorded as completed
        for (String task : completedTasks) {
            assertThat(sql.queryForObject("SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE ID_ = ? AND END_TIME_ IS NOT NULL",
                    Integer.class, task)).as("completed task %s", task).isEqualTo(1);
        }
        // the warm cases went through both city reviews; the fresh ones through verification
        Map<String, Integer> warmStatuses = statuses(warm);
        assertThat(warmStatuses.keySet()).isSubsetOf("AWAITING_SETTLEMENT", "NOT_FUNDED");
        assertThat(statuses(fresh)).containsOnlyKeys("CITY_REVIEW");
        summary.add("after the burst: " + acceptedCases.size() + " cases, each with one process instance; "
                + completedTasks.size() + " completions answered 204, all recorded; warm cases " + warmStatuses);
    }

    private Map<String, Integer> statuses(List<String> caseNumbers) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (String caseNumber : caseNumbers) {
            counts.merge(sql.queryForObject("SELECT status FROM case_record WHERE case_number = ?", String.class, caseNumber),
                    1, Integer::sum);
        }
        return counts;
    }

    /**
     * Every pool holds no more than its cap, and the pool's figures are the sum of its entries (the package fund's:
     * of every measure pool's entries).
     */
    private void ledgerWithinCaps() {
        List<String> pools = new ArrayList<>();
        sql.query("SELECT p.id, p.cap, p.reserved + p.committed + p.paid AS held,"
                + " COALESCE((SELECT SUM(CASE e.kind WHEN 'RESERVE' THEN e.amount WHEN 'RELEASE' THEN -e.amount ELSE 0 END)"
                + " FROM fund_entry e WHERE e.pool_id = p.id OR p.id = 'PACKAGE'), 0) AS entries FROM fund_pool p ORDER BY p.sort_order", rs -> {
            BigDecimal cap = rs.getBigDecimal("cap");
            BigDecimal held = rs.getBigDecimal("held");
            BigDecimal entries = rs.getBigDecimal("entries");
            assertThat(held).as("pool %s within its cap", rs.getString("id")).isLessThanOrEqualTo(cap);
            assertThat(entries).as("pool %s = its entries", rs.getString("id")).isEqualByComparingTo(held);
            if (held.signum() > 0) {
                pools.add(rs.getString("id") + " " + held.toPlainString() + " of " + cap.toPlainString());
            }
        });
        assertThat(sql.queryForList("SELECT case_id FROM fund_entry WHERE kind = 'RESERVE' GROUP BY pool_id, case_id"
                + " HAVING COUNT(*) > 1", Long.class)).as("cases reserved twice").isEmpty();
        summary.add("fund pools held: " + pools + "; cases with a reservation: "
                + sql.queryForObject("SELECT COUNT(DISTINCT case_id) FROM fund_entry WHERE kind = 'RESERVE'", Integer.class));
    }

    private String submit(ThroughTheBalancer api, long enterprise) {
        String body = "{\"orders\":[" + order("CL-" + enterprise) + "],\"enterpriseId\":" + enterprise + "}";
        for (int attempt = 0; attempt < 40; attempt++) {
            Optional<HttpResponse<String>> answer = api.post(AGENT, "/api/measures/M1/applications", body,
                    "Idempotency-Key", "cluster-" + enterprise);
            if (answer.isEmpty()) {
                repeatedSubmissions.incrementAndGet();
                AppNode.sleep(300);
                continue;
            }
            assertThat(answer.get().statusCode()).as(answer.get().body()).isIn(200, 201);
            String caseNumber = HttpApi.json(answer.get()).get("caseNumber").asText();
            acceptedCases.put(caseNumber, "cluster-" + enterprise);
            return caseNumber;
        }
        throw new AssertionError("application of enterprise " + enterprise + " never answered");
    }

    /**
     * Completes the one task of the case in the unit's queue. After a call left unanswered the task may be done
     * already (the dying node committed, then died before answering): the engine's history says so.
     */
    private void completeStep(ThroughTheBalancer api, String user, String caseNumber, String group, String variables) {
        String lastTried = null;
        for (int attempt = 0; attempt < 120; attempt++) {
            Optional<HttpResponse<String>> list = api.get(user, "/engine-rest/task?processInstanceBusinessKey=" + caseNumber
                    + "&candidateGroup=" + group);
            if (list.isEmpty()) {
                AppNode.sleep(300);
                continue;
            }
            JsonNode tasks = HttpApi.json(answered(list, 200));
            if (tasks.isEmpty()) {
                if (lastTried != null && sql.queryForObject("SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE ID_ = ?"
                        + " AND END_TIME_ IS NOT NULL", Integer.class, lastTried) == 1) {
                    completionsFoundDone.incrementAndGet();
                    return;
                }
                AppNode.sleep(200);
                continue;
            }
            assertThat(tasks).as("%s's tasks of %s", user, caseNumber).hasSize(1);
            String id = tasks.get(0).get("id").asText();
            Optional<HttpResponse<String>> done = api.post(user, "/engine-rest/task/" + id + "/complete", variables);
            if (done.isPresent() && done.get().statusCode() == 204) {
                completedTasks.add(id);
                return;
            }
            if (done.isPresent() && done.get().statusCode() != 404) {
                fail(user + " could not complete " + id + " of " + caseNumber + ": " + done.get().statusCode() + " " + done.get().body());
            }
            repeatedCompletions.incrementAndGet();
            lastTried = id;
            AppNode.sleep(300);
        }
        throw new AssertionError(user + " never completed the " + group + " step of " + caseNumber);
    }

    private static HttpResponse<String> answered(Optional<HttpResponse<String>> response, int status) {
        HttpResponse<String> answer = response.orElseThrow(() -> new AssertionError("no answer through the balancer"));
        HttpApi.expect(status, answer);
        return answer;
    }

    /** The agent login (Camunda Admin's way, through the REST API) and enterprises it may apply for (as the register's import would). */
    private List<Long> enterprises(ThroughTheBalancer api, int count) throws SQLException {
        answered(api.post("admin", "/engine-rest/user/create", "{\"profile\":{\"id\":\"" + AGENT
                + "\",\"firstName\":\"集群测试\",\"lastName\":\"经办人\"},\"credentials\":{\"password\":\"" + AGENT_PASSWORD + "\"}}"), 204);
        answered(api.put("admin", "/engine-rest/group/enterprise/members/" + AGENT), 204);
        for (int i = 0; i < count; i++) {
            String first17 = USCC_PREFIX + String.format("%07d", i);
            sql.update("INSERT INTO enterprise (uscc, name, locality_unit_id, contact_name, contact_phone, created_at)"
                    + " VALUES (?, ?, 'donghu', '集群测试', '0791-80000000', NOW(6))",
                    first17 + Uscc.checkCharacter(first17), "南昌集群测试企业" + i + "有限公司");
        }
        sql.update("INSERT INTO enterprise_agent (enterprise_id, user_id, scope, granted_by, granted_at)"
                + " SELECT id, ?, 'APPLY_AND_SUPPLEMENT', 'cluster-test', NOW(6) FROM enterprise WHERE uscc LIKE '" + USCC_PREFIX + "%'",
                AGENT);
        return sql.queryForList("SELECT id FROM enterprise WHERE uscc LIKE '" + USCC_PREFIX + "%' ORDER BY id", Long.class);
    }

    private static String order(String contract) {
        return "{\"counterparty\":\"南昌集群测试贸易有限公司\",\"contractNumber\":\"" + contract + "\",\"signingDate\":\"2023-08-18\","
                + "\"orderAmount\":\"60000000.00\",\"executionEvidence\":\"出库单 CK-2023-0818；发票 No.00112233\"}";
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
