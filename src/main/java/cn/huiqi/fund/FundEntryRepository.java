package cn.huiqi.fund;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Table fund_entry. Append-only: saving and reading, no update, no delete. */
@Repository
class FundEntryRepository {

    private static final String SELECT = "SELECT id, pool_id, case_id, kind, amount, released_from, actor, occurred_at, note, "
            + "payment_reference, payment_date FROM fund_entry";
    private static final String SUMS_BY_LOCALITY = "SELECT c.locality_unit_id, e.kind, e.released_from, SUM(e.amount) FROM fund_entry e"
            + " JOIN case_record c ON c.id = e.case_id";
    private static final String CASES_BY_LOCALITY = "SELECT c.locality_unit_id, COUNT(DISTINCT e.case_id) FROM fund_entry e"
            + " JOIN case_record c ON c.id = e.case_id";

    private final JdbcTemplate jdbc;

    FundEntryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the entry and sets its id; answers the same object. */
    FundEntry save(FundEntry entry) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("INSERT INTO fund_entry (pool_id, case_id, kind, amount, released_from, actor, "
                    + "occurred_at, note, payment_reference, payment_date, paid_case_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            insert.setString(1, entry.getPoolId());
            insert.setLong(2, entry.getCaseId());
            insert.setString(3, entry.getKind().name());
            insert.setBigDecimal(4, entry.getAmount());
            insert.setString(5, entry.getReleasedFrom() == null ? null : entry.getReleasedFrom().name());
            insert.setString(6, entry.getActor());
            insert.setTimestamp(7, Timestamp.from(entry.getOccurredAt()));
            insert.setString(8, entry.getNote());
            insert.setString(9, entry.getPaymentReference());
            insert.setDate(10, entry.getPaymentDate() == null ? null : Date.valueOf(entry.getPaymentDate()));
            insert.setObject(11, entry.paidCaseId());
            return insert;
        }, key);
        entry.inserted(key.getKey().longValue());
        return entry;
    }

    List<FundEntry> findByCaseIdOrderByIdAsc(long caseId) {
        return jdbc.query(SELECT + " WHERE case_id = ? ORDER BY id", FundEntryRepository::row, caseId);
    }

    /** Sums per pool, kind and release source: [poolId, kind, releasedFrom, sum]. */
    List<Object[]> totalsByPool() {
        return jdbc.query("SELECT pool_id, kind, released_from, SUM(amount) FROM fund_entry GROUP BY pool_id, kind, released_from",
                FundEntryRepository::sum);
    }

    /** Sums per locality of the case, kind and release source: [localityUnitId, kind, releasedFrom, sum]. */
    List<Object[]> totalsByLocality() {
        return jdbc.query(SUMS_BY_LOCALITY + " GROUP BY c.locality_unit_id, e.kind, e.released_from", FundEntryRepository::sum);
    }

    List<Object[]> totalsByLocality(String poolId) {
        return jdbc.query(SUMS_BY_LOCALITY + " WHERE e.pool_id = ? GROUP BY c.locality_unit_id, e.kind, e.released_from",
                FundEntryRepository::sum, poolId);
    }

    /** [localityUnitId, number of cases with at least one entry]. */
    List<Object[]> casesByLocality() {
        return jdbc.query(CASES_BY_LOCALITY + " GROUP BY c.locality_unit_id", FundEntryRepository::count);
    }

    List<Object[]> casesByLocality(String poolId) {
        return jdbc.query(CASES_BY_LOCALITY + " WHERE e.pool_id = ? GROUP BY c.locality_unit_id", FundEntryRepository::count, poolId);
    }

    private static Object[] sum(ResultSet rs, int rowNum) throws SQLException {
        String from = rs.getString(3);
        return new Object[] {rs.getString(1), FundEntry.Kind.valueOf(rs.getString(2)), from == null ? null : FundEntry.Source.valueOf(from),
                rs.getBigDecimal(4)};
    }

    private static Object[] count(ResultSet rs, int rowNum) throws SQLException {
        return new Object[] {rs.getString(1), rs.getLong(2)};
    }

    private static FundEntry row(ResultSet rs, int rowNum) throws SQLException {
        String from = rs.getString("released_from");
        return new FundEntry(rs.getLong("id"), rs.getString("pool_id"), rs.getLong("case_id"), FundEntry.Kind.valueOf(rs.getString("kind")),
                rs.getBigDecimal("amount"), from == null ? null : FundEntry.Source.valueOf(from), rs.getString("actor"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("note"), rs.getString("payment_reference"),
                rs.getObject("payment_date", LocalDate.class));
    }
}
