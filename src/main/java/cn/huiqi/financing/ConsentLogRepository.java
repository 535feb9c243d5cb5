package cn.huiqi.financing;

import static cn.huiqi.common.SqlValues.instant;
import static cn.huiqi.common.SqlValues.timestamp;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Table financing_consent_log (V47): every give, change and revocation of a demand's consent, only ever added to. */
@Repository
class ConsentLogRepository {

    private final JdbcTemplate jdbc;

    ConsentLogRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ConsentLog line) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("INSERT INTO financing_consent_log (case_id, action, audience, fields, institutions,"
                    + " actor, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setLong(1, line.getCaseId());
            insert.setString(2, line.getAction());
            insert.setString(3, line.getAudience());
            insert.setString(4, line.getFields());
            insert.setString(5, line.getInstitutions());
            insert.setString(6, line.getActor());
            insert.setTimestamp(7, timestamp(line.getOccurredAt()));
            return insert;
        }, key);
        line.inserted(key.getKey().longValue());
    }

    List<ConsentLog> findByCaseIdOrderById(long caseId) {
        return jdbc.query("SELECT id, case_id, action, audience, fields, institutions, actor, occurred_at FROM financing_consent_log"
                + " WHERE case_id = ? ORDER BY id", (rs, n) -> new ConsentLog(rs.getLong("id"), rs.getLong("case_id"), rs.getString("action"),
                rs.getString("audience"), rs.getString("fields"), rs.getString("institutions"), rs.getString("actor"),
                instant(rs, "occurred_at")), caseId);
    }
}
