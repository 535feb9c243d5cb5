package cn.huiqi.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real S3-compatible server for tests: the npm package s3rver (pinned {@link #VERSION}) on 127.0.0.1, a free port,
 * a temporary directory, one bucket, its fixed credentials S3RVER / S3RVER. Installed like the other tools of
 * scripts/test.sh (ensure_s3rver) into ~/.cache/huiqi/s3rver ({@code HUIQI_S3RVER_DIR} to move it); when missing there
 * it is installed here with npm; only without npm is the test skipped, saying so.
 */
public final class S3rver implements AutoCloseable {

    public static final String VERSION = "3.7.1";
    public static final String ACCESS_KEY = "S3RVER";
    public static final String SECRET_KEY = "S3RVER";

    private final Process process;
    private final int port;
    private final Path log;

    private S3rver(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static Path installDir() {
        String dir = System.getenv("HUIQI_S3RVER_DIR");
        return dir == null || dir.isBlank() ? Path.of(System.getProperty("user.home"), ".cache", "huiqi", "s3rver") : Path.of(dir);
    }

    public static S3rver start(Path data, String bucket) throws Exception {
        Path script = installDir().resolve("node_modules/s3rver/bin/s3rver.js");
        if (!Files.isRegularFile(script)) {
            install(installDir());
        }
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path log = Files.createTempFile("s3rver-", ".log");
        Process process = new ProcessBuilder("node", script.toString(), "-d", data.toString(), "-a", "127.0.0.1", "-p",
                Integer.toString(port), "--silent", "--no-vhost-buckets", "--configure-bucket", bucket)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        S3rver server = new S3rver(process, port, log);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!server.answers()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                server.close();
                throw new IllegalStateException("s3rver did not start on port " + port + ": " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        return server;
    }

    private static void install(Path dir) throws Exception {
        boolean npm = new ProcessBuilder("sh", "-c", "command -v npm").start().waitFor() == 0;
        Assumptions.assumeTrue(npm, "s3rver is not installed in " + dir + " and npm is not on the PATH: the S3 store test is skipped "
                + "(scripts/test.sh installs it; or: npm install --prefix " + dir + " s3rver@" + VERSION + ")");
        Files.createDirectories(dir);
        Process install = new ProcessBuilder(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", dir.toString(), "s3rver@" + VERSION))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!install.waitFor(5, TimeUnit.MINUTES) || install.exitValue() != 0) {
            install.destroyForcibly();
            throw new IllegalStateException("npm install s3rver@" + VERSION + " into " + dir + " failed");
        }
    }

    private boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(log);
    }
}
