package cn.huiqi.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * API calls as a user through the balancer (HTTP Basic, no session). A call that a dying node never answers
 * (connection reset, 502/503/504 from the balancer) comes back empty and is counted; the caller decides whether
 * repeating it is safe.
 */
final class ThroughTheBalancer {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final AtomicInteger unanswered = new AtomicInteger();
    private final int port;
    private final java.util.Map<String, String> passwords = new java.util.concurrent.ConcurrentHashMap<>();

    ThroughTheBalancer(int port) {
        this.port = port;
    }

    /** Users without one sign in with the quick start's password "demo". */
    void password(String user, String password) {
        passwords.put(user, password);
    }

    Optional<HttpResponse<String>> get(String user, String path) {
        return send(user, HttpRequest.newBuilder(uri(path)).GET());
    }

    Optional<HttpResponse<String>> post(String user, String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(user, request);
    }

    Optional<HttpResponse<String>> put(String user, String path) {
        return send(user, HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    private Optional<HttpResponse<String>> send(String user, HttpRequest.Builder request) {
        String token = Base64.getEncoder().encodeToString((user + ":" + passwords.getOrDefault(user, "demo")).getBytes(StandardCharsets.UTF_8));
        request.header("Authorization", "Basic " + token).header("Accept", "application/json").timeout(Duration.ofSeconds(90));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 502 || response.statusCode() == 503 || response.statusCode() == 504) {
                unanswered.incrementAndGet();
                return Optional.empty();
            }
            return Optional.of(response);
        } catch (IOException e) {
            unanswered.incrementAndGet();
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
