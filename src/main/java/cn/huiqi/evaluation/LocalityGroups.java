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
 * Which group each locality is ranked in (table evaluation_locality_group, V35: the system's labelled default, gxj
 * changes it through {@link LocalityGroupSettings}; each round records the grouping it was opened with, V41), and the
 * localities as the ranking needs them (name, sort order for the last tie-break).
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

    /**
     * The grouping a round is ranked by: the one recorded on the round when it was opened (table evaluation_round_group,
     * V41), so a later change of the default grouping never re-ranks it. A round without one (the demo round inserted by
     * SQL after V41 ran) is ranked by today's grouping until it is recorded ({@link #pin}) when it is first scored.
     */
    @Transactional(readOnly = true)
    public Map<String, EvaluationGroup> ofRound(long roundId) {
        Map<String, EvaluationGroup> groups = pinned(roundId);
        return groups.isEmpty() ? current() : groups;
    }

    Map<String, EvaluationGroup> pinned(long roundId) {
        Map<String, EvaluationGroup> groups = new LinkedHashMap<>();
        jdbc.query("SELECT g.unit_id, g.group_code FROM evaluation_round_group g JOIN unit u ON u.id = g.unit_id WHERE g.round_id = ?"
                + " ORDER BY u.sort_order", row -> {
                    groups.put(row.getString(1), EvaluationGroup.valueOf(row.getString(2)));
                }, roundId);
        return groups;
    }

    /** Records today's grouping on the round (once; a round that has one keeps it). Answers the round's grouping. */
    Map<String, EvaluationGroup> pin(long roundId) {
        Map<String, EvaluationGroup> pinned = pinned(roundId);
        if (!pinned.isEmpty()) {
            return pinned;
        }
        Map<String, EvaluationGroup> today = current();
        today.forEach((unit, group) -> jdbc.update("INSERT INTO evaluation_round_group (round_id, unit_id, group_code) VALUES (?,?,?)",
                roundId, unit, group.name()));
        return today;
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
