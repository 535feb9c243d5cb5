package cn.huiqi.inbox;

import static cn.huiqi.common.SqlValues.timestamp;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Table inbox_read (V19): a row per (message, user) once read; never changed or removed. */
@Component
class InboxReadRepository {

    private static final String INSERT = "INSERT INTO inbox_read (message_id, user_id, read_at) VALUES (?, ?, ?)";

    private final JdbcTemplate jdbc;

    InboxReadRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One read mark; false (nothing written) when the user had read the message already. */
    boolean insert(InboxRead read) {
        try {
            jdbc.update(INSERT, read.getMessageId(), read.getUserId(), timestamp(read.getReadAt()));
            return true;
        } catch (DuplicateKeyException already) {
            return false;
        }
    }

    /** Read marks of messages the user had not read (a mark that exists already fails the batch: DuplicateKeyException). */
    void insertAll(List<InboxRead> reads) {
        if (reads.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(INSERT, reads.stream().map(r -> new Object[] {r.getMessageId(), r.getUserId(), timestamp(r.getReadAt())})
                .toList());
    }
}
