package cn.huiqi.inbox;

import static cn.huiqi.common.SqlValues.instant;
import static cn.huiqi.common.SqlValues.nullableLong;
import static cn.huiqi.common.SqlValues.timestamp;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import cn.huiqi.common.Label;
import cn.huiqi.common.TransactionQueue;

/**
 * Table inbox_message (V19). A caller's messages: those to its login, to one of its units (groups) and to an
 * enterprise it acts for. Every query takes the three lists, never a message id alone, so nothing outside them is
 * ever read; an empty list matches nothing. The messages a transaction {@link #append appends} are written together
 * as it commits, or before its next statement on inbox_message ({@link TransactionQueue}), in the order posted.
 */
@Component
class InboxMessageRepository {

    private static final String COLUMNS = "m.id, m.kind, m.recipient_kind, m.recipient_id, m.case_id, m.case_number, m.title_zh, "
            + "m.title_en, m.body_zh, m.body_en, m.link, m.created_at";
    private static final String UNREAD = " AND NOT EXISTS (SELECT 1 FROM inbox_read r WHERE r.message_id = m.id AND r.user_id = :user)";
    private static final String NEWEST_FIRST = " ORDER BY m.created_at DESC, m.id DESC";
    private static final String INSERT = "INSERT INTO inbox_message (kind, recipient_kind, recipient_id, case_id, case_number, "
            + "title_zh, title_en, body_zh, body_en, link, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** A page of messages and how many there are in all. */
    record Found(List<InboxMessage> items, long total) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionQueue<InboxMessage> appended;

    InboxMessageRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.appended = TransactionQueue.inserting(jdbc.getJdbcTemplate(), INSERT, InboxMessageRepository::values);
    }

    /** A new message nothing needs the id of in this transaction: written with the transaction's others as it commits. */
    void append(InboxMessage message) {
        appended.add(message);
    }

    /** A new message, written now; its id is set from the insert. */
    InboxMessage save(InboxMessage message) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        table().getJdbcTemplate().update(connection -> {
            PreparedStatement insert = connection.prepareStatement(INSERT, new String[] {"id"});
            values(insert, message);
            return insert;
        }, key);
        message.setId(key.getKey().longValue());
        return message;
    }

    private static void values(PreparedStatement insert, InboxMessage message) throws SQLException {
        Label title = message.title();
        Label body = message.body();
        insert.setString(1, message.getKind().name());
        insert.setString(2, message.recipient().kind().name());
        insert.setString(3, message.recipient().id());
        insert.setObject(4, message.getCaseId());
        insert.setString(5, message.getCaseNumber());
        insert.setString(6, title.zh());
        insert.setString(7, title.en());
        insert.setString(8, body.zh());
        insert.setString(9, body.en());
        insert.setString(10, message.getLink());
        insert.setTimestamp(11, timestamp(message.getCreatedAt()));
    }

    /** For every other statement on inbox_message: the messages this transaction appended are written first. */
    private NamedParameterJdbcTemplate table() {
        appended.flush();
        return jdbc;
    }

    /** The caller's messages, newest first: page {@code page} of {@code size}. */
    Found mine(String user, Collection<String> units, Collection<String> enterprises, int page, int size) {
        return page(mineWhere(user, units, enterprises), page, size);
    }

    /** The caller's messages it has not read, newest first: page {@code page} of {@code size}. */
    Found mineUnread(String user, Collection<String> units, Collection<String> enterprises, int page, int size) {
        Where where = mineWhere(user, units, enterprises);
        return page(new Where(where.sql() + UNREAD, where.params()), page, size);
    }

    long countUnread(String user, Collection<String> units, Collection<String> enterprises) {
        Where where = mineWhere(user, units, enterprises);
        return table().queryForObject("SELECT COUNT(*) FROM inbox_message m WHERE " + where.sql() + UNREAD, where.params(), Long.class);
    }

    List<Long> unreadIds(String user, Collection<String> units, Collection<String> enterprises) {
        Where where = mineWhere(user, units, enterprises);
        return table().queryForList("SELECT m.id FROM inbox_message m WHERE " + where.sql() + UNREAD, where.params(), Long.class);
    }

    boolean isMine(long id, String user, Collection<String> units, Collection<String> enterprises) {
        Where where = mineWhere(user, units, enterprises);
        where.params().addValue("id", id);
        return !table().queryForList("SELECT m.id FROM inbox_message m WHERE m.id = :id AND " + where.sql(), where.params(), Long.class)
                .isEmpty();
    }

    /** The read marks of the caller among these messages. */
    List<Long> readAmong(String user, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList("SELECT message_id FROM inbox_read WHERE user_id = :user AND message_id IN (:ids)",
                Map.of("user", user, "ids", ids), Long.class);
    }

    List<InboxMessage> findByCaseIdOrderByIdAsc(long caseId) {
        return table().query("SELECT " + COLUMNS + " FROM inbox_message m WHERE m.case_id = :caseId ORDER BY m.id",
                Map.of("caseId", caseId), InboxMessageRepository::row);
    }

    List<InboxMessage> findAll() {
        return table().query("SELECT " + COLUMNS + " FROM inbox_message m ORDER BY m.id", InboxMessageRepository::row);
    }

    private record Where(String sql, MapSqlParameterSource params) {
    }

    /** Messages to the login, to one of the units or to one of the enterprises (an empty list adds none). */
    private static Where mineWhere(String user, Collection<String> units, Collection<String> enterprises) {
        MapSqlParameterSource params = new MapSqlParameterSource("user", user);
        List<String> or = new ArrayList<>();
        or.add("(m.recipient_kind = 'USER' AND m.recipient_id = :user)");
        if (!units.isEmpty()) {
            or.add("(m.recipient_kind = 'UNIT' AND m.recipient_id IN (:units))");
            params.addValue("units", units);
        }
        if (!enterprises.isEmpty()) {
            or.add("(m.recipient_kind = 'ENTERPRISE' AND m.recipient_id IN (:enterprises))");
            params.addValue("enterprises", enterprises);
        }
        return new Where("(" + String.join(" OR ", or) + ")", params);
    }

    /**
     * The page's rows, then the total: counted only when the page does not tell it (a first page that is not full
     * holds all of them; a later page that is neither full nor empty ends the list).
     */
    private Found page(Where where, int page, int size) {
        long offset = (long) page * size;
        MapSqlParameterSource params = new MapSqlParameterSource(where.params().getValues())
                .addValue("limit", size).addValue("offset", offset);
        List<InboxMessage> items = table().query("SELECT " + COLUMNS + " FROM inbox_message m WHERE " + where.sql() + NEWEST_FIRST
                + " LIMIT :limit OFFSET :offset", params, InboxMessageRepository::row);
        if (items.size() < size && (offset == 0 || !items.isEmpty())) {
            return new Found(items, offset + items.size());
        }
        return new Found(items, table().queryForObject("SELECT COUNT(*) FROM inbox_message m WHERE " + where.sql(), where.params(),
                Long.class));
    }

    private static InboxMessage row(ResultSet rs, int n) throws SQLException {
        return new InboxMessage(rs.getLong("id"), NoticeKind.valueOf(rs.getString("kind")),
                new Recipient(Recipient.Kind.valueOf(rs.getString("recipient_kind")), rs.getString("recipient_id")),
                nullableLong(rs, "case_id"), rs.getString("case_number"), rs.getString("title_zh"), rs.getString("title_en"),
                rs.getString("body_zh"), rs.getString("body_en"), rs.getString("link"), instant(rs, "created_at"));
    }
}
