package cn.huiqi.enterprise;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.huiqi.common.TransactionRows;

/**
 * Table enterprise (V1, bank columns V5). Within a transaction every read of an enterprise by id (or by its own account)
 * answers the same object ({@link TransactionRows}): the case's steps that name its applicant read the row once.
 */
@Repository
public class EnterpriseRepository {

    static final String COLUMNS = "id, uscc, name, locality_unit_id, contact_name, contact_phone, uscc_override_reason, created_at, "
            + "bank_name, bank_account";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionRows<Enterprise> rows = new TransactionRows<>();

    EnterpriseRepository(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    public Optional<Enterprise> findById(Long id) {
        Enterprise held = id == null ? null : rows.get(id);
        if (held != null) {
            return Optional.of(held);
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM enterprise WHERE id = ?", EnterpriseRepository::row, id).stream().findFirst()
                .map(this::held);
    }

    /** The enterprise this login is bound to as one of its own accounts (enterprise_user), if any: one statement. */
    Optional<Enterprise> findByOwnAccount(String userId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM enterprise WHERE id = (SELECT enterprise_id FROM enterprise_user WHERE user_id = ?)",
                EnterpriseRepository::row, userId).stream().findFirst().map(this::held);
    }

    public List<Enterprise> findAllById(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return named.query("SELECT " + COLUMNS + " FROM enterprise WHERE id IN (:ids) ORDER BY id", Map.of("ids", ids),
                EnterpriseRepository::row);
    }

    public Optional<Enterprise> findByUscc(String uscc) {
        return jdbc.query("SELECT " + COLUMNS + " FROM enterprise WHERE uscc = ?", EnterpriseRepository::row, uscc).stream().findFirst();
    }

    public List<Enterprise> findByLocalityUnitIdOrderByName(String localityUnitId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM enterprise WHERE locality_unit_id = ? ORDER BY name, id", EnterpriseRepository::row,
                localityUnitId);
    }

    public List<Enterprise> findAllByOrderByName() {
        return jdbc.query("SELECT " + COLUMNS + " FROM enterprise ORDER BY name, id", EnterpriseRepository::row);
    }

    public List<Enterprise> findAll() {
        return jdbc.query("SELECT " + COLUMNS + " FROM enterprise ORDER BY id", EnterpriseRepository::row);
    }

    /** Registers a new enterprise (an enterprise is never updated); answers it with its id. */
    public Enterprise save(Enterprise enterprise) {
        if (enterprise.getId() != null) {
            throw new IllegalArgumentException("enterprise " + enterprise.getId() + " is registered already: it has no update");
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("INSERT INTO enterprise (uscc, name, locality_unit_id, contact_name, contact_phone, "
                    + "uscc_override_reason, created_at, bank_name, bank_account) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setString(1, enterprise.getUscc());
            insert.setString(2, enterprise.getName());
            insert.setString(3, enterprise.getLocalityUnitId());
            insert.setString(4, enterprise.getContactName());
            insert.setString(5, enterprise.getContactPhone());
            insert.setString(6, enterprise.getUsccOverrideReason());
            insert.setTimestamp(7, Timestamp.from(enterprise.getCreatedAt()));
            insert.setString(8, enterprise.getBankName());
            insert.setString(9, enterprise.getBankAccount());
            return insert;
        }, key);
        enterprise.stored(key.getKey().longValue());
        rows.put(enterprise.getId(), enterprise);
        return enterprise;
    }

    /** The transaction's object for this row: the one read before if any (an enterprise row never changes once written). */
    private Enterprise held(Enterprise read) {
        return rows.keep(read.getId(), read);
    }

    static Enterprise row(ResultSet rs, int rowNum) throws SQLException {
        return Enterprise.of(rs.getLong("id"), rs.getString("uscc"), rs.getString("name"), rs.getString("locality_unit_id"),
                rs.getString("contact_name"), rs.getString("contact_phone"), rs.getString("uscc_override_reason"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("bank_name"), rs.getString("bank_account"));
    }
}
