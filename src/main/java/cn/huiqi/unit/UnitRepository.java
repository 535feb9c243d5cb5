package cn.huiqi.unit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import cn.huiqi.common.TransactionRows;

/**
 * Table unit (V1, flags V43). Its id is assigned (it is also the group id): a new unit is inserted, a changed one updated.
 * Within a transaction every read of a unit by id answers the same object ({@link TransactionRows}); what this repository
 * writes it holds from then on.
 */
@Repository
public class UnitRepository {

    private static final String COLUMNS = "id, name_zh, name_en, kind, division_code, sort_order, handling, liaison, active, "
            + "labelled_default, maintained";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionRows<Unit> rows = new TransactionRows<>();

    UnitRepository(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    public Optional<Unit> findById(String id) {
        Unit held = id == null ? null : rows.get(id);
        if (held != null) {
            return Optional.of(held);
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM unit WHERE id = ?", UnitRepository::row, id).stream().findFirst().map(this::held);
    }

    /** The units of these ids by id (ids of no unit are left out): those the transaction holds, the others read by one statement. */
    public Map<String, Unit> findByIds(Collection<String> ids) {
        Map<String, Unit> found = new HashMap<>();
        Set<String> unread = new LinkedHashSet<>();
        for (String id : ids) {
            Unit held = id == null ? null : rows.get(id);
            if (held != null) {
                found.put(id, held);
            } else if (id != null) {
                unread.add(id);
            }
        }
        if (!unread.isEmpty()) {
            findAllById(unread).forEach(unit -> found.put(unit.getId(), unit));
        }
        return found;
    }

    public boolean existsById(String id) {
        return !jdbc.queryForList("SELECT 1 FROM unit WHERE id = ?", Integer.class, id).isEmpty();
    }

    /** Every unit, financial institutions included. */
    public List<Unit> findAll() {
        return jdbc.query("SELECT " + COLUMNS + " FROM unit ORDER BY id", UnitRepository::row);
    }

    /** The units among these ids (e.g. a caller's groups); ids of no unit are skipped. */
    public List<Unit> findAllById(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return named.query("SELECT " + COLUMNS + " FROM unit WHERE id IN (:ids) ORDER BY id", Map.of("ids", ids), UnitRepository::row)
                .stream().map(this::held).toList();
    }

    /** The localities and city units (handling units among them), in the policy's order: never a financial institution. */
    public List<Unit> findAllByOrderBySortOrder() {
        return jdbc.query("SELECT " + COLUMNS + " FROM unit WHERE kind <> ? ORDER BY sort_order, id", UnitRepository::row,
                Unit.Kind.INSTITUTION.name());
    }

    public List<Unit> findByKindOrderBySortOrder(Unit.Kind kind) {
        return jdbc.query("SELECT " + COLUMNS + " FROM unit WHERE kind = ? ORDER BY sort_order, id", UnitRepository::row, kind.name());
    }

    /** A new unit; an id taken meanwhile fails with DuplicateKeyException (never written over the existing row). */
    void insert(Unit unit) {
        jdbc.update("INSERT INTO unit (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", unit.getId(), unit.getNameZh(),
                unit.getNameEn(), unit.getKind().name(), unit.getDivisionCode(), unit.getSortOrder(), unit.isHandling(), unit.isLiaison(),
                unit.isActive(), unit.isLabelledDefault(), unit.isMaintained());
        rows.put(unit.getId(), unit);
    }

    /** What an administrator may change of a unit: its names and its active and liaison flags. */
    void update(Unit unit) {
        jdbc.update("UPDATE unit SET name_zh = ?, name_en = ?, active = ?, liaison = ? WHERE id = ?", unit.getNameZh(), unit.getNameEn(),
                unit.isActive(), unit.isLiaison(), unit.getId());
        rows.put(unit.getId(), unit);
    }

    /** The transaction's object for this row: the one read or written before if any, else this one from now on. */
    private Unit held(Unit read) {
        return rows.keep(read.getId(), read);
    }

    private static Unit row(ResultSet rs, int rowNum) throws SQLException {
        return Unit.of(rs.getString("id"), rs.getString("name_zh"), rs.getString("name_en"), Unit.Kind.valueOf(rs.getString("kind")),
                rs.getString("division_code"), rs.getInt("sort_order"), rs.getBoolean("handling"), rs.getBoolean("liaison"),
                rs.getBoolean("active"), rs.getBoolean("labelled_default"), rs.getBoolean("maintained"));
    }
}
