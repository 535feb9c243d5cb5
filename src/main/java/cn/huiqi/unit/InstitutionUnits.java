package cn.huiqi.unit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether any of a caller's groups is a financial institution (measure 8), asked on every /engine-rest request. A unit's
 * kind is fixed when the unit is created (nothing changes or deletes a unit's row but its names and flags), so each node
 * remembers the kind of every unit it has seen and asks the database only for group ids it has not seen as units: a
 * group that is no unit yet may become one (an institution registered later, on any node), so it is asked every time.
 */
@Component
public class InstitutionUnits {

    private final NamedParameterJdbcTemplate jdbc;
    /** Unit id → whether it is an institution, for units seen so far. */
    private final Map<String, Boolean> institutionByUnit = new ConcurrentHashMap<>();

    InstitutionUnits(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean anyOf(Collection<String> groupIds) {
        List<String> unseen = new ArrayList<>();
        for (String id : groupIds) {
            Boolean institution = institutionByUnit.get(id);
            if (Boolean.TRUE.equals(institution)) {
                return true;
            }
            if (institution == null) {
                unseen.add(id);
            }
        }
        if (unseen.isEmpty()) {
            return false;
        }
        boolean any = false;
        for (Map<String, Object> unit : jdbc.queryForList("SELECT id, kind FROM unit WHERE id IN (:ids)",
                new MapSqlParameterSource("ids", unseen))) {
            boolean institution = Unit.Kind.INSTITUTION.name().equals(unit.get("kind"));
            institutionByUnit.put((String) unit.get("id"), institution);
            any |= institution;
        }
        return any;
    }
}
