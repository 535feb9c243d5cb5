package cn.huiqi.inbox;

import static cn.huiqi.common.SqlValues.instant;
import static cn.huiqi.common.SqlValues.nullableLong;
import static cn.huiqi.common.SqlValues.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Table sms_log (V19): a row per SMS, inserted in the step's transaction; its outcome is written after it committed. */
@Component
class SmsLogRepository {

    private final NamedParameterJdbcTemplate jdbc;

    SmsLogRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new entry; its id is set from the insert. */
    SmsLogEntry save(SmsLogEntry entry) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("INSERT INTO sms_log (message_id, enterprise_id, phone_masked, content, provider, status, detail, created_at, sent_at) "
                        + "VALUES (:messageId, :enterpriseId, :phoneMasked, :content, :provider, :status, :detail, :createdAt, :sentAt)",
                new MapSqlParameterSource()
                        .addValue("messageId", entry.getMessageId())
                        .addValue("enterpriseId", entry.getEnterpriseId())
                        .addValue("phoneMasked", entry.getPhoneMasked())
                        .addValue("content", entry.getContent())
                        .addValue("provider", entry.getProvider())
                        .addValue("status", entry.getStatus().name())
                        .addValue("detail", entry.getDetail())
                        .addValue("createdAt", timestamp(entry.getCreatedAt()))
                        .addValue("sentAt", timestamp(entry.getSentAt())),
                key, new String[] {"id"});
        entry.setId(key.getKey().longValue());
        return entry;
    }

    /** The gateway took the SMS. */
    void sent(long id, Instant at) {
        jdbc.update("UPDATE sms_log SET status = 'SENT', sent_at = :at WHERE id = :id", Map.of("at", timestamp(at), "id", id));
    }

    /** The gateway refused it, for this reason. */
    void failed(long id, String why) {
        jdbc.update("UPDATE sms_log SET status = 'FAILED', detail = :detail WHERE id = :id",
                new MapSqlParameterSource("detail", SmsLogEntry.failureDetail(why)).addValue("id", id));
    }

    List<SmsLogEntry> findByMessageIdIn(List<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT id, message_id, enterprise_id, phone_masked, content, provider, status, detail, created_at, sent_at "
                + "FROM sms_log WHERE message_id IN (:ids) ORDER BY id", Map.of("ids", messageIds), SmsLogRepository::row);
    }

    private static SmsLogEntry row(ResultSet rs, int n) throws SQLException {
        return new SmsLogEntry(rs.getLong("id"), nullableLong(rs, "message_id"), nullableLong(rs, "enterprise_id"),
                rs.getString("phone_masked"), rs.getString("content"), rs.getString("provider"),
                SmsLogEntry.Status.valueOf(rs.getString("status")), rs.getString("detail"), instant(rs, "created_at"),
                instant(rs, "sent_at"));
    }
}
