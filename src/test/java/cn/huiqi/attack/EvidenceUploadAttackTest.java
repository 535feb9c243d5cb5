package cn.huiqi.attack;

import static cn.huiqi.testsupport.HttpApi.expect;
import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 14 item 3, the upload suite: files that are not what their name says (an executable and an HTML page named
 * .pdf), too large, empty, names with path tricks and control characters, a form another site could send, an upload to
 * someone else's case or to a case not awaiting a supplement, a draft of another enterprise claimed by an application,
 * and downloads by another enterprise, an unrelated locality and an anonymous client. Each refusal is a specific
 * bilingual 4xx and stores nothing; {@link AttackLedger} prints attempts / refused / accepted.
 */
class EvidenceUploadAttackTest extends CaseAttackBase {

    private static final byte[] HTML = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] EXECUTABLE = "MZ\u0090\u0000\u0003\u0000\u0000\u0000 This program cannot be run in DOS mode"
            .getBytes(StandardCharsets.ISO_8859_1);

    private HttpResponse<String> draft(String user, String name, byte[] bytes) {
        return Multipart.file(name, bytes).field("measure", "M1").field("kind", "CONTRACT").field("orderIndex", 1)
                .post(port, "/api/evidence/drafts", user, PASSWORD);
    }

    private int files() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM evidence_file", Integer.class);
    }

    private int chunks() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM evidence_chunk", Integer.class);
    }

    /** Refused with exactly this status, a bilingual JSON body, and no row or byte stored. */
    private void refused(String family, HttpResponse<String> response, int status, int filesBefore, int chunksBefore) {
        boolean refused = response.statusCode() == status && files() == filesBefore && chunks() == chunksBefore;
        AttackLedger.record(family, refused, response.statusCode() + " " + response.body());
        assertThat(response.statusCode()).as(family + ": " + response.body()).isEqualTo(status);
        JsonNode error = cn.huiqi.testsupport.HttpApi.json(response).get("errors").get(0);
        assertThat(error.get("zh").asText()).as(family).isNotBlank();
        assertThat(error.get("en").asText()).as(family).isNotBlank();
        assertThat(files()).as(family + ": nothing stored").isEqualTo(filesBefore);
        assertThat(chunks()).as(family + ": no bytes stored").isEqualTo(chunksBefore);
    }

    @Test
    void uploadsThatAreNotWhatTheySayAreRefusedAndStoreNothing() {
        String applicant = newApplicant();
        int files = files();
        int chunks = chunks();

        refused("evidence-wrong-type", draft(applicant, "合同.pdf", EXECUTABLE), 415, files, chunks);
        refused("evidence-html-as-pdf", draft(applicant, "合同.pdf", HTML), 415, files, chunks);
        refused("evidence-oversize", draft(applicant, "big.pdf", Multipart.pdf(20 * 1024 * 1024 + 1)), 413, files, chunks);
        refused("evidence-empty", draft(applicant, "empty.pdf", new byte[0]), 400, files, chunks);
        refused("evidence-name-nul", draft(applicant, "a\u0000.pdf", Multipart.pdf(2000)), 400, files, chunks);
        refused("evidence-name-bidi", draft(applicant, "invoice\u202Efdp.exe", Multipart.pdf(2000)), 400, files, chunks);
        HttpResponse<String> crlf = draft(applicant, "a\r\nContent-Type: text/html\r\n\r\n<script>.pdf", Multipart.pdf(2000));
        boolean crlfRefused = crlf.statusCode() >= 400 && crlf.statusCode() < 500 && files() == files;
        AttackLedger.record("evidence-name-crlf", crlfRefused, crlf.statusCode() + " " + crlf.body());
        assertThat(crlfRefused).as("CRLF in the name: " + crlf.statusCode() + " " + crlf.body()).isTrue();
        refused("evidence-form-from-another-site", Multipart.file("a.pdf", Multipart.pdf(2000)).field("measure", "M1")
                .field("kind", "CONTRACT").field("orderIndex", 1).asAnotherSitesForm()
                .post(port, "/api/evidence/drafts", applicant, PASSWORD), 415, files, chunks);
        refused("evidence-unknown-kind", Multipart.file("a.pdf", Multipart.pdf(2000)).field("measure", "M1").field("kind", "SCRIPT")
                .post(port, "/api/evidence/drafts", applicant, PASSWORD), 400, files, chunks);
        HttpResponse<String> noFile = cn.huiqi.testsupport.HttpApi.as(port, applicant, PASSWORD).post("/api/evidence/drafts", "{}");
        AttackLedger.record("evidence-not-multipart", noFile.statusCode() == 415 && files() == files, noFile.body());
        assertThat(noFile.statusCode()).isEqualTo(415);
        refused("evidence-no-file-part", Multipart.file("a.pdf", Multipart.pdf(100)).withoutTheFile().field("measure", "M1")
                .field("kind", "OTHER").post(port, "/api/evidence/drafts", applicant, PASSWORD), 400, files, chunks);
        refused("evidence-staff-upload", draft(LOCALITY, "a.pdf", Multipart.pdf(2000)), 403, files, chunks);
        HttpResponse<String> anonymous = draft(null, "a.pdf", Multipart.pdf(2000));
        AttackLedger.record("evidence-anonymous-upload", anonymous.statusCode() == 401 && files() == files, anonymous.body());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        // a path in the name never leaves the name: the stored name is its last part, for display only
        for (String trick : List.of("../../etc/passwd.pdf", "..\\..\\windows\\win.ini.pdf", "/tmp/x.pdf")) {
            JsonNode stored = expect(201, draft(applicant, trick, Multipart.pdf(3000)));
            String name = stored.get("fileName").asText();
            boolean defused = !name.contains("/") && !name.contains("\\") && !name.startsWith(".");
            AttackLedger.record("evidence-name-path", defused, trick + " stored as " + name);
            assertThat(name).as(trick).isIn("passwd.pdf", "win.ini.pdf", "x.pdf");
        }
    }

    @Test
    void onlyTheCasesReadersDownloadAndOnlyTheEnterpriseUploadsWhileItsSupplementIsAwaited() {
        // the enterprise uploads a draft, then applies listing it
        String applicant = newApplicant();
        long draft = expect(201, draft(applicant, "购销合同 HT-1.pdf", Multipart.pdf(5000))).get("id").asLong();
        Map<String, Object> body = Map.of("orders", List.of(order("出库单")), "evidenceDrafts", List.of(draft));
        String caseNumber = expect(201, api(applicant).post("/api/m1/applications", toJson(body), "Idempotency-Key",
                UUID.randomUUID().toString())).get("caseNumber").asText();
        assertThat(expect(200, api(applicant).get("/api/cases/" + caseNumber + "/evidence")).get("files")).hasSize(1);

        // another enterprise lists the same draft in its own application: refused, no case
        String thief = newApplicant();
        HttpResponse<String> stolen = api(thief).post("/api/m1/applications", toJson(Map.of("orders", List.of(order("出库单")),
                "evidenceDrafts", List.of(draft))), "Idempotency-Key", UUID.randomUUID().toString());
        AttackLedger.record("evidence-claim-another-enterprises-draft", stolen.statusCode() == 400
                && cn.huiqi.testsupport.HttpApi.json(stolen).get("errors").get(0).get("field").asText().equals("evidenceDrafts"), stolen.body());
        assertThat(stolen.statusCode()).isEqualTo(400);
        assertThat(cn.huiqi.testsupport.HttpApi.json(api(thief).get("/api/cases")).get("total").asInt()).isZero();

        // downloads: the case's readers yes, everyone else 403 (anonymous 401); every attempt logged
        int logged = jdbc.queryForObject("SELECT COUNT(*) FROM evidence_access WHERE file_id = ?", Integer.class, draft);
        for (String reader : List.of(applicant, LOCALITY, AUDITOR, POLICY)) {
            HttpResponse<byte[]> served = api(reader).getBytes("/api/evidence/" + draft);
            assertThat(served.statusCode()).as(reader).isEqualTo(200);
        }
        for (String stranger : List.of(OTHER_ENTERPRISE, thief, OTHER_LOCALITY, CITY.get("jrb"))) {
            HttpResponse<byte[]> refused = api(stranger).getBytes("/api/evidence/" + draft);
            AttackLedger.record("evidence-download-by-stranger", refused.statusCode() == 403, stranger + " got " + refused.statusCode());
            assertThat(refused.statusCode()).as(stranger).isEqualTo(403);
        }
        HttpResponse<byte[]> anonymous = cn.huiqi.testsupport.HttpApi.anonymous(port).getBytes("/api/evidence/" + draft);
        AttackLedger.record("evidence-download-anonymous", anonymous.statusCode() == 401, "anonymous got " + anonymous.statusCode());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evidence_access WHERE file_id = ? AND outcome = 'FORBIDDEN'", Integer.class, draft))
                .as("refused downloads are logged").isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evidence_access WHERE file_id = ?", Integer.class, draft))
                .isEqualTo(logged + 8);

        // the case is at verification: nobody adds files (409 for the enterprise)
        int files = files();
        int chunks = chunks();
        refused("evidence-upload-to-submitted-case", toCase(applicant, caseNumber), 409, files, chunks);

        // sent back: the enterprise adds a file; another enterprise and the locality may not
        complete(LOCALITY, task(caseNumber, "Task_LocalityVerification"), Map.of("decision", "sendBack", "comment", "请补充发票"));
        refused("evidence-upload-to-someone-elses-case", toCase(OTHER_ENTERPRISE, caseNumber), 403, files, chunks);
        refused("evidence-upload-by-the-locality", toCase(LOCALITY, caseNumber), 403, files, chunks);
        long added = expect(201, toCase(applicant, caseNumber)).get("id").asLong();

        JsonNode seen = expect(200, api(LOCALITY).get("/api/cases/" + caseNumber + "/evidence"));
        assertThat(seen.get("latestSendBack").asInt()).isEqualTo(1);
        for (JsonNode file : seen.get("files")) {
            assertThat(file.get("addedAfterLatestSendBack").asBoolean()).as("file " + file.get("id")).isEqualTo(file.get("id").asLong() == added);
        }

        // the enterprise completes its supplement; the verifier's form lists both files with links, the new one marked,
        // in text the system wrote (the enterprise's file names only verbatim in their own disabled field)
        complete(applicant, task(caseNumber, "Task_LocalitySupplement"), Map.of("supplementNote", "已补充第1笔订单的发票"));
        String verification = task(caseNumber, "Task_LocalityVerification").getId();
        String links = String.valueOf(formService.getTaskFormVariables(verification).get("systemEvidence"));
        assertThat(links).contains("](/api/evidence/" + draft + ")").contains("](/api/evidence/" + added + ")")
                .doesNotContain("购销合同").doesNotContain("增值税发票");
        assertThat(links.split("补正后新增", -1)).as("exactly one file marked as added: " + links).hasSize(2);
        assertThat(links.lines().filter(line -> line.contains("补正后新增")).findFirst().orElseThrow()).contains("/api/evidence/" + added + ")");
        assertThat(String.valueOf(formService.getTaskFormVariables(verification).get("declaredEvidenceNames")))
                .contains("购销合同 HT-1.pdf").contains("增值税发票.png");
    }

    private HttpResponse<String> toCase(String user, String caseNumber) {
        return Multipart.file("增值税发票.png", png()).field("kind", "INVOICE").field("orderIndex", 1)
                .post(port, "/api/cases/" + caseNumber + "/evidence", user, PASSWORD);
    }

    static byte[] png() {
        byte[] bytes = new byte[4000];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return bytes;
    }
}
