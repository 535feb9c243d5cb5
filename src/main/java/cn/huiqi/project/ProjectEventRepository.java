package cn.huiqi.project;

import static cn.huiqi.common.SqlValues.instant;
import static cn.huiqi.common.SqlValues.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table project_event (V3): the audit trail, only ever appended to. */
@Repository
class ProjectEventRepository {

    private final JdbcTemplate jdbc;

    ProjectEventRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ProjectEvent e) {
        jdbc.update("INSERT INTO project_event (project_id, report_month, occurred_at, actor, action, detail) VALUES (?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setLong(1, e.getProjectId());
                    ps.setString(2, e.getReportMonth() == null ? null : e.getReportMonth().toString());
                    ps.setTimestamp(3, timestamp(e.getOccurredAt()));
                    ps.setString(4, e.getActor());
                    ps.setString(5, e.getAction());
                    ps.setString(6, e.getDetail());
                });
    }

    List<ProjectEvent> findByProjectIdOrderByOccurredAtAscIdAsc(long projectId) {
        return jdbc.query("SELECT id, project_id, report_month, occurred_at, actor, action, detail FROM project_event "
                + "WHERE project_id = ? ORDER BY occurred_at, id", ProjectEventRepository::row, projectId);
    }

    private static ProjectEvent row(ResultSet rs, int n) throws SQLException {
        String month = rs.getString("report_month");
        return new ProjectEvent(rs.getLong("id"), rs.getLong("project_id"), month == null ? null : YearMonth.parse(month),
                instant(rs, "occurred_at"), rs.getString("actor"), rs.getString("action"), rs.getString("detail"));
    }
}
