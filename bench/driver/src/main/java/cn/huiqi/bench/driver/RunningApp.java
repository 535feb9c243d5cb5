package cn.huiqi.bench.driver;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A started app: its JVM, how long it took to answer, its resident memory; stopped with SIGTERM. */
final class RunningApp implements AutoCloseable {

    private static final long START_TIMEOUT_MS = 900_000;

    final App app;
    final Process process;
    final double startupSeconds;
    final Path log;

    private RunningApp(App app, Process process, double startupSeconds, Path log) {
        this.app = app;
        this.process = process;
        this.startupSeconds = startupSeconds;
        this.log = log;
    }

    /**
     * Starts the app on the database and waits until {@code GET /engine-rest/engine} answers 200 to the
     * administrator: the start-up time is from launching the JVM to that answer, the same for both apps.
     */
    static RunningApp start(App app, String database, Path root, String label) {
        Path log = root.resolve("logs").resolve(app.name.toLowerCase() + "-" + label + ".log");
        try {
            Files.createDirectories(log.getParent());
            File work = app.workDirectory(root);
            ProcessBuilder builder = new ProcessBuilder(app.command(database)).directory(work)
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(app.environment(database));
            long start = System.nanoTime();
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(app.name + " exited with " + process.exitValue() + " while starting; see " + log
                            + "\n" + tail(log));
                }
                if (app.http.get(App.ADMIN, App.DEMO_PASSWORD, "/engine-rest/engine").status() == 200) {
                    return new RunningApp(app, process, (System.nanoTime() - start) / 1e9, log);
                }
                if ((System.nanoTime() - start) / 1_000_000 > START_TIMEOUT_MS) {
                    process.destroyForcibly();
                    throw new IllegalStateException(app.name + " did not start within " + START_TIMEOUT_MS / 1000 + " s; see " + log);
                }
                App.sleep(200);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** CPU seconds (user + system, all threads) the app's JVM has used so far, from /proc/PID/stat (clock ticks of 1/100 s). */
    double cpuSeconds() {
        return cpuSeconds(process.pid());
    }

    /**
     * CPU seconds so far by kind of thread of the app's JVM (/proc/PID/task/TID/stat and comm): "requests" (Tomcat's
     * http-nio workers), "gc" (G1's threads and the VM thread), "jit" (the C1/C2 compiler threads) and "other" (the
     * rest, the engine's job executor among them), other taken as the process total minus the three, so the CPU of
     * threads that ended meanwhile still counts somewhere.
     */
    Map<String, Double> cpuSecondsByKind() {
        Map<String, Double> byKind = new LinkedHashMap<>();
        byKind.put("requests", 0.0);
        byKind.put("gc", 0.0);
        byKind.put("jit", 0.0);
        Path tasks = Path.of("/proc", String.valueOf(process.pid()), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                String kind = kindOf(readOrEmpty(thread.resolve("comm")).strip());
                if (kind != null) {
                    byKind.merge(kind, ticks(readOrEmpty(thread.resolve("stat"))), Double::sum);
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        byKind.put("other", cpuSeconds() - byKind.values().stream().mapToDouble(Double::doubleValue).sum());
        return byKind;
    }

    private static String kindOf(String threadName) {
        if (threadName.startsWith("http-nio")) {
            return "requests";
        }
        if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ") || threadName.equals("VM Thread")) {
            return "gc";
        }
        if (threadName.contains("CompilerThre")) {
            return "jit";
        }
        return null;
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    private static double ticks(String stat) {
        if (stat.isEmpty()) {
            return 0;
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    /** The same for the database server (mariadbd or mysqld on this machine), NaN if it is not found. */
    static double databaseCpuSeconds() {
        return ProcessHandle.allProcesses().filter(p -> p.info().command().map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld"))
                .orElse(false)).findFirst().map(p -> cpuSeconds(p.pid())).orElse(Double.NaN);
    }

    private static double cpuSeconds(long pid) {
        try {
            return ticks(Files.readString(Path.of("/proc", String.valueOf(pid), "stat"))); // utime + stime
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** VmRSS of the app's JVM in MB. */
    double rssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
