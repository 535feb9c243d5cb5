package cn.huiqi.evaluation;

import static cn.huiqi.common.SqlValues.instant;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The process columns of a round and its 复核 requests and award cases (V37), in the caller's transaction. */
@Component
class RoundProcessStore {

    record ProcessState(long roundId, String processInstanceId, String rankingJson, Integer scoreVersion, Integer awardVersion,
                        String preparedBy, String checkedBy, String approvalDocument, LocalDate approvalDate, Instant circulatedAt,
                        Instant reviewDue) {
    }

    record ReviewRequest(long id, long roundId, String unit, String reason, String status, String filedBy, Instant filedAt,
                         String handledBy, Instant handledAt, String answer) {
    }

    record AwardCase(String unit, long caseId, BigDecimal amount) {
    }

    private final JdbcTemplate jdbc;

    RoundProcessStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void attachProcess(long roundId, String processInstanceId) {
        jdbc.update("UPDATE evaluation_round SET process_instance_id = ? WHERE id = ?", processInstanceId, roundId);
    }

    /** Whether the round exists and records no process yet (its process is being started). */
    boolean processOfRoundIsPending(long roundId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_round WHERE id = ? AND process_instance_id IS NULL", Integer.class, roundId) == 1;
    }

    Optional<Long> roundOfProcess(String processInstanceId) {
        return jdbc.queryForList("SELECT id FROM evaluation_round WHERE process_instance_id = ?", Long.class, processInstanceId)
                .stream().findFirst();
    }

    List<Long> roundsWithoutProcess() {
        return jdbc.queryForList("SELECT id FROM evaluation_round WHERE process_instance_id IS NULL AND status IN (?, ?) ORDER BY id", Long.class,
                EvaluationStatus.DATA_ENTRY.name(), EvaluationStatus.CONFIRMATION.name());
    }

    ProcessState state(long roundId) {
        return jdbc.queryForObject("SELECT * FROM evaluation_round WHERE id = ?", (rs, n) -> new ProcessState(rs.getLong("id"),
                rs.getString("process_instance_id"), rs.getString("ranking_json"), (Integer) rs.getObject("score_version", Integer.class),
                (Integer) rs.getObject("award_version", Integer.class), rs.getString("prepared_by"), rs.getString("checked_by"),
                rs.getString("approval_document"), rs.getObject("approval_date", LocalDate.class), instant(rs.getTimestamp("circulated_at")),
                instant(rs.getTimestamp("review_due"))), roundId);
    }

    void status(long roundId, EvaluationStatus status, String actor, Instant now) {
        jdbc.update("UPDATE evaluation_round SET status = ?, updated_by = ?, updated_at = ? WHERE id = ?", status.name(), actor,
                Timestamp.from(now), roundId);
    }

    void ranking(long roundId, String json, int scoreVersion, int awardVersion, Instant now) {
        jdbc.update("UPDATE evaluation_round SET ranking_json = ?, score_version = ?, award_version = ?, ranked_at = ?, prepared_by = NULL,"
                + " prepared_at = NULL, checked_by = NULL WHERE id = ?", json, scoreVersion, awardVersion, Timestamp.from(now), roundId);
    }

    void prepared(long roundId, String actor, Instant now) {
        jdbc.update("UPDATE evaluation_round SET prepared_by = ?, prepared_at = ?, checked_by = NULL WHERE id = ?", actor, Timestamp.from(now),
                roundId);
    }

    void checked(long roundId, String actor) {
        jdbc.update("UPDATE evaluation_round SET checked_by = ? WHERE id = ?", actor, roundId);
    }

    void approved(long roundId, String document, LocalDate date) {
        jdbc.update("UPDATE evaluation_round SET approval_document = ?, approval_date = ? WHERE id = ?", document, date, roundId);
    }

    void circulated(long roundId, Instant at, Instant reviewDue) {
        jdbc.update("UPDATE evaluation_round SET circulated_at = ?, review_due = ? WHERE id = ?", Timestamp.from(at), Timestamp.from(reviewDue),
                roundId);
    }

    /** Who entered or changed figures of the round (statistics import, gxj scoring or correction, dispute resolution). */
    List<String> figureActors(long roundId) {
        return jdbc.queryForList("SELECT DISTINCT actor FROM evaluation_event WHERE round_id = ? AND kind IN"
                + " ('IMPORTED', 'IMPORT_REPLACED', 'SCORED', 'CORRECTED', 'RESOLVED')", String.class, roundId);
    }

    boolean allConfirmed(long roundId) {
        Integer open = jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_figure WHERE round_id = ? AND status <> 'CONFIRMED'",
                Integer.class, roundId);
        Integer all = jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_figure WHERE round_id = ?", Integer.class, roundId);
        return open == 0 && all > 0;
    }

    // ---- 复核 requests ----------------------------------------------------------------------------------

    long fileRequest(long roundId, String unit, String reason, String actor, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(c -> {
            var s = c.prepareStatement("INSERT INTO evaluation_review_request (round_id, unit_id, reason, status, filed_by, filed_at)"
                    + " VALUES (?,?,?,?,?,?)", new String[] {"id"});
            s.setLong(1, roundId);
            s.setString(2, unit);
            s.setString(3, reason);
            s.setString(4, "OPEN");
            s.setString(5, actor);
            s.setTimestamp(6, Timestamp.from(now));
            return s;
        }, keys);
        return keys.getKey().longValue();
    }

    List<ReviewRequest> requests(long roundId) {
        return jdbc.query("SELECT * FROM evaluation_review_request WHERE round_id = ? ORDER BY id", (rs, n) -> new ReviewRequest(rs.getLong("id"),
                rs.getLong("round_id"), rs.getString("unit_id"), rs.getString("reason"), rs.getString("status"), rs.getString("filed_by"),
                instant(rs.getTimestamp("filed_at")), rs.getString("handled_by"), instant(rs.getTimestamp("handled_at")),
                rs.getString("answer")), roundId);
    }

    int openRequests(long roundId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_review_request WHERE round_id = ? AND status = 'OPEN'", Integer.class, roundId);
    }

    /** The localities with an open request, each once, in unit order. */
    List<String> openRequestUnits(long roundId) {
        return jdbc.queryForList("SELECT DISTINCT unit_id FROM evaluation_review_request WHERE round_id = ? AND status = 'OPEN' ORDER BY unit_id",
                String.class, roundId);
    }

    int handleOpenRequests(long roundId, String status, String answer, String actor, Instant now) {
        return jdbc.update("UPDATE evaluation_review_request SET status = ?, answer = ?, handled_by = ?, handled_at = ? WHERE round_id = ?"
                + " AND status = 'OPEN'", status, answer, actor, Timestamp.from(now), roundId);
    }

    // ---- award cases -------------------------------------------------------------------------------------

    void awardCase(long roundId, String unit, long caseId, BigDecimal amount) {
        jdbc.update("INSERT INTO evaluation_award_case (round_id, unit_id, case_id, amount) VALUES (?,?,?,?)", roundId, unit, caseId, amount);
    }

    List<AwardCase> awardCases(long roundId) {
        return jdbc.query("SELECT * FROM evaluation_award_case WHERE round_id = ? ORDER BY unit_id", (rs, n) -> new AwardCase(
                rs.getString("unit_id"), rs.getLong("case_id"), rs.getBigDecimal("amount")), roundId);
    }

}
