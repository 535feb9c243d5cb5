package cn.huiqi.project;

import static cn.huiqi.common.SqlValues.date;
import static cn.huiqi.common.SqlValues.instant;
import static cn.huiqi.common.SqlValues.timestamp;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Table project (V3): inserted with row_version 0; each update checks and moves it on. */
@Repository
public class ProjectRepository {

    /** The columns of a project, read as {@code project p}. */
    static final String COLUMNS = "p.id, p.enterprise_id, p.locality_unit_id, p.name, p.project_type, p.planned_total_investment, "
            + "p.planned_equipment_investment, p.planned_start, p.planned_completion, p.actual_start, p.actual_completion, p.major, "
            + "p.status, p.created_by, p.created_at, p.updated_by, p.updated_at, p.row_version";

    private final NamedParameterJdbcTemplate jdbc;

    ProjectRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new project and gives it its id. */
    Project insert(Project p) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.getJdbcTemplate().update(connection -> {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO project (enterprise_id, locality_unit_id, name, "
                    + "project_type, planned_total_investment, planned_equipment_investment, planned_start, planned_completion, "
                    + "actual_start, actual_completion, major, status, created_by, created_at, updated_by, updated_at, row_version) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", new String[] {"id"});
            insert.setLong(1, p.getEnterpriseId());
            insert.setString(2, p.getLocalityUnitId());
            insert.setString(3, p.getName());
            insert.setString(4, p.getType().code());
            insert.setBigDecimal(5, p.getPlannedTotalInvestment());
            insert.setBigDecimal(6, p.getPlannedEquipmentInvestment());
            insert.setDate(7, date(p.getPlannedStart()));
            insert.setDate(8, date(p.getPlannedCompletion()));
            insert.setDate(9, date(p.getActualStart()));
            insert.setDate(10, date(p.getActualCompletion()));
            insert.setBoolean(11, p.isMajor());
            insert.setString(12, p.getStatus().name());
            insert.setString(13, p.getCreatedBy());
            insert.setTimestamp(14, timestamp(p.getCreatedAt()));
            insert.setString(15, p.getUpdatedBy());
            insert.setTimestamp(16, timestamp(p.getUpdatedAt()));
            return insert;
        }, key);
        p.assignId(key.getKey().longValue());
        return p;
    }

    /** Writes what {@link Project#apply} changes, if the row is still at the project's version (otherwise nothing, and an exception). */
    void update(Project p) {
        int updated = jdbc.getJdbcTemplate().update("UPDATE project SET locality_unit_id = ?, name = ?, project_type = ?, "
                + "planned_total_investment = ?, planned_equipment_investment = ?, planned_start = ?, planned_completion = ?, "
                + "actual_start = ?, actual_completion = ?, major = ?, status = ?, updated_by = ?, updated_at = ?, "
                + "row_version = row_version + 1 WHERE id = ? AND row_version = ?", ps -> {
                    ps.setString(1, p.getLocalityUnitId());
                    ps.setString(2, p.getName());
                    ps.setString(3, p.getType().code());
                    ps.setBigDecimal(4, p.getPlannedTotalInvestment());
                    ps.setBigDecimal(5, p.getPlannedEquipmentInvestment());
                    ps.setDate(6, date(p.getPlannedStart()));
                    ps.setDate(7, date(p.getPlannedCompletion()));
                    ps.setDate(8, date(p.getActualStart()));
                    ps.setDate(9, date(p.getActualCompletion()));
                    ps.setBoolean(10, p.isMajor());
                    ps.setString(11, p.getStatus().name());
                    ps.setString(12, p.getUpdatedBy());
                    ps.setTimestamp(13, timestamp(p.getUpdatedAt()));
                    ps.setLong(14, p.getId());
                    ps.setLong(15, p.rowVersion());
                });
        if (updated == 0) {
            throw new OptimisticLockingFailureException("project " + p.getId() + " was changed or removed meanwhile");
        }
        p.versionWritten();
    }

    public Optional<Project> findById(long id) {
        return jdbc.getJdbcTemplate().query("SELECT " + COLUMNS + " FROM project p WHERE p.id = ?", ProjectRepository::row, id)
                .stream().findFirst();
    }

    public List<Project> findAll() {
        return jdbc.getJdbcTemplate().query("SELECT " + COLUMNS + " FROM project p ORDER BY p.id", ProjectRepository::row);
    }

    long count() {
        return jdbc.getJdbcTemplate().queryForObject("SELECT COUNT(*) FROM project", Long.class);
    }

    List<Project> findAllByOrderByLocalityUnitIdAscIdAsc() {
        return jdbc.getJdbcTemplate().query("SELECT " + COLUMNS + " FROM project p ORDER BY p.locality_unit_id, p.id",
                ProjectRepository::row);
    }

    List<Project> findByLocalityUnitIdInOrderByLocalityUnitIdAscIdAsc(Collection<String> localityUnitIds) {
        if (localityUnitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM project p WHERE p.locality_unit_id IN (:localities) ORDER BY p.locality_unit_id, p.id",
                new MapSqlParameterSource("localities", localityUnitIds), ProjectRepository::row);
    }

    Optional<Project> findByEnterpriseIdAndName(long enterpriseId, String name) {
        return jdbc.getJdbcTemplate().query("SELECT " + COLUMNS + " FROM project p WHERE p.enterprise_id = ? AND p.name = ?",
                ProjectRepository::row, enterpriseId, name).stream().findFirst();
    }

    static Project row(ResultSet rs, int n) throws SQLException {
        String type = rs.getString("project_type");
        return new Project(rs.getLong("id"), rs.getLong("enterprise_id"), rs.getString("locality_unit_id"), rs.getString("name"),
                ProjectType.ofCode(type).orElseThrow(() -> new IllegalStateException("unknown project type " + type)),
                rs.getBigDecimal("planned_total_investment"), rs.getBigDecimal("planned_equipment_investment"),
                rs.getObject("planned_start", LocalDate.class), rs.getObject("planned_completion", LocalDate.class),
                rs.getObject("actual_start", LocalDate.class), rs.getObject("actual_completion", LocalDate.class), rs.getBoolean("major"),
                ProjectStatus.valueOf(rs.getString("status")), rs.getString("created_by"), instant(rs, "created_at"),
                rs.getString("updated_by"), instant(rs, "updated_at"), rs.getLong("row_version"));
    }

}
