package cn.huiqi.casefile;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import cn.huiqi.common.TransactionQueue;
import cn.huiqi.common.TransactionRows;

/**
 * Table case_event: a case's timeline, appended to and read in order. The lines a transaction appends are written
 * together, one JDBC batch (with Connector/J's {@code rewriteBatchedStatements} one multi-row INSERT), just before it
 * commits, or before it reads the timeline; SQL of another class that reads case_event calls {@link #writeQueued()} first.
 * The transaction also keeps the lines it appended, by case ({@link #appendedHere}): of a case it opened, they are the
 * whole timeline.
 */
@Repository
public class CaseEventRepository {

    private static final String SELECT = "SELECT id, case_id, occurred_at, actor, action, detail FROM case_event";
    private static final String INSERT = "INSERT INTO case_event (case_id, occurred_at, actor, action, detail) VALUES (?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final TransactionQueue<CaseEvent> queued;
    private final TransactionRows<List<CaseEvent>> appended = new TransactionRows<>();

    CaseEventRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.queued = TransactionQueue.inserting(jdbc, INSERT, CaseEventRepository::values);
    }

    /** Appends the line: in a transaction, written with its other lines as it commits; without one, at once. */
    public void append(CaseEvent event) {
        queued.add(event);
        appended.keep(event.getCaseId(), new ArrayList<>()).add(event);
    }

    /**
     * The lines the current transaction has appended to the case, in the timeline's order (by when, then in the order
     * appended, as the ids are handed out): the case's whole timeline when the transaction opened the case.
     */
    List<CaseEvent> appendedHere(Long caseId) {
        List<CaseEvent> lines = appended.get(caseId);
        return lines == null ? List.of() : lines.stream().sorted(Comparator.comparing(CaseEvent::getOccurredAt)).toList();
    }

    /** Writes the lines the current transaction has appended so far, so that SQL reading case_event sees them. */
    public void writeQueued() {
        queued.flush();
    }

    public List<CaseEvent> findByCaseIdOrderByOccurredAtAscIdAsc(Long caseId) {
        writeQueued();
        return jdbc.query(SELECT + " WHERE case_id = ? ORDER BY occurred_at, id", CaseEventRepository::row, caseId);
    }

    public List<CaseEvent> findAll() {
        writeQueued();
        return jdbc.query(SELECT + " ORDER BY id", CaseEventRepository::row);
    }

    private static void values(PreparedStatement insert, CaseEvent event) throws SQLException {
        insert.setObject(1, event.getCaseId());
        insert.setTimestamp(2, Timestamp.from(event.getOccurredAt()));
        insert.setString(3, event.getActor());
        insert.setString(4, event.getAction());
        insert.setString(5, event.getDetail());
    }

    private static CaseEvent row(ResultSet rs, int rowNum) throws SQLException {
        return new CaseEvent(rs.getLong("id"), rs.getObject("case_id", Long.class), rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor"), rs.getString("action"), rs.getString("detail"));
    }
}
