package cn.huiqi.bench.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

import cn.huiqi.bench.driver.Figures.Figure;

/**
 * The benchmark (bench/README.md, docs/performance.md). Two phases, each run R times, interleaved Huiqi,
 * baseline, Huiqi, … (the lifecycle rounds take turns at going first):
 * <ol>
 * <li>lifecycle, on a database recreated for every run: start-up on the empty database; N measure-1
 * cases from submission to both city approvals, 4 at a time (throughput; statements, inserts, variable
 * writes and bytes per case from the counters' differences); then submissions one at a time (p50);</li>
 * <li>lists, on the database seeded once with K open verification tasks in donghu's queue: the task list's
 * first page + count as donghu-verifier and as admin, Huiqi's /api/cases as gxj-reviewer, RSS after.</li>
 * </ol>
 */
public final class Bench {

    static final Figure THROUGHPUT = new Figure("measure-1 lifecycle throughput (cases/s; N cases, 4 concurrent)", 2, true);
    static final Figure SUBMIT_P50 = new Figure("submit p50 (ms, one at a time)", 0, true);
    static final Figure CPU_PER_CASE = new Figure("app CPU per case (ms, user + system of its JVM over the N cases)", 0, true);
    static final Figure REQUEST_CPU_PER_CASE = new Figure("… of which request threads (ms; http-nio)", 0, true);
    static final Figure GC_CPU_PER_CASE = new Figure("… of which garbage collection (ms; G1 threads, VM thread)", 0, true);
    static final Figure JIT_CPU_PER_CASE = new Figure("… of which JIT compilation (ms; C1/C2 threads)", 0, true);
    static final Figure OTHER_CPU_PER_CASE = new Figure("… of which other threads (ms; job executor, timers, …)", 0, true);
    static final Figure DB_CPU_PER_CASE = new Figure("database server CPU per case (ms, mariadbd over the N cases)", 0, true);
    static final Figure STATEMENTS = new Figure("SQL statements per case (SELECT + INSERT/UPDATE/DELETE)", 0, true);
    static final Figure INSERTS = new Figure("rows inserted per case", 0, true);
    static final Figure VARIABLE_WRITES = new Figure("process variable writes per case (ACT_HI_DETAIL rows)", 1, true);
    static final Figure VARIABLES = new Figure("process variables per case (ACT_HI_VARINST rows)", 1, true);
    static final Figure SIZE_PER_CASE = new Figure("database size per completed case (KB)", 1, true);
    static final Figure SIZE_PER_OPEN = new Figure("database size per open application, K seeded (KB)", 1, true);
    static final Figure MEMBER_P50 = new Figure("task list page + count as donghu-verifier, K open tasks, p50 (ms)", 1, true);
    static final Figure MEMBER_P95 = new Figure("task list page + count as donghu-verifier, K open tasks, p95 (ms)", 1, true);
    static final Figure ADMIN_P50 = new Figure("the same as admin (no per-row authorization), p50 (ms)", 1, true);
    static final Figure ADMIN_P95 = new Figure("the same as admin (no per-row authorization), p95 (ms)", 1, true);
    static final Figure CASES_P95 = new Figure("GET /api/cases (first page of 20 + total) as gxj-reviewer at K cases, p95 (ms)", 1, false);
    static final Figure CASES_MB = new Figure("GET /api/cases as gxj-reviewer at K cases, body (MB)", 2, false);
    static final Figure CASES_LOCALITY_P95 = new Figure("GET /api/cases first page as donghu-verifier at K cases, p95 (ms)", 1, false);
    static final Figure CASES_FILTERED_P95 = new Figure("GET /api/cases?measure=M1&status=LOCALITY_VERIFICATION&page=10 as admin, p95 (ms)", 1, false);
    static final Figure RSS = new Figure("RSS after the lists (MB)", 0, true);
    static final Figure STARTUP = new Figure("start-up on an empty database (s)", 1, true);
    static final Figure SEED_RATE = new Figure("seeding through the API (applications/s, 4 concurrent)", 1, true);

