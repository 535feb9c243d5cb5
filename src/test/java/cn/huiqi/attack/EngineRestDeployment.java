package cn.huiqi.attack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** {@code POST /engine-rest/deployment/create} (multipart, as the Camunda Modeler sends it) as one user. */
final class EngineRestDeployment {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private EngineRestDeployment() {
    }

    static HttpResponse<String> create(int port, String user, String password, String deploymentName, String resourceName,
                                       String content) {
        String boundary = "----huiqi" + UUID.randomUUID().toString().replace("-", "");
        String body = part(boundary, "deployment-name", null, deploymentName)
                + part(boundary, "deployment-source", null, "attack-suite")
                + part(boundary, "enable-duplicate-filtering", null, "false")
                + part(boundary, "data", resourceName, content)
                + "--" + boundary + "--\r\n";
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
                .header("Authorization", "Basic " + token)
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String part(String boundary, String name, String fileName, String value) {
        return "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + name + "\"" + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\n"
                + (fileName == null ? "" : "Content-Type: application/octet-stream\r\n")
                + "\r\n" + value + "\r\n";
    }
}
