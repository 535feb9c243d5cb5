package cn.huiqi.enterprise;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table enterprise_user (V1): the login is the key, so a binding is inserted, moved to another enterprise or deleted. */
@Repository
public class EnterpriseUserRepository {

    private final JdbcTemplate jdbc;

    EnterpriseUserRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<EnterpriseUser> findById(String userId) {
        return jdbc.query("SELECT user_id, enterprise_id FROM enterprise_user WHERE user_id = ?",
                (rs, i) -> new EnterpriseUser(rs.getString(1), rs.getLong(2)), userId).stream().findFirst();
    }

    List<EnterpriseUser> findByEnterpriseIdOrderByUserId(Long enterpriseId) {
        return jdbc.query("SELECT user_id, enterprise_id FROM enterprise_user WHERE enterprise_id = ? ORDER BY user_id",
                (rs, i) -> new EnterpriseUser(rs.getString(1), rs.getLong(2)), enterpriseId);
    }

    /** A new binding; a login bound already (e.g. by a concurrent first request) fails with DuplicateKeyException. */
    EnterpriseUser insert(EnterpriseUser binding) {
        jdbc.update("INSERT INTO enterprise_user (user_id, enterprise_id) VALUES (?, ?)", binding.getUserId(), binding.getEnterpriseId());
        return binding;
    }

    /** The login's existing binding now names another enterprise. */
    EnterpriseUser update(EnterpriseUser binding) {
        jdbc.update("UPDATE enterprise_user SET enterprise_id = ? WHERE user_id = ?", binding.getEnterpriseId(), binding.getUserId());
        return binding;
    }

    public void delete(EnterpriseUser binding) {
        jdbc.update("DELETE FROM enterprise_user WHERE user_id = ?", binding.getUserId());
    }
}