    static final List<Figure> ORDER = List.of(THROUGHPUT, SUBMIT_P50, CPU_PER_CASE, REQUEST_CPU_PER_CASE, GC_CPU_PER_CASE,
            JIT_CPU_PER_CASE, OTHER_CPU_PER_CASE, DB_CPU_PER_CASE, STATEMENTS, INSERTS, VARIABLE_WRITES, VARIABLES,
            SIZE_PER_CASE, SIZE_PER_OPEN, MEMBER_P50, MEMBER_P95, ADMIN_P50, ADMIN_P95, CASES_P95, CASES_MB, CASES_LOCALITY_P95,
            CASES_FILTERED_P95, RSS, STARTUP,
            SEED_RATE);

    /** The figures of the lifecycle runs, the ones an extra Huiqi build (--also-huiqi) has. */
    static final List<Figure> LIFECYCLE_ORDER = List.of(THROUGHPUT, SUBMIT_P50, CPU_PER_CASE, REQUEST_CPU_PER_CASE, GC_CPU_PER_CASE,
            JIT_CPU_PER_CASE, OTHER_CPU_PER_CASE, DB_CPU_PER_CASE, STATEMENTS, INSERTS, VARIABLES, SIZE_PER_CASE, STARTUP);

    /** Tables left out of the size: Huiqi's enterprise register (the bench enterprises are reference data). */
    static final Set<String> NOT_APPLICATION_DATA = Set.of("enterprise", "enterprise_agent");

    private static final String OPEN_TASKS = "SELECT COUNT(*) FROM ACT_RU_TASK t JOIN ACT_RU_IDENTITYLINK l ON l.TASK_ID_ = t.ID_"
            + " WHERE l.GROUP_ID_ = '" + App.LOCALITY + "' AND l.TYPE_ = 'candidate'";

    private final Options options;
    private final Figures figures = new Figures();
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Double> emptySize = new java.util.concurrent.ConcurrentHashMap<>();

    private Bench(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        new Bench(options).run();
    }

