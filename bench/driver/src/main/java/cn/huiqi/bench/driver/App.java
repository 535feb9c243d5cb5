package cn.huiqi.bench.driver;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One of the two apps under test: how it is started, which MariaDB user and databases it has, and how a
 * measure-1 case is submitted and worked on through its API. Everything else (timing, counting, the
 * statistics) lives in {@link Bench}, so both apps are measured the same way.
 */
abstract class App {

    static final String DEMO_PASSWORD = "demo";
    static final String LOCALITY = "donghu";
    static final String VERIFIER = "donghu-verifier";
    static final String ADMIN = "admin";
    static final List<String> REVIEW_UNITS = List.of("gxj", "swj");
    static final String ORDER_AMOUNT = "60000000.00";
    static final String SIGNING_DATE = "2023-08-18";

    final String name;
    final int port;
    final String dbUser;
    final Http http;
    private final Path classpathFile;
    private final String mainClass;

    App(String name, int port, String dbUser, Path classpathFile, String mainClass) {
        this.name = name;
        this.port = port;
        this.dbUser = dbUser;
        this.http = new Http(port);
        this.classpathFile = classpathFile;
        this.mainClass = mainClass;
    }

    /** The database recreated for every start-up / lifecycle run. */
    abstract String emptyDatabase();

    /** The database seeded once with the open tasks and kept between runs. */
    abstract String seededDatabase();

    /** Arguments after the main class. */
    abstract List<String> arguments(String database);

    /** Environment of the app's JVM. */
    abstract Map<String, String> environment(String database);

    /**
     * Makes {@code count} applicants ready (Huiqi: enterprises that have no measure-1 case yet, one
     * application each; the baseline has no register, so these are only numbers) and answers their ids.
     */
    abstract List<Long> applicants(String database, int count);

    /** Submits one application; answers the business key (case number) of the case it made. */
    abstract String submit(long applicant, List<Double> latencies);

    /** Variables the locality sends when it approves (Tasklist's form). */
    abstract String verificationApproval();

    /** Paths of the engine's task list: first page and count of a candidate group's queue. */
    static String taskPage(String group) {
        return "/engine-rest/task?candidateGroup=" + group + "&firstResult=0&maxResults=15";
    }

    static String taskCount(String group) {
        return "/engine-rest/task/count?candidateGroup=" + group;
    }

    /** The app's own case list, if it has one. */
    String caseListPath() {
        return null;
    }

    String reviewerOf(String unit) {
        return unit + "-reviewer";
    }

    /** The whole measure-1 lifecycle of one case: submit, verify, both city reviews. */
    void lifecycle(long applicant, List<Double> submitLatencies) {
        String businessKey = submit(applicant, submitLatencies);
        complete(VERIFIER, businessKey, LOCALITY, verificationApproval());
        for (String unit : REVIEW_UNITS) {
            complete(reviewerOf(unit), businessKey, unit, "{\"variables\":{\"decision\":{\"value\":\"approve\",\"type\":\"String\"}}}");
        }
    }

    /** Finds the one task of the case in the unit's queue, as a member of the unit, and completes it. */
    void complete(String user, String businessKey, String group, String variables) {
        String id = null;
        for (int attempt = 0; attempt < 20 && id == null; attempt++) {
            var tasks = http.get(user, DEMO_PASSWORD, "/engine-rest/task?processInstanceBusinessKey=" + businessKey
                    + "&candidateGroup=" + group).expect(200).json();
            if (tasks.size() == 1) {
                id = tasks.get(0).get("id").asText();
            } else if (tasks.size() > 1) {
                throw new IllegalStateException(user + " sees " + tasks.size() + " tasks of " + businessKey);
            } else {
                sleep(100);
            }
        }
        if (id == null) {
            throw new IllegalStateException(user + " never sees a task of " + businessKey + " in " + group);
        }
        http.post(user, DEMO_PASSWORD, "/engine-rest/task/" + id + "/complete", variables).expect(204);
    }

    /** The JVM command: -Xmx1g, the app's classes and dependencies, its main class. */
    List<String> command(String database) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        // extra JVM options for both apps, {app} = the app's name, {database} its database (the lifecycle's or the
        // lists'): BENCH_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/{app}-{database}.jfr"
        String extra = System.getenv("BENCH_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().replace("{app}", name.toLowerCase().replace(' ', '-')).replace("{database}", database).split("\\s+")));
        }
        command.add("-cp");
        try {
            command.add(Files.readString(classpathFile).strip());
        } catch (IOException e) {
            throw new IllegalStateException("build the apps first (bench/run.sh): " + classpathFile, e);
        }
        command.add(mainClass);
        command.addAll(arguments(database));
        return command;
    }

    File workDirectory(Path root) {
        File dir = root.resolve("work-" + name.toLowerCase()).toFile();
        dir.mkdirs();
        return dir;
    }

    static String order(String contract) {
        return "{\"counterparty\":\"南昌基准测试贸易有限公司\",\"contractNumber\":\"" + contract + "\",\"signingDate\":\""
                + SIGNING_DATE + "\",\"orderAmount\":\"" + ORDER_AMOUNT + "\",\"executionEvidence\":\"出库单 CK-2023-0818；发票 No.00112233\"}";
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
