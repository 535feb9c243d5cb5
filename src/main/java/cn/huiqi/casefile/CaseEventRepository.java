package cn.huiqi.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Table case_event: a case's timeline, appended to and read in order. */
@Repository
public class CaseEventRepository {

    private static final String SELECT = "SELECT id, case_id, occurred_at, actor, action, detail FROM case_event";

    private final JdbcTemplate jdbc;

    CaseEventRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the line and sets its id; answers the same object. */
    public CaseEvent save(CaseEvent event) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("INSERT INTO case_event (case_id, occurred_at, actor, action, detail)"
                    + " VALUES (?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setObject(1, event.getCaseId());
            insert.setTimestamp(2, Timestamp.from(event.getOccurredAt()));
            insert.setString(3, event.getActor());
            insert.setString(4, event.getAction());
            insert.setString(5, event.getDetail());
            return insert;
        }, key);
        event.inserted(key.getKey().longValue());
        return event;
    }

    public List<CaseEvent> findByCaseIdOrderByOccurredAtAscIdAsc(Long caseId) {
        return jdbc.query(SELECT + " WHERE case_id = ? ORDER BY occurred_at, id", CaseEventRepository::row, caseId);
    }

    public List<CaseEvent> findAll() {
        return jdbc.query(SELECT + " ORDER BY id", CaseEventRepository::row);
    }

    private static CaseEvent row(ResultSet rs, int rowNum) throws SQLException {
        return new CaseEvent(rs.getLong("id"), rs.getObject("case_id", Long.class), rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor"), rs.getString("action"), rs.getString("detail"));
    }
}
