package cn.huiqi.unit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.common.ConflictException;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.NotFoundException;

/**
 * The unit rows of the handling units administrators maintain: add one, rename it, retire it (inactive) or change its
 * liaison flag. Checks the input (bilingual 400 for every bad field, 409 for an id that exists) and writes each change to
 * unit_change (who, when, old, new). Who may call it, and the unit's group, are the caller's business
 * ({@code identity.UnitGroups}).
 */
@Service
public class UnitAdministration {

    public static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,30}");

    private final UnitRepository units;
    private final JdbcTemplate jdbc;

    UnitAdministration(UnitRepository units, JdbcTemplate jdbc) {
        this.units = units;
        this.jdbc = jdbc;
    }

    /** Checks a new unit's fields; answers its id (the caller checks its group before {@link #add}). */
    public String checkNew(UnitApi.NewUnit request) {
        FieldChecks checks = new FieldChecks();
        String id = checkFields(checks, request);
        checks.throwIfAny();
        if (units.existsById(id)) {
            throw new ConflictException("id", "单位 " + id + " 已存在", "Unit " + id + " exists already");
        }
        return id;
    }

    /**
     * Adds the problems of a new unit's fields to {@code checks}, for a caller that answers them together with its own
     * fields (an institution's kind and contact); answers the id, or null when it is not one.
     */
    public String checkFields(FieldChecks checks, UnitApi.NewUnit request) {
        UnitApi.NewUnit r = request == null ? new UnitApi.NewUnit(null, null, null, null) : request;
        String id = id(checks, r.id());
        name(checks, "nameZh", r.nameZh(), "中文名称", "Chinese name", 64);
        name(checks, "nameEn", r.nameEn(), "英文名称", "English name", 128);
        flag(checks, "liaison", r.liaison(), "是否联络单位", "liaison", false);
        return id;
    }

    /** Adds the problems of a unit's changed names (null: unchanged) to {@code checks}. */
    public void checkNames(FieldChecks checks, Object nameZh, Object nameEn) {
        if (nameZh != null) {
            name(checks, "nameZh", nameZh, "中文名称", "Chinese name", 64);
        }
        if (nameEn != null) {
            name(checks, "nameEn", nameEn, "英文名称", "English name", 128);
        }
    }

    @Transactional
    public Unit add(UnitApi.NewUnit request, String actor, Instant at) {
        return add(request, actor, at, false);
    }

    /**
     * A financial institution's unit (measure 8; the financing module keeps its kind and contact): never listed,
     * routed or chosen with the other units. {@code request.liaison()} is ignored.
     */
    @Transactional
    public Unit addInstitution(UnitApi.NewUnit request, String actor, Instant at) {
        return add(new UnitApi.NewUnit(request.id(), request.nameZh(), request.nameEn(), null), actor, at, true);
    }

    private Unit add(UnitApi.NewUnit request, String actor, Instant at, boolean institution) {
        String id = checkNew(request);
        FieldChecks checks = new FieldChecks();
        String nameZh = name(checks, "nameZh", request.nameZh(), "中文名称", "Chinese name", 64);
        String nameEn = name(checks, "nameEn", request.nameEn(), "英文名称", "English name", 128);
        Boolean liaison = flag(checks, "liaison", request.liaison(), "是否联络单位", "liaison", false);
        int sortOrder = units.findAll().stream().mapToInt(Unit::getSortOrder).max().orElse(0) + 1;
        Unit unit = institution ? Unit.institution(id, nameZh, nameEn, sortOrder)
                : Unit.handlingUnit(id, nameZh, nameEn, Boolean.TRUE.equals(liaison), sortOrder);
        try {
            units.insert(unit);
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("id", "单位 " + id + " 已存在", "Unit " + id + " exists already");
        }
        audit(id, "ADDED", null, describe(unit), actor, at);
        return unit;
    }

    /** Applies a change to a handling unit administrators maintain; answers the unit and whether anything changed. */
    @Transactional
    public Changed update(String id, UnitApi.UnitChange request, String actor, Instant at) {
        return update(id, request, actor, at, false);
    }

    /** Renames or retires a financial institution's unit (measure 8); its liaison flag stays false. */
    @Transactional
    public Changed updateInstitution(String id, UnitApi.UnitChange request, String actor, Instant at) {
        UnitApi.UnitChange r = request == null ? new UnitApi.UnitChange(null, null, null, null) : request;
        return update(id, new UnitApi.UnitChange(r.nameZh(), r.nameEn(), r.active(), null), actor, at, true);
    }

    private Changed update(String id, UnitApi.UnitChange request, String actor, Instant at, boolean institution) {
        UnitApi.UnitChange r = request == null ? new UnitApi.UnitChange(null, null, null, null) : request;
        FieldChecks checks = new FieldChecks();
        if (r.nameZh() == null && r.nameEn() == null && r.active() == null && r.liaison() == null) {
            checks.add("body", "请至少给出一项修改：nameZh、nameEn、active 或 liaison", "Give at least one change: nameZh, nameEn, active or liaison");
        }
        String newNameZh = r.nameZh() == null ? null : name(checks, "nameZh", r.nameZh(), "中文名称", "Chinese name", 64);
        String newNameEn = r.nameEn() == null ? null : name(checks, "nameEn", r.nameEn(), "英文名称", "English name", 128);
        Boolean active = flag(checks, "active", r.active(), "是否启用", "active", true);
        Boolean liaison = flag(checks, "liaison", r.liaison(), "是否联络单位", "liaison", true);
        checks.throwIfAny(); // the body first, as every endpoint answers it, then whether the unit exists
        Unit unit = find(id);
        String nameZh = newNameZh == null ? unit.getNameZh() : newNameZh;
        String nameEn = newNameEn == null ? unit.getNameEn() : newNameEn;
        if (unit.isInstitution() != institution) {
            throw institution
                    ? new NotFoundException("id", "金融机构 " + id + " 不存在", "Financial institution " + id + " does not exist")
                    : new ConflictException("id", "单位 " + id + " 是金融机构，在金融机构管理（/api/financing/institutions）中维护",
                            "Unit " + id + " is a financial institution, maintained in the institutions' administration (/api/financing/institutions)");
        }
        if (!unit.isMaintained()) {
            throw new ConflictException("id", "单位 " + id + " 是政策确定的单位（属地单位或措施的责任单位），不在此维护；这里只能修改管理员维护的办理单位",
                    "Unit " + id + " is one of the policy's units (a locality or a measure's responsible unit) and is not maintained here;"
                            + " only the handling units administrators maintain can be changed");
        }
        String before = describe(unit);
        boolean renamed = !Objects.equals(nameZh, unit.getNameZh()) || !Objects.equals(nameEn, unit.getNameEn());
        unit.rename(nameZh, nameEn);
        if (active != null) {
            unit.setActive(active);
        }
        if (liaison != null) {
            unit.setLiaison(liaison);
        }
        String after = describe(unit);
        if (!before.equals(after)) {
            units.update(unit);
            audit(id, "CHANGED", before, after, actor, at);
        }
        return new Changed(unit, !before.equals(after), renamed);
    }

    /** The unit after a change; {@code changed}: anything at all; {@code renamed}: its names. */
    public record Changed(Unit unit, boolean changed, boolean renamed) {
    }

    public Unit find(String id) {
        return (id == null ? java.util.Optional.<Unit>empty() : units.findById(id))
                .orElseThrow(() -> new NotFoundException("id", "单位 " + id + " 不存在", "Unit " + id + " does not exist"));
    }

    @Transactional(readOnly = true)
    public List<UnitApi.ChangeView> changes() {
        return jdbc.query("SELECT unit_id, change_kind, old_value, new_value, changed_by, changed_at FROM unit_change ORDER BY id DESC",
                (rs, i) -> new UnitApi.ChangeView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant()));
    }

    private static String id(FieldChecks checks, Object raw) {
        if (!(raw instanceof String text) || !ID.matcher(text).matches()) {
            checks.add("id", "单位标识须以小写字母开头，由2至31个小写字母、数字或连字符组成（也是组标识），例如 rsj",
                    "The unit id must start with a lower-case letter and have 2 to 31 lower-case letters, digits or hyphens (it is also"
                            + " the group id), e.g. rsj");
            return null;
        }
        return text;
    }

    /** A required one-line name (a unit's name is also its group's name and a column of every list). */
    private static String name(FieldChecks checks, String field, Object raw, String labelZh, String labelEn, int maxLength) {
        if (raw != null && !(raw instanceof String)) {
            checks.add(field, labelZh + "须为文字", labelEn + " must be text");
            return null;
        }
        String text = checks.requiredText(field, raw, labelZh, labelEn, maxLength);
        if (text != null && text.chars().anyMatch(c -> c == '\n' || c == '\r' || c == '\t')) {
            checks.add(field, labelZh + "须为一行文字（不能含换行或制表符）", labelEn + " must be one line (no line breaks or tabs)");
            return null;
        }
        return text;
    }

    /** A JSON boolean, or null when absent and {@code optional}. */
    private static Boolean flag(FieldChecks checks, String field, Object raw, String labelZh, String labelEn, boolean optional) {
        if (raw == null && optional) {
            return null;
        }
        if (raw == null) {
            return false;
        }
        if (raw instanceof Boolean b) {
            return b;
        }
        checks.add(field, labelZh + "须为 true 或 false", labelEn + " must be true or false");
        return null;
    }

    private static String describe(Unit unit) {
        return unit.getNameZh() + " / " + unit.getNameEn() + (unit.isInstitution() ? " [金融机构 institution]" : "") + (unit.isLiaison() ? " [联络单位 liaison]" : "")
                + (unit.isActive() ? "" : " [已停用 inactive]");
    }

    /** One line of unit_change for what another module keeps about a unit (e.g. an institution's kind and contact). */
    @Transactional
    public void recordChange(String id, String kind, String before, String after, String actor, Instant at) {
        audit(id, kind, before, after, actor, at);
    }

    private void audit(String id, String kind, String before, String after, String actor, Instant at) {
        jdbc.update("INSERT INTO unit_change (unit_id, change_kind, old_value, new_value, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?)",
                id, kind, before, after, actor, Timestamp.from(at));
    }
}
