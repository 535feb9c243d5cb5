package cn.huiqi.assistance;

import static cn.huiqi.common.SqlValues.instant;
import static cn.huiqi.common.SqlValues.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Table assistance_no_visit (V45): a row per enterprise while its 无事不扰 is on. */
@Component
class NoVisitRepository {

    private final NamedParameterJdbcTemplate jdbc;

    NoVisitRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<NoVisit> findById(long enterpriseId) {
        return jdbc.query("SELECT enterprise_id, since, recorded_by FROM assistance_no_visit WHERE enterprise_id = :id",
                Map.of("id", enterpriseId), NoVisitRepository::row).stream().findFirst();
    }

    List<NoVisit> findAllById(Collection<Long> enterpriseIds) {
        if (enterpriseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT enterprise_id, since, recorded_by FROM assistance_no_visit WHERE enterprise_id IN (:ids)",
                Map.of("ids", enterpriseIds), NoVisitRepository::row);
    }

    /** Switches it on; false (nothing written) when it was on already. */
    boolean insert(NoVisit noVisit) {
        try {
            jdbc.update("INSERT INTO assistance_no_visit (enterprise_id, since, recorded_by) VALUES (:id, :since, :by)",
                    Map.of("id", noVisit.getEnterpriseId(), "since", timestamp(noVisit.getSince()), "by", noVisit.getRecordedBy()));
            return true;
        } catch (DuplicateKeyException on) {
            return false;
        }
    }

    /** Switches it off; false when it was off already. */
    boolean deleteById(long enterpriseId) {
        return jdbc.update("DELETE FROM assistance_no_visit WHERE enterprise_id = :id", Map.of("id", enterpriseId)) > 0;
    }

    private static NoVisit row(ResultSet rs, int n) throws SQLException {
        return new NoVisit(rs.getLong("enterprise_id"), instant(rs, "since"), rs.getString("recorded_by"));
    }
}
