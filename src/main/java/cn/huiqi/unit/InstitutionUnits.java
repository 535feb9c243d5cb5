package cn.huiqi.unit;

import java.util.Collection;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether any of a caller's groups is a financial institution (measure 8), asked on every /engine-rest request: one
 * indexed statement, without an entity or a transaction of its own (docs/performance.md "Task lists").
 */
@Component
public class InstitutionUnits {

    private final NamedParameterJdbcTemplate jdbc;

    InstitutionUnits(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean anyOf(Collection<String> groupIds) {
        if (groupIds.isEmpty()) {
            return false;
        }
        return !jdbc.queryForList("SELECT 1 FROM unit WHERE id IN (:ids) AND kind = :kind LIMIT 1",
                new MapSqlParameterSource("ids", groupIds).addValue("kind", Unit.Kind.INSTITUTION.name()), Integer.class).isEmpty();
    }
}
