package cn.huiqi.evidence;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes drafts — uploads no application has claimed — older than {@code huiqi.evidence.drafts.max-age} (system
 * default 7 days), row and bytes, on {@code huiqi.evidence.drafts.clear-cron} (daily 03:17 Beijing time). Every node
 * schedules it; a conditional UPDATE of the single row of {@code evidence_draft_clearing} lets one node per
 * {@code min-interval} do the work (the same claim-by-UPDATE as a draft's claim by its application), so two nodes
 * never delete twice. Each draft goes in its own short transaction, locked and re-checked as unclaimed, so an
 * application claiming it at that moment either gets it or is refused (400 on evidenceDrafts); never a case with a
 * file whose bytes are gone. Files of a case are never touched (they live as long as the case).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class DraftClearing {

    private static final Logger log = LoggerFactory.getLogger(DraftClearing.class);
    private static final int BATCH = 100;

    private final JdbcTemplate jdbc;
    private final EvidenceStore store;
    private final TransactionTemplate transaction;
    private final Duration maxAge;
    private final Duration minInterval;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    DraftClearing(JdbcTemplate jdbc, EvidenceStore store, TransactionTemplate transaction,
                  @Value("${huiqi.evidence.drafts.max-age:7d}") Duration maxAge,
                  @Value("${huiqi.evidence.drafts.min-interval:1h}") Duration minInterval) {
        this.jdbc = jdbc;
        this.store = store;
        this.transaction = transaction;
        this.maxAge = maxAge;
        this.minInterval = minInterval;
    }

    @Scheduled(cron = "${huiqi.evidence.drafts.clear-cron:0 17 3 * * *}", zone = "Asia/Shanghai")
    void scheduled() {
        clear(Instant.now());
    }

    /**
     * One run as of {@code now}: the number of drafts deleted, or empty when another node (or an earlier call) ran
     * within {@code min-interval}. One log line per run.
     */
    public OptionalInt clear(Instant now) {
        int claimed = jdbc.update("UPDATE evidence_draft_clearing SET started_at = ?, started_by = ?, cleared = NULL WHERE id = 1 AND started_at <= ?",
                Timestamp.from(now), node, Timestamp.from(now.minus(minInterval)));
        if (claimed != 1) {
            log.info("Evidence drafts: clearing skipped, another run started less than {} ago", minInterval);
            return OptionalInt.empty();
        }
        Timestamp cutoff = Timestamp.from(now.minus(maxAge));
        int cleared = 0;
        int failed = 0;
        long after = 0;
        for (List<Long> ids; !(ids = jdbc.queryForList("SELECT id FROM evidence_file WHERE case_id IS NULL AND attached_to IS NULL AND uploaded_at < ? "
                + "AND store = ? AND id > ? ORDER BY id LIMIT " + BATCH, Long.class, cutoff, store.name(), after)).isEmpty(); ) {
            for (long id : ids) {
                after = id;
                try {
                    if (Boolean.TRUE.equals(transaction.execute(status -> deleteIfUnclaimed(id, cutoff)))) {
                        cleared++;
                    }
                } catch (RuntimeException e) {
                    failed++;
                    log.warn("Evidence drafts: draft {} not deleted (retried next run): {}", id, e.toString());
                }
            }
        }
        jdbc.update("UPDATE evidence_draft_clearing SET cleared = ? WHERE id = 1", cleared);
        log.info("Evidence drafts: {} unclaimed draft(s) uploaded before {} deleted from store {}{}", cleared, cutoff.toInstant(),
                store.name(), failed == 0 ? "" : ", " + failed + " failed (retried next run)");
        return OptionalInt.of(cleared);
    }

    /** Locks the row, still a draft and still old; then the bytes (in this transaction where the store has one), then the row. */
    private boolean deleteIfUnclaimed(long id, Timestamp cutoff) {
        List<Long> locked = jdbc.queryForList("SELECT id FROM evidence_file WHERE id = ? AND case_id IS NULL AND attached_to IS NULL AND uploaded_at < ? FOR UPDATE",
                Long.class, id, cutoff);
        if (locked.isEmpty()) {
            return false;
        }
        try {
            store.delete(id);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return jdbc.update("DELETE FROM evidence_file WHERE id = ?", id) == 1;
    }
}
