package cn.huiqi.financing;

import static cn.huiqi.common.SqlValues.instant;
import static cn.huiqi.common.SqlValues.timestamp;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Table financing_read_log (V47): every read of a demand by an institution's user, only ever added to. */
@Repository
class ReadLogRepository {

    private final JdbcTemplate jdbc;

    ReadLogRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ReadLog read) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("INSERT INTO financing_read_log (case_id, institution, user_id, what, read_at)"
                    + " VALUES (?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setLong(1, read.getCaseId());
            insert.setString(2, read.getInstitution());
            insert.setString(3, read.getUserId());
            insert.setString(4, read.getWhat());
            insert.setTimestamp(5, timestamp(read.getReadAt()));
            return insert;
        }, key);
        read.inserted(key.getKey().longValue());
    }

    /** The demand's reads, newest first. */
    List<ReadLog> findByCaseIdOrderByReadAtDescIdDesc(long caseId) {
        return jdbc.query("SELECT id, case_id, institution, user_id, what, read_at FROM financing_read_log WHERE case_id = ?"
                + " ORDER BY read_at DESC, id DESC", (rs, n) -> new ReadLog(rs.getLong("id"), rs.getLong("case_id"), rs.getString("institution"),
                rs.getString("user_id"), rs.getString("what"), instant(rs, "read_at")), caseId);
    }
}
