package cn.huiqi.assistance;

import static cn.huiqi.common.SqlValues.instant;
import static cn.huiqi.common.SqlValues.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Table assistance_assignment (V45): inserted when a unit gets a demand, ended when it goes elsewhere or is done. */
@Component
class AssignmentRepository {

    private static final String COLUMNS = "id, case_id, unit_id, assigned_at, ended_at, end_reason";

    private final NamedParameterJdbcTemplate jdbc;

    AssignmentRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Assignment> findByCaseIdOrderByAssignedAtAscIdAsc(long caseId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM assistance_assignment WHERE case_id = :caseId ORDER BY assigned_at, id",
                Map.of("caseId", caseId), AssignmentRepository::row);
    }

    List<Assignment> findByCaseIdAndEndedAtIsNull(long caseId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM assistance_assignment WHERE case_id = :caseId AND ended_at IS NULL ORDER BY id",
                Map.of("caseId", caseId), AssignmentRepository::row);
    }

    boolean existsByCaseIdAndUnitIdIn(long caseId, Collection<String> unitIds) {
        return !unitIds.isEmpty() && Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM assistance_assignment"
                + " WHERE case_id = :caseId AND unit_id IN (:units))", Map.of("caseId", caseId, "units", unitIds), Boolean.class));
    }

    boolean existsByCaseIdAndUnitIdInAndEndedAtIsNull(long caseId, Collection<String> unitIds) {
        return !unitIds.isEmpty() && Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM assistance_assignment"
                + " WHERE case_id = :caseId AND unit_id IN (:units) AND ended_at IS NULL)", Map.of("caseId", caseId, "units", unitIds),
                Boolean.class));
    }

    /** A new assignment; its id is set from the insert. */
    Assignment insert(Assignment assignment) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("INSERT INTO assistance_assignment (case_id, unit_id, assigned_at) VALUES (:caseId, :unitId, :assignedAt)",
                new MapSqlParameterSource().addValue("caseId", assignment.getCaseId()).addValue("unitId", assignment.getUnitId())
                        .addValue("assignedAt", timestamp(assignment.getAssignedAt())), key, new String[] {"id"});
        assignment.setId(key.getKey().longValue());
        return assignment;
    }

    /** Ends the demand's open assignments at {@code at} for {@code reason}; how many it ended. */
    int endOpen(long caseId, Instant at, String reason) {
        return jdbc.update("UPDATE assistance_assignment SET ended_at = :at, end_reason = :reason WHERE case_id = :caseId AND ended_at IS NULL",
                new MapSqlParameterSource().addValue("at", timestamp(at)).addValue("reason", reason).addValue("caseId", caseId));
    }

    private static Assignment row(ResultSet rs, int n) throws SQLException {
        return new Assignment(rs.getLong("id"), rs.getLong("case_id"), rs.getString("unit_id"), instant(rs, "assigned_at"),
                instant(rs, "ended_at"), rs.getString("end_reason"));
    }
}
