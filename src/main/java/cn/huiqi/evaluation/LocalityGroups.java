package cn.huiqi.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.unit.Unit;
import cn.huiqi.unit.UnitRepository;

/**
 * Which group each locality is ranked in (table evaluation_locality_group, V35: the system's labelled default, staff
 * change it there), and the localities as the ranking needs them (name, sort order for the last tie-break).
 */
@Component
public class LocalityGroups {

    private final JdbcTemplate jdbc;
    private final UnitRepository units;

    LocalityGroups(JdbcTemplate jdbc, UnitRepository units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    /** unit id → group, in the units' sort order. */
    @Transactional(readOnly = true)
    public Map<String, EvaluationGroup> current() {
        Map<String, EvaluationGroup> groups = new LinkedHashMap<>();
        jdbc.query("SELECT g.unit_id, g.group_code FROM evaluation_locality_group g JOIN unit u ON u.id = g.unit_id ORDER BY u.sort_order",
                row -> {
                    groups.put(row.getString(1), EvaluationGroup.valueOf(row.getString(2)));
                });
        return groups;
    }

    /** A locality with its figures, named and ordered as table unit says. */
    @Transactional(readOnly = true)
    public RankingApi.Locality locality(String unitId, Map<String, java.math.BigDecimal> figures) {
        Unit unit = units.findById(unitId).filter(Unit::isLocality).orElseThrow(() -> new cn.huiqi.common.InvalidInputException(
                "unitId", unitId + "不是属地单位", unitId + " is not a locality"));
        return new RankingApi.Locality(unit.getId(), unit.getNameZh(), unit.getSortOrder(), figures);
    }

    /** The locality units (the 13 of V2), in sort order. */
    @Transactional(readOnly = true)
    public List<Unit> localities() {
        return units.findAll().stream().filter(Unit::isLocality).sorted(java.util.Comparator.comparingInt(Unit::getSortOrder)).toList();
    }
}
