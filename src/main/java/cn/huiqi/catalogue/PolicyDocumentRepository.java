package cn.huiqi.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table policy_document (V10), read only. */
@Repository
class PolicyDocumentRepository {

    private static final String COLUMNS = "id, doc_number, title_zh, title_en, issuer_zh, issuer_en, issued_on, valid_until, fund_total, "
            + "fund_clause";

    private final JdbcTemplate jdbc;

    PolicyDocumentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean existsById(String id) {
        return !jdbc.queryForList("SELECT 1 FROM policy_document WHERE id = ?", Integer.class, id).isEmpty();
    }

    Optional<PolicyDocument> findById(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM policy_document WHERE id = ?", PolicyDocumentRepository::row, id).stream()
                .findFirst();
    }

    /** By id. */
    List<PolicyDocument> findAll() {
        return jdbc.query("SELECT " + COLUMNS + " FROM policy_document ORDER BY id", PolicyDocumentRepository::row);
    }

    private static PolicyDocument row(ResultSet rs, int rowNum) throws SQLException {
        return new PolicyDocument(rs.getString("id"), rs.getString("doc_number"), rs.getString("title_zh"), rs.getString("title_en"),
                rs.getString("issuer_zh"), rs.getString("issuer_en"), rs.getObject("issued_on", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class), rs.getBigDecimal("fund_total"), rs.getString("fund_clause"));
    }
}
