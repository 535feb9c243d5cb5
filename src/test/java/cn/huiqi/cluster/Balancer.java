package cn.huiqi.cluster;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx as the local load balancer of docs/deployment.md, run by the test in the foreground with a
 * configuration written to target/cluster-logs/nginx: API calls (HTTP Basic or bearer, no session) go round-robin
 * to both nodes, a page session goes back to the node named in its session id ({@code JSESSIONID=….node-a}), and
 * to the other node when that one is down. A connection refused or a 502 moves a request to the next node; nginx
 * never repeats a POST that already reached a node (non-idempotent), so the client retries with its own key.
 */
final class Balancer implements AutoCloseable {

    static final Path NGINX = Path.of("/usr/sbin/nginx");

    final int port;
    private final Path directory;
    private final Process process;

    private Balancer(int port, Path directory, Process process) {
        this.port = port;
        this.directory = directory;
        this.process = process;
    }

    static boolean installed() {
        return Files.isExecutable(NGINX);
    }

    static Balancer start(Path logs, List<AppNode> nodes) throws IOException {
        int port = AppNode.freePort();
        Path directory = logs.resolve("nginx").toAbsolutePath();
        Files.createDirectories(directory.resolve("temp"));
        Files.writeString(directory.resolve("nginx.conf"), configuration(port, directory, nodes));
        Process process = new ProcessBuilder(NGINX.toString(), "-p", directory.toString(), "-c", "nginx.conf",
                "-e", directory.resolve("error.log").toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("nginx.out").toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        Balancer balancer = new Balancer(port, directory, process);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return balancer;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("nginx exited: " + Files.readString(directory.resolve("nginx.out"))
                            + Files.readString(directory.resolve("error.log")));
                }
                AppNode.sleep(100);
            }
        }
        throw new IllegalStateException("nginx does not listen on " + port);
    }

    static String configuration(int port, Path directory, List<AppNode> nodes) {
        StringBuilder all = new StringBuilder();
        StringBuilder pinned = new StringBuilder();
        StringBuilder routes = new StringBuilder();
        for (AppNode node : nodes) {
            all.append("    server 127.0.0.1:").append(node.port).append(" max_fails=1 fail_timeout=30s;\n");
            pinned.append("  upstream huiqi_").append(node.name.replace('-', '_')).append(" {\n    server 127.0.0.1:")
                    .append(node.port).append(";\n");
            for (AppNode other : nodes) {
                if (other != node) {
                    pinned.append("    server 127.0.0.1:").append(other.port).append(" backup;\n");
                }
            }
            pinned.append("  }\n");
            routes.append("    \"~\\.").append(node.name).append("$\" huiqi_").append(node.name.replace('-', '_')).append(";\n");
        }
        String temp = directory.resolve("temp").toString();
        return """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                events { worker_connections 512; }
                http {
                  log_format upstream '$request_method $uri $status $upstream_addr';
                  access_log %1$s/access.log upstream;
                  client_body_temp_path %2$s/body;
                  proxy_temp_path %2$s/proxy;
                  fastcgi_temp_path %2$s/fastcgi;
                  uwsgi_temp_path %2$s/uwsgi;
                  scgi_temp_path %2$s/scgi;
                  client_max_body_size 50m;
                  upstream huiqi {
                %3$s    keepalive 16;
                  }
                %4$s
                  map $cookie_JSESSIONID $huiqi_nodes {
                    default huiqi;
                %5$s  }
                  server {
                    listen 127.0.0.1:%6$d;
                    location / {
                      proxy_pass http://$huiqi_nodes;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                      proxy_set_header Host $http_host;
                      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                      proxy_set_header X-Forwarded-Proto $scheme;
                      proxy_next_upstream error timeout http_502 http_503;
                      proxy_connect_timeout 2s;
                      proxy_read_timeout 120s;
                    }
                  }
                }
                """.formatted(directory, temp, all, pinned, routes, port);
    }

    /** How many requests each upstream address answered, from the access log. */
    Map<String, Integer> requestsPerUpstream() throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        for (String line : Files.readAllLines(directory.resolve("access.log"))) {
            String[] parts = line.split(" ");
            counts.merge(parts[parts.length - 1], 1, Integer::sum);
        }
        return counts;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
