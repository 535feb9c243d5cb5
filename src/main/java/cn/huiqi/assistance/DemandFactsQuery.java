package cn.huiqi.assistance;

import static cn.huiqi.common.SqlValues.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.huiqi.timelimit.OverdueNow;

/** The demands submitted in a period, as {@link DemandFacts}: one query for the demands, one for their assignments. */
@Component
class DemandFactsQuery {

    private final JdbcTemplate jdbc;
    private final OverdueNow overdueNow;

    DemandFactsQuery(JdbcTemplate jdbc, OverdueNow overdueNow) {
        this.jdbc = jdbc;
        this.overdueNow = overdueNow;
    }

    /** Demands with {@code from <= submitted_at < toExclusive}, in case id order. */
    List<DemandFacts> submittedBetween(Instant from, Instant toExclusive) {
        Map<Long, List<String>> assigned = new HashMap<>();
        jdbc.query("SELECT a.case_id, a.unit_id FROM assistance_assignment a JOIN assistance_demand d ON d.case_id = a.case_id "
                        + "WHERE d.submitted_at >= ? AND d.submitted_at < ? ORDER BY a.case_id, a.assigned_at, a.id",
                (ResultSet rs) -> {
                    List<String> units = assigned.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>());
                    String unit = rs.getString(2);
                    if (!units.contains(unit)) {
                        units.add(unit);
                    } else if (!units.get(units.size() - 1).equals(unit)) { // assigned back: it answers again
                        units.remove(unit);
                        units.add(unit);
                    }
                }, Timestamp.from(from), Timestamp.from(toExclusive));
        Set<Long> overdue = overdueNow.casesOf(AssistanceMeasure.ID);
        return jdbc.query("SELECT d.case_id, c.case_number, d.title, c.status, c.locality_unit_id, d.category, d.submitted_at, "
                        + "d.accepted_at, d.accepted_on_time, d.reply_outcome, d.replied_at, d.replied_on_time, d.rating "
                        + "FROM assistance_demand d JOIN case_record c ON c.id = d.case_id "
                        + "WHERE d.submitted_at >= ? AND d.submitted_at < ? ORDER BY d.case_id",
                (rs, n) -> row(rs, assigned, overdue), Timestamp.from(from), Timestamp.from(toExclusive));
    }

    private static DemandFacts row(ResultSet rs, Map<Long, List<String>> assigned, Set<Long> overdue) throws SQLException {
        long caseId = rs.getLong("case_id");
        String status = rs.getString("status");
        boolean open = !isFinal(status);
        return new DemandFacts(caseId, rs.getString("case_number"), rs.getString("title"), status,
                rs.getString("locality_unit_id"), DemandCategory.valueOf(rs.getString("category")),
                instant(rs, "submitted_at"), instant(rs, "accepted_at"), bool(rs, "accepted_on_time"),
                rs.getString("reply_outcome") == null ? null : ReplyOutcome.valueOf(rs.getString("reply_outcome")),
                instant(rs, "replied_at"), bool(rs, "replied_on_time"),
                rs.getString("rating") == null ? null : Rating.valueOf(rs.getString("rating")),
                open && overdue.contains(caseId), assigned.getOrDefault(caseId, List.of()));
    }

    private static boolean isFinal(String status) {
        try {
            return DemandStatus.valueOf(status).isFinal();
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }
}
