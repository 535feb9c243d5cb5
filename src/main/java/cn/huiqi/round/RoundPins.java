package cn.huiqi.round;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseOfProcess;
import cn.huiqi.process.RulePins;

/** The rule versions pinned per round (table round_rule_version); the rule tasks of a round's cases evaluate these. */
@Component
class RoundPins implements RulePins {

    record Pin(long roundId, String decisionKey, int version, String definitionId, String pinnedBy, Instant pinnedAt) {
    }

    private final JdbcTemplate jdbc;
    private final CaseOfProcess cases;

    RoundPins(JdbcTemplate jdbc, CaseOfProcess cases) {
        this.jdbc = jdbc;
        this.cases = cases;
    }

    /**
     * Through JPA, not SQL: the case was opened in this very transaction and its process instance id may not be
     * flushed yet (a JPA query flushes it first).
     */
    @Override
    public OptionalInt pinned(String processInstanceId, String decisionKey) {
        return cases.ofRootProcessInstance(processInstanceId).map(CaseRecord::getRoundId)
                .map(roundId -> version(roundId, decisionKey)).orElse(OptionalInt.empty());
    }

    List<Pin> of(long roundId) {
        return jdbc.query("SELECT * FROM round_rule_version WHERE round_id = ? ORDER BY decision_key", (rs, n) -> new Pin(
                rs.getLong("round_id"), rs.getString("decision_key"), rs.getInt("version"), rs.getString("definition_id"),
                rs.getString("pinned_by"), rs.getTimestamp("pinned_at").toInstant()), roundId);
    }

    OptionalInt version(long roundId, String decisionKey) {
        List<Integer> versions = jdbc.queryForList("SELECT version FROM round_rule_version WHERE round_id = ? AND decision_key = ?",
                Integer.class, roundId, decisionKey);
        return versions.isEmpty() ? OptionalInt.empty() : OptionalInt.of(versions.get(0));
    }

    void pin(long roundId, String decisionKey, int version, String definitionId, String actor, Instant at) {
        int updated = jdbc.update("UPDATE round_rule_version SET version = ?, definition_id = ?, pinned_by = ?, pinned_at = ?"
                + " WHERE round_id = ? AND decision_key = ?", version, definitionId, actor, Timestamp.from(at), roundId, decisionKey);
        if (updated == 0) {
            jdbc.update("INSERT INTO round_rule_version (round_id, decision_key, version, definition_id, pinned_by, pinned_at)"
                    + " VALUES (?,?,?,?,?,?)", roundId, decisionKey, version, definitionId, actor, Timestamp.from(at));
        }
    }
}
