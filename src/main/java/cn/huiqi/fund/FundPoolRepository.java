package cn.huiqi.fund;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import cn.huiqi.common.TransactionRows;

/**
 * Table fund_pool. Reading pool rows is anyone's in this package; locking and changing them is {@link FundLedger}'s
 * (balances) and {@link FundPoolSetup}'s (caps, new rows).
 */
@Repository
class FundPoolRepository {

    private static final String SELECT = "SELECT id, name_zh, name_en, cap, reserved, committed, paid, sort_order, updated_at FROM fund_pool";

    private final JdbcTemplate jdbc;
    /** The rows the current transaction has locked. */
    private final TransactionRows<FundPool> locks = new TransactionRows<>();

    FundPoolRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<FundPool> findAllByOrderBySortOrderAsc() {
        return jdbc.query(SELECT + " ORDER BY sort_order, id", FundPoolRepository::row);
    }

    /**
     * The row, locked until the transaction ends ({@code SELECT … FOR UPDATE}): the latest committed figures. A row
     * this transaction has locked already is answered as the transaction holds it, without a statement: nobody else
     * can have changed it meanwhile, and this transaction changes it through that object.
     */
    Optional<FundPool> lock(String id) {
        FundPool locked = locks.get(id);
        if (locked != null) {
            return Optional.of(locked);
        }
        return jdbc.query(SELECT + " WHERE id = ? FOR UPDATE", FundPoolRepository::row, id).stream().findFirst()
                .map(pool -> locks.keep(id, pool));
    }

    void insert(FundPool pool) {
        jdbc.update("INSERT INTO fund_pool (id, name_zh, name_en, cap, reserved, committed, paid, sort_order, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", pool.getId(), pool.getNameZh(), pool.getNameEn(), pool.getCap(),
                pool.getReserved(), pool.getCommitted(), pool.getPaid(), pool.getSortOrder(), Timestamp.from(pool.getUpdatedAt()));
    }

    /** The running balances of a row the caller has locked. */
    void updateBalances(FundPool pool) {
        jdbc.update("UPDATE fund_pool SET reserved = ?, committed = ?, paid = ?, updated_at = ? WHERE id = ?", pool.getReserved(),
                pool.getCommitted(), pool.getPaid(), Timestamp.from(pool.getUpdatedAt()), pool.getId());
    }

    /** The cap of a row the caller has locked. */
    void updateCap(FundPool pool) {
        jdbc.update("UPDATE fund_pool SET cap = ?, updated_at = ? WHERE id = ?", pool.getCap(), Timestamp.from(pool.getUpdatedAt()),
                pool.getId());
    }

    private static FundPool row(ResultSet rs, int rowNum) throws SQLException {
        return new FundPool(rs.getString("id"), rs.getString("name_zh"), rs.getString("name_en"), rs.getBigDecimal("cap"),
                rs.getBigDecimal("reserved"), rs.getBigDecimal("committed"), rs.getBigDecimal("paid"), rs.getInt("sort_order"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
