package cn.huiqi.attack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A multipart/form-data upload as a browser sends it (fields, then one file part whose name is written as given, raw
 * UTF-8, so tests can put path tricks and control characters into it), as a user (HTTP Basic) or anonymous.
 */
final class Multipart {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Map<String, String> fields = new LinkedHashMap<>();
    private String fileName = "file.pdf";
    private byte[] bytes = new byte[0];
    private boolean requestedWith = true;
    private boolean withFile = true;

    static Multipart file(String fileName, byte[] bytes) {
        Multipart upload = new Multipart();
        upload.fileName = fileName;
        upload.bytes = bytes;
        return upload;
    }

    Multipart field(String name, Object value) {
        fields.put(name, String.valueOf(value));
        return this;
    }

    /** Without the X-Requested-With header a page of another site could send. */
    Multipart asAnotherSitesForm() {
        requestedWith = false;
        return this;
    }

    /** The fields only, no file part. */
    Multipart withoutTheFile() {
        withFile = false;
        return this;
    }

    HttpResponse<String> post(int port, String path, String user, String password) {
        String boundary = "----huiqi" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> field : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                        + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            if (withFile) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(bytes);
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (requestedWith) {
            request.header("X-Requested-With", "huiqi");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The first bytes of a real PDF, then filler: a file of the given size whose content is a PDF. */
    static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(size).nextBytes(bytes);
        byte[] head = "%PDF-1.7\n%\u00e2\u00e3\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, bytes, 0, Math.min(head.length, size));
        return bytes;
    }
}
