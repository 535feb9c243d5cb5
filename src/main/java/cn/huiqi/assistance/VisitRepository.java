package cn.huiqi.assistance;

import static cn.huiqi.common.SqlValues.instant;
import static cn.huiqi.common.SqlValues.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Table assistance_visit (V45): written once per visit, never changed. */
@Component
class VisitRepository {

    private static final String COLUMNS = "id, enterprise_id, visited_on, visitors, recorded_by_unit, findings, recorded_by, recorded_at";

    private final JdbcTemplate jdbc;

    VisitRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new visit; its id is set from the insert. */
    Visit save(Visit visit) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("INSERT INTO assistance_visit (enterprise_id, visited_on, visitors, "
                    + "recorded_by_unit, findings, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setLong(1, visit.getEnterpriseId());
            insert.setDate(2, java.sql.Date.valueOf(visit.getVisitedOn()));
            insert.setString(3, visit.getVisitors());
            insert.setString(4, visit.getRecordedByUnit());
            insert.setString(5, visit.getFindings());
            insert.setString(6, visit.getRecordedBy());
            insert.setTimestamp(7, timestamp(visit.getRecordedAt()));
            return insert;
        }, key);
        visit.setId(key.getKey().longValue());
        return visit;
    }

    List<Visit> findByRecordedByUnitOrderByVisitedOnDescIdDesc(String unitId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM assistance_visit WHERE recorded_by_unit = ? ORDER BY visited_on DESC, id DESC",
                VisitRepository::row, unitId);
    }

    List<Visit> findAllByOrderByVisitedOnDescIdDesc() {
        return jdbc.query("SELECT " + COLUMNS + " FROM assistance_visit ORDER BY visited_on DESC, id DESC", VisitRepository::row);
    }

    /** Each visited enterprise's last visit day. */
    Map<Long, LocalDate> lastVisits() {
        Map<Long, LocalDate> last = new HashMap<>();
        jdbc.query("SELECT enterprise_id, MAX(visited_on) FROM assistance_visit GROUP BY enterprise_id",
                (ResultSet rs) -> {
                    last.put(rs.getLong(1), rs.getObject(2, LocalDate.class));
                });
        return last;
    }

    private static Visit row(ResultSet rs, int n) throws SQLException {
        return new Visit(rs.getLong("id"), rs.getLong("enterprise_id"), rs.getObject("visited_on", LocalDate.class),
                rs.getString("visitors"), rs.getString("recorded_by_unit"), rs.getString("findings"), rs.getString("recorded_by"),
                instant(rs, "recorded_at"));
    }
}
