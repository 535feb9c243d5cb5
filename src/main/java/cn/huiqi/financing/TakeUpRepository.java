package cn.huiqi.financing;

import static cn.huiqi.common.SqlValues.date;
import static cn.huiqi.common.SqlValues.instant;
import static cn.huiqi.common.SqlValues.localDate;
import static cn.huiqi.common.SqlValues.placeholders;
import static cn.huiqi.common.SqlValues.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Table financing_take_up (V47): the institutions' take-ups of a demand, their version checked on every update. */
@Repository
class TakeUpRepository {

    private static final String SELECT = "SELECT id, case_id, institution, publication, taken_by, taken_at, due_on, due_at, status,"
            + " contact_notes, diligence_notes, approved_amount, rate, term_months, declined_reason, decided_by, decided_at, ended_at,"
            + " version FROM financing_take_up";

    private final JdbcTemplate jdbc;

    TakeUpRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new take-up and gives it its id; a second one of the same institution and publication breaks uq_financing_take_up_round. */
    TakeUp insert(TakeUp t) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("INSERT INTO financing_take_up (case_id, institution, publication, taken_by, taken_at,"
                    + " due_on, due_at, status, contact_notes, diligence_notes, approved_amount, rate, term_months, declined_reason,"
                    + " decided_by, decided_at, ended_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                    new String[] {"id"});
            insert.setLong(1, t.getCaseId());
            insert.setString(2, t.getInstitution());
            insert.setInt(3, t.getPublication());
            insert.setString(4, t.getTakenBy());
            insert.setTimestamp(5, timestamp(t.getTakenAt()));
            insert.setDate(6, date(t.getDueOn()));
            insert.setTimestamp(7, timestamp(t.getDueAt()));
            insert.setString(8, t.getStatus().name());
            insert.setString(9, t.getContactNotes());
            insert.setString(10, t.getDiligenceNotes());
            insert.setBigDecimal(11, t.getApprovedAmount());
            insert.setBigDecimal(12, t.getRate());
            insert.setObject(13, t.getTermMonths(), Types.INTEGER);
            insert.setString(14, t.getDeclinedReason());
            insert.setString(15, t.getDecidedBy());
            insert.setTimestamp(16, timestamp(t.getDecidedAt()));
            insert.setTimestamp(17, timestamp(t.getEndedAt()));
            return insert;
        }, key);
        t.inserted(key.getKey().longValue());
        return t;
    }

    /** Writes what a take-up's steps change (status, notes, decision, end); another transaction's write since it was read fails it. */
    void update(TakeUp t) {
        int updated = jdbc.update("UPDATE financing_take_up SET status = ?, contact_notes = ?, diligence_notes = ?, approved_amount = ?,"
                        + " rate = ?, term_months = ?, declined_reason = ?, decided_by = ?, decided_at = ?, ended_at = ?, version = version + 1"
                        + " WHERE id = ? AND version = ?",
                t.getStatus().name(), t.getContactNotes(), t.getDiligenceNotes(), t.getApprovedAmount(), t.getRate(), t.getTermMonths(),
                t.getDeclinedReason(), t.getDecidedBy(), timestamp(t.getDecidedAt()), timestamp(t.getEndedAt()), t.getId(), t.getVersion());
        if (updated == 0) {
            throw new OptimisticLockingFailureException("take-up " + t.getId() + " changed since it was read (version " + t.getVersion() + ")");
        }
        t.versionWritten();
    }

    /** Ends every live (ACTIVE or OFFERED) take-up of the demand with this status, in one statement. */
    void endLive(long caseId, TakeUpStatus status, Instant at) {
        List<Object> args = new ArrayList<>(List.of(status.name(), timestamp(at), caseId));
        FinancingSteps.LIVE.forEach(s -> args.add(s.name()));
        jdbc.update("UPDATE financing_take_up SET status = ?, ended_at = ?, version = version + 1 WHERE case_id = ? AND status IN ("
                + placeholders(FinancingSteps.LIVE) + ")", args.toArray());
    }

    /**
     * Locks the demand's ACTIVE take-ups for the rest of the transaction and counts them: under the demand's own lock, two
     * racing take-ups cannot both pass the limit.
     */
    int lockActive(long caseId) {
        return jdbc.queryForList("SELECT id FROM financing_take_up WHERE case_id = ? AND status = 'ACTIVE' FOR UPDATE", Long.class, caseId).size();
    }

    Optional<TakeUp> findById(long id) {
        return jdbc.query(SELECT + " WHERE id = ?", TakeUpRepository::row, id).stream().findFirst();
    }

    List<TakeUp> findByCaseIdOrderById(long caseId) {
        return jdbc.query(SELECT + " WHERE case_id = ? ORDER BY id", TakeUpRepository::row, caseId);
    }

    List<TakeUp> findByCaseIdAndStatusIn(long caseId, Collection<TakeUpStatus> statuses) {
        List<Object> args = new ArrayList<>();
        args.add(caseId);
        statuses.forEach(s -> args.add(s.name()));
        return jdbc.query(SELECT + " WHERE case_id = ? AND status IN (" + placeholders(statuses) + ") ORDER BY id", TakeUpRepository::row,
                args.toArray());
    }

    long countByCaseIdAndStatus(long caseId, TakeUpStatus status) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM financing_take_up WHERE case_id = ? AND status = ?", Long.class, caseId, status.name());
    }

    Optional<TakeUp> findByCaseIdAndInstitutionAndPublication(long caseId, String institution, int publication) {
        return jdbc.query(SELECT + " WHERE case_id = ? AND institution = ? AND publication = ?", TakeUpRepository::row, caseId, institution,
                publication).stream().findFirst();
    }

    List<TakeUp> findByCaseIdAndInstitutionOrderById(long caseId, String institution) {
        return jdbc.query(SELECT + " WHERE case_id = ? AND institution = ? ORDER BY id", TakeUpRepository::row, caseId, institution);
    }

    List<TakeUp> findByInstitutionOrderByIdDesc(String institution) {
        return jdbc.query(SELECT + " WHERE institution = ? ORDER BY id DESC", TakeUpRepository::row, institution);
    }

    private static TakeUp row(ResultSet rs, int n) throws SQLException {
        return new TakeUp(rs.getLong("id"), rs.getLong("case_id"), rs.getString("institution"), rs.getInt("publication"),
                rs.getString("taken_by"), instant(rs, "taken_at"), localDate(rs, "due_on"), instant(rs, "due_at"),
                TakeUpStatus.valueOf(rs.getString("status")), rs.getString("contact_notes"), rs.getString("diligence_notes"),
                rs.getBigDecimal("approved_amount"), rs.getBigDecimal("rate"), rs.getObject("term_months", Integer.class),
                rs.getString("declined_reason"), rs.getString("decided_by"), instant(rs, "decided_at"), instant(rs, "ended_at"),
                rs.getLong("version"));
    }
}
