package cn.huiqi.cluster;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.MariaDbTestDatabase;

/**
 * One Huiqi node in a JVM of its own (two webapps in one JVM break): the app's classes and the test's dependencies,
 * profile mysql with the quick-start accounts and data, the job executor on with short waits, output in
 * target/cluster-logs/&lt;name&gt;.log.
 */
final class AppNode implements AutoCloseable {

    final String name;
    final int port;
    final Path log;
    private final Process process;
    private final long startedNanos = System.nanoTime();
    private final String database;
    private final Path logs;
    private final String[] arguments;

    private AppNode(String name, int port, Path log, Process process, String database, Path logs, String[] arguments) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
        this.database = database;
        this.logs = logs;
        this.arguments = arguments;
    }

    static AppNode start(String name, String database, Path logs, String... arguments) throws IOException {
        return start(name, freePort(), name + ".log", database, logs, arguments);
    }

    /** The node started again, after it died, on its port (the balancer's address for it); output in &lt;name&gt;-again.log. */
    AppNode startAgain() throws IOException {
        return start(name, port, name + "-again.log", database, logs, arguments);
    }

    private static AppNode start(String name, int port, String logName, String database, Path logs, String... arguments) throws IOException {
        Path work = logs.resolve(name);
        Files.createDirectories(work);
        Path log = logs.resolve(logName);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx640m", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8", "-Duser.timezone=Asia/Shanghai",
                "-cp", appClasspath(), "cn.huiqi.HuiqiApplication",
                "--spring.profiles.active=mysql",
                "--spring.datasource.url=" + MariaDbTestDatabase.url(database),
                "--spring.datasource.username=" + MariaDbTestDatabase.user(),
                "--spring.datasource.password=" + MariaDbTestDatabase.password(),
                "--spring.flyway.locations=classpath:db/migration,classpath:db/demo",
                "--huiqi.demo-accounts=true",
                "--huiqi.node.name=" + name,
                "--huiqi.security-log.directory=" + work.resolve("logs"),
                "--server.port=" + port,
                // due jobs are found within a second, and a job a dead node held is free again after 10 s
                "--camunda.bpm.job-execution.wait-time-in-millis=500",
                "--camunda.bpm.job-execution.max-wait=1000",
                "--camunda.bpm.job-execution.lock-time-in-millis=10000"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new AppNode(name, port, log, process, database, logs, arguments);
    }

    /** Waits until the node answers as administrator; answers the seconds since its JVM was launched. */
    double awaitReady(long timeoutSeconds) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting:\n" + tail());
            }
            try {
                if (HttpApi.as(port, "admin", "demo").get("/engine-rest/engine").statusCode() == 200) {
                    return (System.nanoTime() - startedNanos) / 1e9;
                }
            } catch (AssertionError notYetListening) {
                // connection refused until Tomcat listens
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " did not start within " + timeoutSeconds + " s:\n" + tail());
    }

    /** The node dies at once, as a crash or a pulled plug would end it: no shutdown, no unlocking of its jobs. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    /**
     * The test JVM's classpath without the test classes (Surefire names it in surefire.test.class.path; its own
     * java.class.path may be a manifest-only jar).
     */
    private static String appClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes" + File.separator))
                .collect(Collectors.joining(File.pathSeparator));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
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
