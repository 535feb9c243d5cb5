package cn.huiqi.attack;

import static cn.huiqi.testsupport.HttpApi.expect;
import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.huiqi.evidence.DraftClearing;

/**
 * Issue 14 item 3, clearing unclaimed drafts on MariaDB (evidence.DraftClearing): a draft older than the configured
 * age (7 days) goes with its chunks; a fresh draft and an equally old file of a submitted case stay, the case's file
 * still downloads whole; a second node's run at the same time does nothing.
 */
class DraftClearingOnMariaDbTest extends CaseAttackBase {

    @Autowired
    DraftClearing clearing;

    private long draft(String applicant, int size) {
        return expect(201, Multipart.file("合同.pdf", Multipart.pdf(size)).field("measure", "M1").field("kind", "CONTRACT")
                .field("orderIndex", 1).post(port, "/api/evidence/drafts", applicant, PASSWORD)).get("id").asLong();
    }

    private void uploadedDaysAgo(long id, Instant now, int days) {
        jdbc.update("UPDATE evidence_file SET uploaded_at = ? WHERE id = ?", Timestamp.from(now.minus(Duration.ofDays(days))), id);
    }

    private int rows(long id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM evidence_file WHERE id = ?", Integer.class, id);
    }

    private int chunks(long id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM evidence_chunk WHERE file_id = ?", Integer.class, id);
    }

    @Test
    void anOldUnclaimedDraftGoesWithItsChunksAndEverythingElseStays() throws Exception {
        String applicant = newApplicant();
        Instant now = Instant.now();
        long old = draft(applicant, 600 * 1024);
        long fresh = draft(applicant, 5000);
        long submitted = draft(applicant, 300 * 1024);
        String caseNumber = expect(201, api(applicant).post("/api/m1/applications", toJson(Map.of("orders", List.of(order("出库单")),
                "evidenceDrafts", List.of(submitted))), "Idempotency-Key", UUID.randomUUID().toString())).get("caseNumber").asText();
        uploadedDaysAgo(old, now, 8);
        uploadedDaysAgo(fresh, now, 6);
        uploadedDaysAgo(submitted, now, 30);
        assertThat(chunks(old)).isEqualTo(3);
        // no earlier run in this database counts (the single row may have been claimed by another test's run)
        jdbc.update("UPDATE evidence_draft_clearing SET started_at = TIMESTAMP '2000-01-01 00:00:00' WHERE id = 1");

        OptionalInt cleared = clearing.clear(now);

        assertThat(cleared).isPresent();
        assertThat(cleared.getAsInt()).isGreaterThanOrEqualTo(1);
        assertThat(rows(old)).as("the old draft's row").isZero();
        assertThat(chunks(old)).as("the old draft's bytes").isZero();
        assertThat(rows(fresh)).isOne();
        assertThat(chunks(fresh)).isOne();
        assertThat(rows(submitted)).as("a case's file, however old").isOne();
        assertThat(chunks(submitted)).isEqualTo(2);
        assertThat(api(applicant).getBytes("/api/evidence/" + submitted).body()).hasSize(300 * 1024);
        assertThat(expect(200, api(applicant).get("/api/cases/" + caseNumber + "/evidence")).get("files")).hasSize(1);
        assertThat(expect(200, api(applicant).get("/api/evidence/drafts?measure=M1"))).hasSize(1);
        assertThat(api(applicant).get("/api/evidence/" + old).statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT cleared FROM evidence_draft_clearing WHERE id = 1", Integer.class)).isEqualTo(cleared.getAsInt());

        // the other node's scheduler fires at the same minute: it finds the run claimed and does nothing
        uploadedDaysAgo(fresh, now, 9);
        assertThat(clearing.clear(now.plusSeconds(30))).isEmpty();
        assertThat(rows(fresh)).isOne();
        // the next day's run takes it
        assertThat(clearing.clear(now.plus(Duration.ofDays(1)))).hasValue(1);
        assertThat(rows(fresh)).isZero();
        assertThat(chunks(fresh)).isZero();
        assertThat(rows(submitted)).isOne();
    }
}
