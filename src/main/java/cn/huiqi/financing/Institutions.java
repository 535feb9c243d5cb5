package cn.huiqi.financing;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import cn.huiqi.identity.Caller;

/**
 * The register of financial institutions (table financial_institution with its unit). An institution counts as
 * active only while both its row and its unit are active: retiring it shuts its staff out at once.
 */
@Component
public class Institutions {

    private static final String SELECT = "SELECT u.id, u.name_zh, u.name_en, f.kind, (f.active AND u.active) AS active, f.demo"
            + " FROM financial_institution f JOIN unit u ON u.id = f.unit_id";
    private static final RowMapper<Institution> ROW = (rs, i) -> new Institution(rs.getString(1), rs.getString(2), rs.getString(3),
            InstitutionKind.valueOf(rs.getString(4)), rs.getBoolean(5), rs.getBoolean(6));

    private final JdbcTemplate jdbc;

    Institutions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The one active institution whose group the caller is in; empty for everyone else, and for a caller in the
     * groups of two institutions (whose staff would it be? it acts for neither).
     */
    public Optional<Institution> of(Caller caller) {
        if (caller == null || caller.groupIds().isEmpty()) {
            return Optional.empty();
        }
        List<Institution> mine = active().stream().filter(i -> caller.isIn(i.unitId())).toList();
        return mine.size() == 1 ? Optional.of(mine.get(0)) : Optional.empty();
    }

    /** Any institution, active or retired. */
    public Optional<Institution> find(String unitId) {
        if (unitId == null) {
            return Optional.empty();
        }
        return jdbc.query(SELECT + " WHERE u.id = ?", ROW, unitId).stream().findFirst();
    }

    /** The active institutions, in the order they were added. */
    public List<Institution> active() {
        return jdbc.query(SELECT + " WHERE f.active AND u.active ORDER BY u.sort_order, u.id", ROW);
    }

    /** All institutions, retired ones included, in the order they were added. */
    public List<Institution> all() {
        return jdbc.query(SELECT + " ORDER BY u.sort_order, u.id", ROW);
    }
}
