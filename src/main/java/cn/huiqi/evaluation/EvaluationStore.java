package cn.huiqi.evaluation;

import static cn.huiqi.common.SqlValues.instant;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The evaluation tables (V32), read and written in the caller's transaction. */
@Component
class EvaluationStore {

    record Round(long id, String measure, String name, LocalDate periodFrom, LocalDate periodTo, EvaluationStatus status,
                 Instant confirmationFrom, Instant confirmationDue, Integer confirmationDays, String createdBy, Instant createdAt) {
    }

    record Indicator(String code, String nameZh, String nameEn, String unit, IndicatorDirection direction, BigDecimal target,
                     String source, boolean selfReport, int decimals, BigDecimal min, BigDecimal max, String note) {

        static final String STATISTICS = "STATISTICS";
        static final String GXJ = "GXJ";

        boolean fromStatistics() {
            return STATISTICS.equals(source);
        }
    }

    enum Origin { OFFICIAL, SELF_REPORTED, GXJ }

    enum FigureStatus { ENTERED, DISPUTED, CONFIRMED }

    record Figure(long id, long roundId, String unit, String indicator, BigDecimal value, Origin origin, String evidence,
                  FigureStatus status, String disputeReason, String confirmedHow, String confirmedBy, Instant confirmedAt,
                  String updatedBy, Instant updatedAt, Long evidenceFileId, String evidenceFileName) {
    }

    private final JdbcTemplate jdbc;

    EvaluationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- rounds ------------------------------------------------------------------------------------------

