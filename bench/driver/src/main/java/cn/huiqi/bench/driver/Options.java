package cn.huiqi.bench.driver;

import java.nio.file.Path;
import java.time.LocalDate;

/** The command line of bench/run.sh, passed through to the driver. */
final class Options {

    int runs = 5;
    int tasks = 100_000;
    int cases = 100;
    int calls = 50;
    int warmUpCalls = 5;
    /** Lifecycles run before the measured N in each lifecycle run (4: the figures since session 11; more: the JIT-warm steady state). */
    int warmUpCases = 4;
    int concurrency = 4;
    boolean quick;
    boolean reseed;
    boolean seedOnly;
    boolean listsOnly;
    int huiqiPort = 18091;
    int baselinePort = 18090;
    Path root = Path.of("bench/target");
    Path huiqiClasspath;
    /** Only the lifecycle runs (start-up, throughput, CPU, SQL, storage): no seeding, no lists. */
    boolean lifecycleOnly;
    /** An earlier Huiqi build in the lifecycle runs too, label → classpath file (before/after in one interleaved set). */
    String alsoHuiqiLabel;
    Path alsoHuiqiClasspath;
    Path baselineClasspath;
    Path out;

    static Options parse(String[] args) {
        Options o = new Options();
        Integer runs = null;
        Integer tasks = null;
        Integer cases = null;
        Integer calls = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--tasks" -> tasks = Integer.parseInt(args[++i]);
                case "--cases" -> cases = Integer.parseInt(args[++i]);
                case "--calls" -> calls = Integer.parseInt(args[++i]);
                case "--concurrency" -> o.concurrency = Integer.parseInt(args[++i]);
                case "--warm-up-cases" -> o.warmUpCases = Integer.parseInt(args[++i]);
                case "--quick" -> o.quick = true;
                case "--reseed" -> o.reseed = true;
                case "--seed-only" -> o.seedOnly = true;
                case "--lists-only" -> o.listsOnly = true;
                case "--lifecycle-only" -> o.lifecycleOnly = true;
                case "--root" -> o.root = Path.of(args[++i]);
                case "--huiqi-classpath" -> o.huiqiClasspath = Path.of(args[++i]);
                case "--also-huiqi" -> {
                    String[] labelAndFile = args[++i].split("=", 2);
                    o.alsoHuiqiLabel = labelAndFile[0];
                    o.alsoHuiqiClasspath = Path.of(labelAndFile[1]);
                }
                case "--baseline-classpath" -> o.baselineClasspath = Path.of(args[++i]);
                case "--out" -> o.out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + a
                        + " (--runs R --tasks K --cases N --calls C --concurrency 4 --warm-up-cases W --quick --reseed --seed-only --lists-only --lifecycle-only --also-huiqi LABEL=CLASSPATH_FILE --out FILE)");
            }
        }
        if (o.quick) {
            o.runs = 1;
            o.tasks = 1_000;
            o.cases = 20;
            o.calls = 20;
        }
        o.runs = runs != null ? runs : o.runs;
        o.tasks = tasks != null ? tasks : o.tasks;
        o.cases = cases != null ? cases : o.cases;
        o.calls = calls != null ? calls : o.calls;
        if (o.huiqiClasspath == null) {
            o.huiqiClasspath = o.root.resolve("huiqi.classpath");
        }
        if (o.baselineClasspath == null) {
            o.baselineClasspath = o.root.resolve("baseline.classpath");
        }
        if (o.out == null) {
            o.out = Path.of("bench/results/" + LocalDate.now() + (o.quick ? "-quick" : "") + ".md");
        }
        o.root = o.root.toAbsolutePath();
        return o;
    }
}
