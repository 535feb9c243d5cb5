package cn.huiqi.round;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The audit of rounds (table round_event): opened, extended with the reason, closed, versions pinned and re-pinned. */
@Component
class RoundEvents {

    enum Kind { OPENED, EXTENDED, CLOSED, PINNED, REPINNED }

    record Event(long id, long roundId, Kind kind, String detail, String reason, String actor, Instant at) {
    }

    private final JdbcTemplate jdbc;

    RoundEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(long roundId, Kind kind, String detail, String reason, String actor, Instant at) {
        jdbc.update("INSERT INTO round_event (round_id, kind, detail, reason, actor, occurred_at) VALUES (?,?,?,?,?,?)",
                roundId, kind.name(), detail, reason, actor, Timestamp.from(at));
    }

    List<Event> of(long roundId) {
        return jdbc.query("SELECT * FROM round_event WHERE round_id = ? ORDER BY occurred_at, id", (rs, n) -> new Event(
                rs.getLong("id"), rs.getLong("round_id"), Kind.valueOf(rs.getString("kind")), rs.getString("detail"),
                rs.getString("reason"), rs.getString("actor"), rs.getTimestamp("occurred_at").toInstant()), roundId);
    }
}