    private void run() throws Exception {
        String started = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        String load = String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).strip().split(" ")).subList(0, 3));
        List<App> apps = List.of(new HuiqiApp(options.huiqiPort, options.huiqiClasspath),
                new BaselineApp(options.baselinePort, options.baselineClasspath));
        List<App> lifecycleApps = new ArrayList<>(apps);
        if (options.alsoHuiqiClasspath != null) {
            lifecycleApps.add(1, new HuiqiApp("Huiqi " + options.alsoHuiqiLabel, options.huiqiPort, options.alsoHuiqiClasspath));
        }
        apps.forEach(app -> Db.ensureAppUser(app.dbUser, app.seededDatabase()));
        boolean statisticsWereOn = Db.userStatisticsOn();
        try {
            if (!options.listsOnly && !options.seedOnly) {
                for (int run = 1; run <= options.runs; run++) {
                    // each app takes each place in a round in turn: the first place of a round ran some 5-10 % slower
                    // (session 18), and always giving it to Huiqi held its ratio down
                    List<App> order = new ArrayList<>(lifecycleApps);
                    Collections.rotate(order, -(run - 1));
                    for (App app : order) {
                        lifecycleRun(app, run);
                    }
                }
            }
            for (App app : options.lifecycleOnly ? List.<App>of() : apps) {
                seed(app);
            }
            if (!options.seedOnly && !options.lifecycleOnly) {
                for (int run = 1; run <= options.runs; run++) {
                    for (App app : apps) {
                        listsRun(app, run);
                    }
                }
            }
        } finally {
            if (!statisticsWereOn) {
                Db.userStatisticsOff();
            }
        }
        report(started, load, lifecycleApps);
    }

    /** Phase 1: start-up on an empty database, N lifecycles 4 at a time, then submissions one at a time. */
    private void lifecycleRun(App app, int run) {
        String database = app.emptyDatabase();
        Db.recreate(database);
        log("%s run %d: starting on an empty database", app.name, run);
        try (RunningApp running = RunningApp.start(app, database, options.root, "lifecycle-" + run)) {
            figures.add(STARTUP, app.name, running.startupSeconds);
            log("%s run %d: started in %.1f s", app.name, run, running.startupSeconds);
            emptySize.putIfAbsent(app.name, Db.sizeBytes(database, NOT_APPLICATION_DATA));

            int warmUp = options.warmUpCases;
            List<Long> applicants = new ArrayList<>(app.applicants(database, warmUp + 2 * options.cases));
            List<Long> warm = applicants.subList(0, warmUp);
            List<Long> measured = applicants.subList(warmUp, warmUp + options.cases);
            List<Long> serial = applicants.subList(warmUp + options.cases, warmUp + 2 * options.cases);
            concurrently(warm, options.concurrency, applicant -> app.lifecycle(applicant, new ArrayList<>()));

            Map<String, Double> before = Db.statementsOf(app.dbUser);
            long details = Db.count(database, "SELECT COUNT(*) FROM ACT_HI_DETAIL");
            long variables = Db.count(database, "SELECT COUNT(*) FROM ACT_HI_VARINST");
            double size = Db.sizeBytes(database, NOT_APPLICATION_DATA);

            double cpuBefore = running.cpuSeconds();
            Map<String, Double> byKindBefore = running.cpuSecondsByKind();
            double dbCpuBefore = RunningApp.databaseCpuSeconds();
            long start = System.nanoTime();
            int failed = concurrently(measured, options.concurrency,
                    applicant -> app.lifecycle(applicant, Collections.synchronizedList(new ArrayList<>())));
            double seconds = (System.nanoTime() - start) / 1e9;
            int done = measured.size() - failed;
            Map<String, Double> after = Db.statementsOf(app.dbUser);
            if (failed > 0) {
                notes.add(app.name + " lifecycle run " + run + ": " + failed + " of " + measured.size() + " cases failed");
            }
            figures.add(THROUGHPUT, app.name, done / seconds);
            figures.add(CPU_PER_CASE, app.name, (running.cpuSeconds() - cpuBefore) * 1000 / done);
            Map<String, Double> byKindAfter = running.cpuSecondsByKind();
            Map<String, Figure> kinds = Map.of("requests", REQUEST_CPU_PER_CASE, "gc", GC_CPU_PER_CASE,
                    "jit", JIT_CPU_PER_CASE, "other", OTHER_CPU_PER_CASE);
            kinds.forEach((kind, figure) -> figures.add(figure, app.name,
                    (byKindAfter.getOrDefault(kind, Double.NaN) - byKindBefore.getOrDefault(kind, Double.NaN)) * 1000 / done));
            figures.add(DB_CPU_PER_CASE, app.name, (RunningApp.databaseCpuSeconds() - dbCpuBefore) * 1000 / done);
            figures.add(STATEMENTS, app.name, (delta(before, after, "select") + delta(before, after, "update")) / done);
            figures.add(INSERTS, app.name, delta(before, after, "rowsInserted") / done);
            figures.add(VARIABLE_WRITES, app.name, (Db.count(database, "SELECT COUNT(*) FROM ACT_HI_DETAIL") - details) / (double) done);
            figures.add(VARIABLES, app.name, (Db.count(database, "SELECT COUNT(*) FROM ACT_HI_VARINST") - variables) / (double) done);
            figures.add(SIZE_PER_CASE, app.name, (Db.sizeBytes(database, NOT_APPLICATION_DATA) - size) / 1024 / done);
            log("%s run %d: %d lifecycles in %.1f s", app.name, run, done, seconds);

            List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
            concurrently(serial, 1, applicant -> app.submit(applicant, latencies));
            figures.add(SUBMIT_P50, app.name, Stats.percentile(latencies, 50));
        }
    }

    /** Tops the seeded database up to K open verification tasks in donghu's queue, through the app's API. */
    private void seed(App app) {
        String database = app.seededDatabase();
        if (options.reseed) {
            Db.recreate(database);
        } else {
            Db.createIfMissing(database);
            if (Db.hasTable(database, "ACT_RU_TASK") && Db.count(database, OPEN_TASKS) >= options.tasks) {
                log("%s: %d open tasks in %s's queue already", app.name, Db.count(database, OPEN_TASKS), App.LOCALITY);
                return;
            }
        }
        try (RunningApp running = RunningApp.start(app, database, options.root, "seed")) {
            long open = Db.count(database, OPEN_TASKS);
            if (open == 0) {
                emptySize.putIfAbsent(app.name, Db.sizeBytes(database, NOT_APPLICATION_DATA));
            }
            int missing = (int) Math.max(0, options.tasks - open);
            log("%s: %d open tasks in %s's queue, seeding %d", app.name, open, App.LOCALITY, missing);
            if (missing > 0) {
                List<Long> applicants = app.applicants(database, missing);
                AtomicInteger progress = new AtomicInteger();
                long start = System.nanoTime();
                int failed = concurrently(applicants, options.concurrency, applicant -> {
                    app.submit(applicant, new ArrayList<>());
                    int n = progress.incrementAndGet();
                    if (n % 1000 == 0) {
                        log("%s: seeded %d of %d", app.name, n, missing);
                    }
                });
                double seconds = (System.nanoTime() - start) / 1e9;
                double rate = (missing - failed) / seconds;
                figures.add(SEED_RATE, app.name, rate);
                notes.add(String.format(Locale.ROOT, "%s: seeded %d applications in %.0f s (%.1f/s); 100,000 would take about %.0f min",
                        app.name, missing - failed, seconds, rate, 100_000 / rate / 60));
            }
            long applications = Db.count(database, OPEN_TASKS);
            Double empty = emptySize.get(app.name);
            if (empty != null && applications > 0) {
                figures.add(SIZE_PER_OPEN, app.name, (Db.sizeBytes(database, NOT_APPLICATION_DATA) - empty) / 1024 / applications);
            }
        }
    }

    /** Phase 2: the lists at K open tasks, then the JVM's RSS. */
    private void listsRun(App app, int run) {
        String database = app.seededDatabase();
        log("%s lists run %d", app.name, run);
        try (RunningApp running = RunningApp.start(app, database, options.root, "lists-" + run)) {
            List<Double> member = pageAndCount(app, App.VERIFIER);
            figures.add(MEMBER_P50, app.name, Stats.percentile(member, 50));
            figures.add(MEMBER_P95, app.name, Stats.percentile(member, 95));
            List<Double> admin = pageAndCount(app, App.ADMIN);
            figures.add(ADMIN_P50, app.name, Stats.percentile(admin, 50));
            figures.add(ADMIN_P95, app.name, Stats.percentile(admin, 95));
            if (app.caseListPath() != null) {
                caseList(app, run);
            }
            figures.add(RSS, app.name, running.rssMegabytes());
        }
    }

    /**
     * The app's own case list (paged: the first page plus the total) as a city reviewer, a locality and, filtered and
     * further on, as admin; a failure (e.g. out of memory at K) is a note, not the end of the bench.
     */
    private void caseList(App app, int run) {
        String path = app.caseListPath();
        caseList(app, run, "gxj-reviewer", path, CASES_P95, CASES_MB);
        caseList(app, run, App.VERIFIER, path, CASES_LOCALITY_P95, null);
        caseList(app, run, App.ADMIN, path + "?measure=M1&status=LOCALITY_VERIFICATION&page=10", CASES_FILTERED_P95, null);
    }

    private void caseList(App app, int run, String user, String path, Figure p95, Figure megabytes) {
        try {
            List<Double> times = new ArrayList<>();
            double bytes = 0;
            for (int call = 0; call < options.warmUpCalls + options.calls; call++) {
                Http.Answer answer = app.http.get(user, App.DEMO_PASSWORD, path).expect(200);
                if (call >= options.warmUpCalls) {
                    times.add(answer.millis());
                    bytes = answer.body().length;
                }
            }
            figures.add(p95, app.name, Stats.percentile(times, 95));
            if (megabytes != null) {
                figures.add(megabytes, app.name, bytes / 1024 / 1024);
            }
        } catch (RuntimeException e) {
            notes.add(app.name + " lists run " + run + ": " + user + " " + path + " failed: " + e.getMessage());
        }
    }

    /** The time of the first page plus the count, called one after the other, per repetition. */
    private List<Double> pageAndCount(App app, String user) {
        List<Double> times = new ArrayList<>();
        for (int call = 0; call < options.warmUpCalls + options.calls; call++) {
            Http.Answer page = app.http.get(user, App.DEMO_PASSWORD, App.taskPage(App.LOCALITY)).expect(200);
            Http.Answer count = app.http.get(user, App.DEMO_PASSWORD, App.taskCount(App.LOCALITY)).expect(200);
            if (call == 0 && page.json().size() == 0) {
                notes.add(app.name + ": " + user + " sees an empty first page");
            }
            if (call >= options.warmUpCalls) {
                times.add(page.millis() + count.millis());
            }
        }
        return times;
    }

    /** Runs the work for every item on a pool of the given size; answers how many failed (each logged once). */
    private int concurrently(List<Long> items, int threads, LongConsumer work) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ConcurrentLinkedQueue<Long> queue = new ConcurrentLinkedQueue<>(items);
        AtomicInteger failed = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                Long item;
                while ((item = queue.poll()) != null) {
                    try {
                        work.accept(item);
                    } catch (RuntimeException e) {
                        if (failed.incrementAndGet() <= 3) {
                            log("failed: %s", e.getMessage());
                        }
                    }
                }
            }));
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        pool.shutdown();
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return failed.get();
    }

    private void report(String started, String load, List<App> apps) throws IOException {
        String huiqi = apps.get(0).name;
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark ").append(started).append(options.quick ? " (smoke run, --quick)" : "").append("\n\n");
        md.append(String.format(Locale.ROOT, "Runs: %d, interleaved (Huiqi, baseline; the next round baseline, Huiqi; …); N = %d cases per lifecycle run "
                        + "(after %d warm-up cases), K = %,d open tasks, %d calls per list figure (after %d warm-up calls), %d concurrent clients. "
                        + "Machine: %d cores, load average at start %s. Medians, (min–max) over the runs; "
                        + "ratio = Huiqi ÷ baseline.%n%n", options.runs, options.cases, options.warmUpCases, options.tasks, options.calls,
                options.warmUpCalls, options.concurrency, Runtime.getRuntime().availableProcessors(), load));
        String baseline = apps.get(apps.size() - 1).name;
        md.append(figures.table(ORDER, huiqi, baseline)).append('\n').append(figures.pairedRatios(THROUGHPUT, huiqi, baseline));
        for (App other : apps.subList(1, apps.size() - 1)) {
            md.append("The same lifecycle runs, interleaved: ").append(other.name).append(" against the baseline, and ").append(huiqi)
                    .append(" against ").append(other.name).append(".\n\n").append(figures.table(LIFECYCLE_ORDER, other.name, baseline, other.name, "bare Camunda"))
                    .append('\n').append(figures.pairedRatios(THROUGHPUT, other.name, baseline))
                    .append(figures.table(LIFECYCLE_ORDER, huiqi, other.name, huiqi, other.name)).append('\n')
                    .append(figures.pairedRatios(THROUGHPUT, huiqi, other.name));
        }
        if (!notes.isEmpty()) {
            md.append("Notes:\n\n");
            notes.forEach(n -> md.append("* ").append(n).append('\n'));
            md.append('\n');
        }
        md.append("<details><summary>Every run's values</summary>\n\n").append(figures.raw(ORDER, apps.stream().map(app -> app.name).toList()))
                .append("\n</details>\n");
        System.out.println();
        System.out.println(md);
        Files.createDirectories(options.out.getParent());
        Files.writeString(options.out, md.toString());
        log("written to %s", options.out);
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String key) {
        return after.get(key) - before.get(key);
    }

    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench %s] %s%n", LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")),
                String.format(Locale.ROOT, format, args));
    }
}
