package cn.huiqi.rules;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The audit rows of the rules page (V6__rule_publications.sql): what-if runs, publications, re-evaluations. */
@Component
class PublicationLog {

    enum Kind { PUBLISH, ROLLBACK }

    record Publication(long id, String key, int version, String definitionId, String deploymentId, Kind kind,
                       int previousVersion, Integer restoredVersion, String note, String whatIfId, String diffSummary,
                       List<RuleDiff.Line> diff, String publishedBy, Instant publishedAt, String scope, Long roundId) {
    }

    record WhatIfRun(String id, String key, String draftSha256, int baseVersion, int casesEvaluated, int outcomesChanged,
                     int errors, BigDecimal totalBefore, BigDecimal totalAfter, BigDecimal poolCap, Boolean exceedsCap,
                     String runBy, Instant runAt) {
    }

    record Reevaluation(long id, long caseId, String key, int oldVersion, int newVersion, boolean oldEligible,
                        boolean newEligible, BigDecimal oldAmount, BigDecimal newAmount, String oldTier, String newTier,
                        String reason, String actor, Instant at) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    PublicationLog(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void record(WhatIfRun run) {
        jdbc.update("INSERT INTO rule_what_if (id, decision_key, draft_sha256, base_version, cases_evaluated, outcomes_changed,"
                        + " errors, total_before, total_after, pool_cap, exceeds_cap, run_by, run_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                run.id(), run.key(), run.draftSha256(), run.baseVersion(), run.casesEvaluated(), run.outcomesChanged(), run.errors(),
                run.totalBefore(), run.totalAfter(), run.poolCap(), run.exceedsCap(), run.runBy(), Timestamp.from(run.runAt()));
    }

    Optional<WhatIfRun> whatIf(String id) {
        return jdbc.query("SELECT * FROM rule_what_if WHERE id = ?", (rs, n) -> new WhatIfRun(rs.getString("id"),
                rs.getString("decision_key"), rs.getString("draft_sha256"), rs.getInt("base_version"), rs.getInt("cases_evaluated"),
                rs.getInt("outcomes_changed"), rs.getInt("errors"), rs.getBigDecimal("total_before"), rs.getBigDecimal("total_after"),
                rs.getBigDecimal("pool_cap"), (Boolean) rs.getObject("exceeds_cap", Boolean.class), rs.getString("run_by"),
                rs.getTimestamp("run_at").toInstant()), id).stream().findFirst();
    }

    void record(Publication p) {
        jdbc.update("INSERT INTO rule_publication (decision_key, version, definition_id, deployment_id, kind, previous_version,"
                        + " restored_version, note, what_if_id, diff_summary, diff_json, published_by, published_at, round_scope, round_id)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                p.key(), p.version(), p.definitionId(), p.deploymentId(), p.kind().name(), p.previousVersion(), p.restoredVersion(),
                p.note(), p.whatIfId(), p.diffSummary(), toJson(p.diff()), p.publishedBy(), Timestamp.from(p.publishedAt()), p.scope(),
                p.roundId());
    }

    List<Publication> publications(String key) {
        return jdbc.query("SELECT * FROM rule_publication WHERE decision_key = ? ORDER BY version DESC", this::publication, key);
    }

    Optional<Publication> publication(String key, int version) {
        return jdbc.query("SELECT * FROM rule_publication WHERE decision_key = ? AND version = ?", this::publication, key, version)
                .stream().findFirst();
    }

    void record(Reevaluation r) {
        jdbc.update("INSERT INTO case_reevaluation (case_id, decision_key, old_version, new_version, old_eligible, new_eligible,"
                        + " old_amount, new_amount, old_tier, new_tier, reason, actor, occurred_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                r.caseId(), r.key(), r.oldVersion(), r.newVersion(), r.oldEligible(), r.newEligible(), r.oldAmount(), r.newAmount(),
                r.oldTier(), r.newTier(), r.reason(), r.actor(), Timestamp.from(r.at()));
    }

    List<Reevaluation> reevaluations(long caseId) {
        return jdbc.query("SELECT * FROM case_reevaluation WHERE case_id = ? ORDER BY occurred_at, id", (rs, n) -> new Reevaluation(
                rs.getLong("id"), rs.getLong("case_id"), rs.getString("decision_key"), rs.getInt("old_version"), rs.getInt("new_version"),
                rs.getBoolean("old_eligible"), rs.getBoolean("new_eligible"), rs.getBigDecimal("old_amount"), rs.getBigDecimal("new_amount"),
                rs.getString("old_tier"), rs.getString("new_tier"), rs.getString("reason"), rs.getString("actor"),
                rs.getTimestamp("occurred_at").toInstant()), caseId);
    }

    private Publication publication(ResultSet rs, int row) throws SQLException {
        int restored = rs.getInt("restored_version");
        Integer restoredVersion = rs.wasNull() ? null : restored;
        return new Publication(rs.getLong("id"), rs.getString("decision_key"), rs.getInt("version"), rs.getString("definition_id"),
                rs.getString("deployment_id"), Kind.valueOf(rs.getString("kind")), rs.getInt("previous_version"), restoredVersion,
                rs.getString("note"), rs.getString("what_if_id"), rs.getString("diff_summary"), fromJson(rs.getString("diff_json")),
                rs.getString("published_by"), rs.getTimestamp("published_at").toInstant(), rs.getString("round_scope"),
                rs.getObject("round_id") == null ? null : rs.getLong("round_id"));
    }

    private String toJson(List<RuleDiff.Line> diff) {
        try {
            return json.writeValueAsString(diff);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<RuleDiff.Line> fromJson(String text) {
        try {
            return json.readValue(text, new TypeReference<List<RuleDiff.Line>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable diff_json", e);
        }
    }
}
