package cn.huiqi.project;

import static cn.huiqi.common.SqlValues.instant;
import static cn.huiqi.common.SqlValues.timestamp;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Table project_report (V3): the month as 'YYYY-MM' text (portable across H2 and MariaDB, and it sorts as it should);
 * inserted with row_version 0, each correction checks and moves it on.
 */
@Repository
class ProgressReportRepository {

    private static final String COLUMNS = "id, project_id, report_month, cumulative_investment, cumulative_equipment, note, "
            + "reported_by, reported_at, corrected_by, corrected_at, row_version";

    private final NamedParameterJdbcTemplate jdbc;

    ProgressReportRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new report and gives it its id. */
    ProgressReport insert(ProgressReport r) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.getJdbcTemplate().update(connection -> {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO project_report (project_id, report_month, "
                    + "cumulative_investment, cumulative_equipment, note, reported_by, reported_at, corrected_by, corrected_at, "
                    + "row_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", new String[] {"id"});
            insert.setLong(1, r.getProjectId());
            insert.setString(2, r.getMonth().toString());
            insert.setBigDecimal(3, r.getCumulativeInvestment());
            insert.setBigDecimal(4, r.getCumulativeEquipment());
            insert.setString(5, r.getNote());
            insert.setString(6, r.getReportedBy());
            insert.setTimestamp(7, timestamp(r.getReportedAt()));
            insert.setString(8, r.getCorrectedBy());
            insert.setTimestamp(9, timestamp(r.getCorrectedAt()));
            return insert;
        }, key);
        r.assignId(key.getKey().longValue());
        return r;
    }

    /** Writes what {@link ProgressReport#correct} changes, if the row is still at the report's version (otherwise nothing, and an exception). */
    void update(ProgressReport r) {
        int updated = jdbc.getJdbcTemplate().update("UPDATE project_report SET cumulative_investment = ?, cumulative_equipment = ?, "
                + "note = ?, corrected_by = ?, corrected_at = ?, row_version = row_version + 1 WHERE id = ? AND row_version = ?", ps -> {
                    ps.setBigDecimal(1, r.getCumulativeInvestment());
                    ps.setBigDecimal(2, r.getCumulativeEquipment());
                    ps.setString(3, r.getNote());
                    ps.setString(4, r.getCorrectedBy());
                    ps.setTimestamp(5, timestamp(r.getCorrectedAt()));
                    ps.setLong(6, r.getId());
                    ps.setLong(7, r.rowVersion());
                });
        if (updated == 0) {
            throw new OptimisticLockingFailureException("report " + r.getId() + " was changed or removed meanwhile");
        }
        r.versionWritten();
    }

    List<ProgressReport> findByProjectIdOrderByMonth(long projectId) {
        return jdbc.getJdbcTemplate().query("SELECT " + COLUMNS + " FROM project_report WHERE project_id = ? ORDER BY report_month",
                ProgressReportRepository::row, projectId);
    }

    List<ProgressReport> findByProjectIdIn(Collection<Long> projectIds) {
        if (projectIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM project_report WHERE project_id IN (:projects)",
                new MapSqlParameterSource("projects", projectIds), ProgressReportRepository::row);
    }

    private static ProgressReport row(ResultSet rs, int n) throws SQLException {
        return new ProgressReport(rs.getLong("id"), rs.getLong("project_id"), YearMonth.parse(rs.getString("report_month")),
                rs.getBigDecimal("cumulative_investment"), rs.getBigDecimal("cumulative_equipment"), rs.getString("note"),
                rs.getString("reported_by"), instant(rs, "reported_at"), rs.getString("corrected_by"), instant(rs, "corrected_at"),
                rs.getLong("row_version"));
    }
}
