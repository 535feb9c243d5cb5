package cn.huiqi.attack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HTTP/1.1 over a plain socket, byte for byte as an attacker would send it: any method, any content type,
 * UTF-8 bytes in headers, bodies that no JSON library would write. One request per connection.
 */
final class RawHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Response(int status, Map<String, String> headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    private final int port;
    private final String authorization;

    private RawHttp(int port, String authorization) {
        this.port = port;
        this.authorization = authorization;
    }

    static RawHttp as(int port, String user, String password) {
        return new RawHttp(port, "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    Response get(String path) {
        return send("GET", path, null, null, Map.of());
    }

    Response json(String method, String path, String body) {
        return send(method, path, "application/json", body == null ? null : body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    Response json(String method, String path, String body, Map<String, String> headers) {
        return send(method, path, "application/json", body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** contentType null: no Content-Type header. Header values are written as UTF-8 bytes. */
    Response send(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        write(head, method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\nAccept: application/json\r\n");
        write(head, "Authorization: " + authorization + "\r\n");
        if (contentType != null) {
            write(head, "Content-Type: " + contentType + "\r\n");
        }
        headers.forEach((name, value) -> write(head, name + ": " + value + "\r\n"));
        if (body != null) {
            write(head, "Content-Length: " + body.length + "\r\n");
        }
        write(head, "\r\n");
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toByteArray());
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + ": " + e, e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < chunked.length) {
            int lineEnd = i;
            while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            String sizeText = new String(chunked, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            i = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
