package cn.huiqi.attack;

import static cn.huiqi.testsupport.HttpApi.expect;
import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.S3rver;

/**
 * The application with {@code huiqi.evidence.store=s3} against a real S3-compatible server (s3rver), on MariaDB: an
 * upload goes to the bucket (row store S3, no chunks), an application claims it, the download comes back with the
 * recorded checksum; with the server gone, an upload is a bilingual JSON 503 that stores no row and a download a JSON
 * 503 (no attachment headers, no half file), never a 500.
 */
class S3EvidenceOnMariaDbTest extends CaseAttackBase {

    private static Path data;
    private static S3rver server;

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) throws Exception {
        data = Files.createTempDirectory("s3rver-app-");
        server = S3rver.start(data, "huiqi-app-evidence");
        registry.add("huiqi.evidence.store", () -> "s3");
        registry.add("huiqi.evidence.s3.endpoint", server::endpoint);
        registry.add("huiqi.evidence.s3.bucket", () -> "huiqi-app-evidence");
        registry.add("huiqi.evidence.s3.access-key", () -> S3rver.ACCESS_KEY);
        registry.add("huiqi.evidence.s3.secret-key", () -> S3rver.SECRET_KEY);
        registry.add("huiqi.evidence.s3.key-prefix", () -> "huiqi");
        registry.add("huiqi.evidence.s3.connect-timeout", () -> "2s");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (data != null) {
            try (var files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private HttpResponse<String> upload(String applicant, byte[] pdf) {
        return Multipart.file("购销合同.pdf", pdf).field("measure", "M1").field("kind", "CONTRACT").field("orderIndex", 1)
                .post(port, "/api/evidence/drafts", applicant, PASSWORD);
    }

    @Test
    void filesGoToTheBucketAndAnUnreachableBucketIsA503ThatStoresNothing() throws Exception {
        String applicant = newApplicant();
        byte[] pdf = Multipart.pdf(1024 * 1024);
        JsonNode stored = expect(201, upload(applicant, pdf));
        long id = stored.get("id").asLong();
        assertThat(jdbc.queryForObject("SELECT store FROM evidence_file WHERE id = ?", String.class, id)).isEqualTo("S3");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evidence_chunk WHERE file_id = ?", Integer.class, id)).isZero();
        String caseNumber = expect(201, api(applicant).post("/api/m1/applications", toJson(Map.of("orders", List.of(order("出库单")),
                "evidenceDrafts", List.of(id))), "Idempotency-Key", UUID.randomUUID().toString())).get("caseNumber").asText();

        HttpResponse<byte[]> download = api(LOCALITY).getBytes("/api/evidence/" + id);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(download.body())))
                .isEqualTo(stored.get("sha256").asText());
        assertThat(expect(200, api(applicant).get("/api/cases/" + caseNumber + "/evidence")).get("files")).hasSize(1);

        server.close();
        int files = jdbc.queryForObject("SELECT COUNT(*) FROM evidence_file", Integer.class);
        HttpResponse<String> refused = upload(applicant, Multipart.pdf(5000));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        JsonNode error = HttpApi.json(refused).get("errors").get(0);
        assertThat(error.get("zh").asText()).contains("材料存储服务暂时无法访问");
        assertThat(error.get("en").asText()).contains("cannot be reached");
        assertThat(refused.body()).doesNotContain(S3rver.SECRET_KEY).doesNotContain("127.0.0.1");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evidence_file", Integer.class)).as("no row").isEqualTo(files);

        HttpResponse<String> unavailable = api(LOCALITY).get("/api/evidence/" + id);
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(unavailable.headers().firstValue("Content-Disposition")).isEmpty();
        assertThat(HttpApi.json(unavailable).get("errors").get(0).get("zh").asText()).contains("材料存储服务暂时无法访问");
    }
}
