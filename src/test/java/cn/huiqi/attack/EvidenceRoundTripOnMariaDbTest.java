package cn.huiqi.attack;

import static cn.huiqi.testsupport.HttpApi.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An upload and its download on MariaDB: a 1 MB PDF is stored as 4 chunks of 256 KB (each statement far below
 * max_allowed_packet), comes back byte for byte with the checksum recorded at upload, as an attachment that no
 * browser renders (RFC 5987 name, sniffed type, nosniff, sandbox); an OFD (a zip with OFD.xml) is recognised by its
 * content, a zip without it is not.
 */
class EvidenceRoundTripOnMariaDbTest extends CaseAttackBase {

    @Test
    void aOneMegabytePdfGoesInFourChunksAndComesBackWithItsChecksum() throws Exception {
        String applicant = newApplicant();
        byte[] pdf = Multipart.pdf(1024 * 1024);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        JsonNode stored = expect(201, Multipart.file("购销合同（第1笔）.pdf", pdf).field("measure", "M1").field("kind", "CONTRACT")
                .field("orderIndex", 1).post(port, "/api/evidence/drafts", applicant, PASSWORD));
        long id = stored.get("id").asLong();
        assertThat(stored.get("sha256").asText()).isEqualTo(sha256);
        assertThat(stored.get("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(stored.get("size").asLong()).isEqualTo(pdf.length);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evidence_chunk WHERE file_id = ?", Integer.class, id)).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT MAX(LENGTH(bytes)) FROM evidence_chunk WHERE file_id = ?", Integer.class, id))
                .isEqualTo(256 * 1024);

        HttpResponse<byte[]> download = api(applicant).getBytes("/api/evidence/" + id);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(download.body()))).isEqualTo(sha256);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; ").contains("filename*=UTF-8''%E8%B4%AD%E9%94%80%E5%90%88%E5%90%8C");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().allValues("Content-Security-Policy")).anyMatch(policy -> policy.startsWith("sandbox"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evidence_access WHERE file_id = ? AND outcome = 'SERVED' AND user_id = ?",
                Integer.class, id, applicant)).isEqualTo(1);
    }

    @Test
    void anOfdIsAZipWithOfdXmlAndAnyOtherZipIsRefused() throws Exception {
        String applicant = newApplicant();
        JsonNode ofd = expect(201, Multipart.file("发票.ofd", zip("OFD.xml")).field("measure", "M1").field("kind", "INVOICE")
                .field("orderIndex", 1).post(port, "/api/evidence/drafts", applicant, PASSWORD));
        assertThat(ofd.get("mediaType").asText()).isEqualTo("application/ofd");
        HttpResponse<String> plainZip = Multipart.file("发票.ofd", zip("word/document.xml")).field("measure", "M1").field("kind", "INVOICE")
                .field("orderIndex", 1).post(port, "/api/evidence/drafts", applicant, PASSWORD);
        assertThat(plainZip.statusCode()).isEqualTo(415);
    }

    private static byte[] zip(String entry) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write("<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
