package cn.huiqi.round;

import static cn.huiqi.common.SqlValues.timestamp;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Table application_round (V11). */
@Repository
class RoundRepository {

    private static final String COLUMNS = "id, measure, name, performance_from, performance_to, opens_on, closes_on, closed_early_at, "
            + "closed_early_by, note, created_by, created_at, updated_by, updated_at, row_version";

    private final JdbcTemplate jdbc;

    RoundRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ApplicationRound> findById(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM application_round WHERE id = ?", RoundRepository::row, id).stream().findFirst();
    }

    List<ApplicationRound> findByMeasureOrderByOpensOnAscIdAsc(String measure) {
        return jdbc.query("SELECT " + COLUMNS + " FROM application_round WHERE measure = ? ORDER BY opens_on, id", RoundRepository::row,
                measure);
    }

    List<ApplicationRound> findAllByOrderByMeasureAscOpensOnAscIdAsc() {
        return jdbc.query("SELECT " + COLUMNS + " FROM application_round ORDER BY measure, opens_on, id", RoundRepository::row);
    }

    /** The measure's rounds, locked: two concurrent openings or extensions of one measure run one after the other. */
    List<ApplicationRound> lockByMeasure(String measure) {
        return jdbc.query("SELECT " + COLUMNS + " FROM application_round WHERE measure = ? ORDER BY opens_on, id FOR UPDATE",
                RoundRepository::row, measure);
    }

    /** A new round (row version 0); answers it with its id. */
    ApplicationRound insert(ApplicationRound round) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("INSERT INTO application_round (measure, name, performance_from, performance_to, "
                    + "opens_on, closes_on, closed_early_at, closed_early_by, note, created_by, created_at, updated_by, updated_at, "
                    + "row_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", new String[] {"id"});
            insert.setString(1, round.getMeasure());
            insert.setString(2, round.getName());
            insert.setDate(3, Date.valueOf(round.getPerformanceFrom()));
            insert.setDate(4, Date.valueOf(round.getPerformanceTo()));
            insert.setDate(5, Date.valueOf(round.getOpensOn()));
            insert.setDate(6, Date.valueOf(round.getClosesOn()));
            insert.setTimestamp(7, timestamp(round.getClosedEarlyAt()));
            insert.setString(8, round.getClosedEarlyBy());
            insert.setString(9, round.getNote());
            insert.setString(10, round.getCreatedBy());
            insert.setTimestamp(11, Timestamp.from(round.getCreatedAt()));
            insert.setString(12, round.getUpdatedBy());
            insert.setTimestamp(13, Timestamp.from(round.getUpdatedAt()));
            return insert;
        }, key);
        round.stored(key.getKey().longValue());
        return round;
    }

    /**
     * Writes what an extension or an early closure changes, if the row is still at the round's version (then one up, the
     * round's too); otherwise OptimisticLockingFailureException.
     */
    void update(ApplicationRound round) {
        int rows = jdbc.update("UPDATE application_round SET closes_on = ?, closed_early_at = ?, closed_early_by = ?, updated_by = ?, "
                        + "updated_at = ?, row_version = row_version + 1 WHERE id = ? AND row_version = ?",
                Date.valueOf(round.getClosesOn()), timestamp(round.getClosedEarlyAt()), round.getClosedEarlyBy(), round.getUpdatedBy(),
                Timestamp.from(round.getUpdatedAt()), round.getId(), round.getRowVersion());
        if (rows == 0) {
            throw new OptimisticLockingFailureException("application round " + round.getId() + " was changed or removed meanwhile");
        }
        round.updated();
    }

    private static ApplicationRound row(ResultSet rs, int rowNum) throws SQLException {
        Timestamp closedEarlyAt = rs.getTimestamp("closed_early_at");
        return ApplicationRound.of(rs.getLong("id"), rs.getString("measure"), rs.getString("name"),
                rs.getObject("performance_from", LocalDate.class), rs.getObject("performance_to", LocalDate.class),
                rs.getObject("opens_on", LocalDate.class), rs.getObject("closes_on", LocalDate.class),
                closedEarlyAt == null ? null : closedEarlyAt.toInstant(), rs.getString("closed_early_by"), rs.getString("note"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("row_version"));
    }
}