    long insertRound(String measure, String name, LocalDate from, LocalDate to, String actor, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var s = c.prepareStatement("INSERT INTO evaluation_round (measure, name, period_from, period_to, status, created_by, created_at,"
                    + " updated_by, updated_at) VALUES (?,?,?,?,?,?,?,?,?)", new String[] {"id"});
            s.setString(1, measure);
            s.setString(2, name);
            s.setObject(3, from);
            s.setObject(4, to);
            s.setString(5, EvaluationStatus.DATA_ENTRY.name());
            s.setString(6, actor);
            s.setTimestamp(7, Timestamp.from(now));
            s.setString(8, actor);
            s.setTimestamp(9, Timestamp.from(now));
            return s;
        }, keys);
        long id = keys.getKey().longValue();
        jdbc.update("INSERT INTO evaluation_indicator (round_id, code, name_zh, name_en, unit_zh, direction, target, source, self_report,"
                + " decimals, min_value, max_value, sort_order, note) SELECT ?, code, name_zh, name_en, unit_zh, direction, target, source,"
                + " self_report, decimals, min_value, max_value, sort_order, note FROM evaluation_default_indicator", id);
        return id;
    }

    boolean roundExists(String measure, LocalDate from, LocalDate to) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_round WHERE measure = ? AND period_from = ? AND period_to = ?",
                Integer.class, measure, from, to) > 0;
    }

    Optional<Round> round(long id) {
        return jdbc.query("SELECT * FROM evaluation_round WHERE id = ?", EvaluationStore::round, id).stream().findFirst();
    }

    /** The round, locked: changes of one round's figures and status run one at a time, on any number of nodes. */
    Optional<Round> lockRound(long id) {
        return jdbc.query("SELECT * FROM evaluation_round WHERE id = ? FOR UPDATE", EvaluationStore::round, id).stream().findFirst();
    }

    List<Round> rounds() {
        return jdbc.query("SELECT * FROM evaluation_round ORDER BY measure, period_from, id", EvaluationStore::round);
    }

    void enterConfirmation(long id, Instant from, Instant due, int days, String actor) {
        jdbc.update("UPDATE evaluation_round SET status = ?, confirmation_from = ?, confirmation_due = ?, confirmation_days = ?,"
                + " updated_by = ?, updated_at = ? WHERE id = ?", EvaluationStatus.CONFIRMATION.name(), Timestamp.from(from),
                Timestamp.from(due), days, actor, Timestamp.from(from), id);
    }

    private static Round round(ResultSet rs, int n) throws SQLException {
        return new Round(rs.getLong("id"), rs.getString("measure"), rs.getString("name"), rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class), EvaluationStatus.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("confirmation_from")), instant(rs.getTimestamp("confirmation_due")),
                (Integer) rs.getObject("confirmation_days", Integer.class), rs.getString("created_by"),
                instant(rs.getTimestamp("created_at")));
    }

    // ---- indicators --------------------------------------------------------------------------------------

    List<Indicator> indicators(long roundId) {
        return jdbc.query("SELECT * FROM evaluation_indicator WHERE round_id = ? ORDER BY sort_order, code", (rs, n) -> new Indicator(
                rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"), rs.getString("unit_zh"),
                IndicatorDirection.valueOf(rs.getString("direction")), rs.getBigDecimal("target"), rs.getString("source"),
                rs.getBoolean("self_report"), rs.getInt("decimals"), rs.getBigDecimal("min_value"), rs.getBigDecimal("max_value"),
                rs.getString("note")), roundId);
    }

    void setTarget(long roundId, String code, BigDecimal target) {
        jdbc.update("UPDATE evaluation_indicator SET target = ? WHERE round_id = ? AND code = ?", target, roundId, code);
    }

    // ---- pins --------------------------------------------------------------------------------------------

    void pin(long roundId, String decisionKey, int version, String definitionId, String actor, Instant at) {
        jdbc.update("INSERT INTO evaluation_rule_version (round_id, decision_key, version, definition_id, pinned_by, pinned_at)"
                + " VALUES (?,?,?,?,?,?)", roundId, decisionKey, version, definitionId, actor, Timestamp.from(at));
    }

    List<EvaluationApi.PinView> pins(long roundId) {
        return jdbc.query("SELECT * FROM evaluation_rule_version WHERE round_id = ? ORDER BY decision_key", (rs, n) -> new EvaluationApi.PinView(
                rs.getString("decision_key"), rs.getInt("version"), rs.getString("pinned_by"), instant(rs.getTimestamp("pinned_at"))), roundId);
    }

    // ---- figures -----------------------------------------------------------------------------------------

    List<Figure> figures(long roundId) {
        return jdbc.query("SELECT * FROM evaluation_figure WHERE round_id = ? ORDER BY unit_id, indicator_code", EvaluationStore::figure, roundId);
    }

    Optional<Figure> figure(long roundId, long figureId) {
        return jdbc.query("SELECT * FROM evaluation_figure WHERE round_id = ? AND id = ?", EvaluationStore::figure, roundId, figureId)
                .stream().findFirst();
    }

    Optional<Figure> figure(long roundId, String unit, String indicator) {
        return jdbc.query("SELECT * FROM evaluation_figure WHERE round_id = ? AND unit_id = ? AND indicator_code = ?",
                EvaluationStore::figure, roundId, unit, indicator).stream().findFirst();
    }

    void insertFigure(long roundId, String unit, String indicator, BigDecimal value, Origin origin, String evidence, String actor, Instant now) {
        jdbc.update("INSERT INTO evaluation_figure (round_id, unit_id, indicator_code, figure, origin, evidence, status, updated_by, updated_at)"
                + " VALUES (?,?,?,?,?,?,?,?,?)", roundId, unit, indicator, value, origin.name(), evidence, FigureStatus.ENTERED.name(), actor,
                Timestamp.from(now));
    }

    void replaceFigure(long figureId, BigDecimal value, Origin origin, String evidence, String actor, Instant now) {
        jdbc.update("UPDATE evaluation_figure SET figure = ?, origin = ?, evidence = ?, updated_by = ?, updated_at = ? WHERE id = ?",
                value, origin.name(), evidence, actor, Timestamp.from(now), figureId);
    }

    void dispute(long figureId, String reason, String actor, Instant now) {
        jdbc.update("UPDATE evaluation_figure SET status = ?, dispute_reason = ?, updated_by = ?, updated_at = ? WHERE id = ?",
                FigureStatus.DISPUTED.name(), reason, actor, Timestamp.from(now), figureId);
    }

    void confirm(long figureId, String how, String actor, Instant now) {
        jdbc.update("UPDATE evaluation_figure SET status = ?, confirmed_how = ?, confirmed_by = ?, confirmed_at = ? WHERE id = ?",
                FigureStatus.CONFIRMED.name(), how, actor, Timestamp.from(now), figureId);
    }

    private static Figure figure(ResultSet rs, int n) throws SQLException {
        return new Figure(rs.getLong("id"), rs.getLong("round_id"), rs.getString("unit_id"), rs.getString("indicator_code"),
                rs.getBigDecimal("figure"), Origin.valueOf(rs.getString("origin")), rs.getString("evidence"),
                FigureStatus.valueOf(rs.getString("status")), rs.getString("dispute_reason"), rs.getString("confirmed_how"),
                rs.getString("confirmed_by"), instant(rs.getTimestamp("confirmed_at")), rs.getString("updated_by"),
                instant(rs.getTimestamp("updated_at")), nullableLong(rs, "evidence_file_id"), rs.getString("evidence_file_name"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** The uploaded evidence of a self-reported figure (evidence module's file, attached to this figure). */
    void evidenceFile(long figureId, long fileId, String fileName) {
        jdbc.update("UPDATE evaluation_figure SET evidence_file_id = ?, evidence_file_name = ? WHERE id = ?", fileId, fileName, figureId);
    }

    // ---- timeline ----------------------------------------------------------------------------------------

    void event(long roundId, String unit, String indicator, String kind, String oldValue, String newValue, String detail, String reason,
               String actor, Instant at) {
        jdbc.update("INSERT INTO evaluation_event (round_id, unit_id, indicator_code, kind, old_value, new_value, detail, reason, actor,"
                + " occurred_at) VALUES (?,?,?,?,?,?,?,?,?,?)", roundId, unit, indicator, kind, oldValue, newValue, detail, reason, actor,
                Timestamp.from(at));
    }

    /** The round's timeline, newest first; {@code unit} null: every line, else the lines of that locality and of the round. */
    List<EvaluationApi.EventView> events(long roundId, String unit) {
        String where = unit == null ? "" : " AND (unit_id = ? OR unit_id IS NULL)";
        Object[] args = unit == null ? new Object[] {roundId} : new Object[] {roundId, unit};
        return jdbc.query("SELECT * FROM evaluation_event WHERE round_id = ?" + where + " ORDER BY id DESC",
                (rs, n) -> new EvaluationApi.EventView(rs.getLong("id"), rs.getString("unit_id"), rs.getString("indicator_code"),
                        rs.getString("kind"), rs.getString("old_value"), rs.getString("new_value"), rs.getString("detail"),
                        rs.getString("reason"), rs.getString("actor"), instant(rs.getTimestamp("occurred_at"))), args);
    }

}
