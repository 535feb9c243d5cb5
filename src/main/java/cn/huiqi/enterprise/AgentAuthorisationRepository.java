package cn.huiqi.enterprise;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Table enterprise_agent (V8). */
@Repository
class AgentAuthorisationRepository {

    private static final String COLUMNS = "id, enterprise_id, user_id, scope, granted_by, granted_at, valid_until, revoked_by, revoked_at";

    private final JdbcTemplate jdbc;

    AgentAuthorisationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<AgentAuthorisation> findByUserIdAndEnterpriseIdAndRevokedAtIsNull(String userId, Long enterpriseId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM enterprise_agent WHERE user_id = ? AND enterprise_id = ? AND revoked_at IS NULL "
                + "ORDER BY id", AgentAuthorisationRepository::row, userId, enterpriseId);
    }

    List<AgentAuthorisation> findByUserIdAndRevokedAtIsNull(String userId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM enterprise_agent WHERE user_id = ? AND revoked_at IS NULL ORDER BY id",
                AgentAuthorisationRepository::row, userId);
    }

    List<AgentAuthorisation> findByEnterpriseIdOrderByGrantedAtDescIdDesc(Long enterpriseId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM enterprise_agent WHERE enterprise_id = ? ORDER BY granted_at DESC, id DESC",
                AgentAuthorisationRepository::row, enterpriseId);
    }

    /** A new authorisation; answers it with its id. */
    AgentAuthorisation insert(AgentAuthorisation grant) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("INSERT INTO enterprise_agent (enterprise_id, user_id, scope, granted_by, granted_at, "
                    + "valid_until) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setLong(1, grant.getEnterpriseId());
            insert.setString(2, grant.getUserId());
            insert.setString(3, grant.getScope());
            insert.setString(4, grant.getGrantedBy());
            insert.setTimestamp(5, Timestamp.from(grant.getGrantedAt()));
            insert.setDate(6, grant.getValidUntil() == null ? null : Date.valueOf(grant.getValidUntil()));
            return insert;
        }, key);
        grant.stored(key.getKey().longValue());
        return grant;
    }

    /** Writes the revocation of each (revoked in memory by {@link AgentAuthorisation#revoke}). */
    void revoke(List<AgentAuthorisation> revoked) {
        jdbc.batchUpdate("UPDATE enterprise_agent SET revoked_by = ?, revoked_at = ? WHERE id = ?", revoked.stream()
                .map(a -> new Object[] {a.getRevokedBy(), Timestamp.from(a.getRevokedAt()), a.getId()}).toList());
    }

    private static AgentAuthorisation row(ResultSet rs, int rowNum) throws SQLException {
        Timestamp revokedAt = rs.getTimestamp("revoked_at");
        return AgentAuthorisation.of(rs.getLong("id"), rs.getLong("enterprise_id"), rs.getString("user_id"), rs.getString("scope"),
                rs.getString("granted_by"), rs.getTimestamp("granted_at").toInstant(), rs.getObject("valid_until", LocalDate.class),
                rs.getString("revoked_by"), revokedAt == null ? null : revokedAt.toInstant());
    }
}
