package cn.huiqi.financing;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.NotFoundException;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.CurrentCaller;
import cn.huiqi.identity.Groups;
import cn.huiqi.identity.UnitGroups;
import cn.huiqi.unit.UnitAdministration;
import cn.huiqi.unit.UnitApi;

/**
 * The register of financial institutions: administrators and 市金融办 add, rename, re-classify and retire them. The unit
 * and its group go through the units' administration ({@link UnitGroups}); the kind and contact are kept here; every
 * change is a line of unit_change (who, when, before, after) like V44's unit changes.
 */
@Service
class InstitutionAdministration {

    /** Read the whole register (with contacts): the measure's units, administrators, auditors. */
    private static final String[] READERS = { Groups.CAMUNDA_ADMIN, Groups.FINANCIAL_OFFICE, Groups.LEAD_BUREAU, "zxqyj", "ctjt",
            Groups.POLICY_ADMIN, Groups.AUDITOR };

    record Body(Object id, Object nameZh, Object nameEn, Object kind, Object contactName, Object contactPhone, Object active) {
    }

    /** One institution as the register shows it; {@code contactName}/{@code contactPhone} null for enterprises. */
    record View(String unitId, String nameZh, String nameEn, String kind, String kindZh, String contactName, String contactPhone,
                boolean active, boolean demo) {
    }

    private final UnitGroups unitGroups;
    private final UnitAdministration units;
    private final CurrentCaller currentCaller;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    InstitutionAdministration(UnitGroups unitGroups, UnitAdministration units, CurrentCaller currentCaller, JdbcTemplate jdbc, Clock clock) {
        this.unitGroups = unitGroups;
        this.units = units;
        this.currentCaller = currentCaller;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Officials of the register see all with contacts; enterprises the active ones (to choose whom to share with), no contact. */
    @Transactional(readOnly = true)
    List<View> list() {
        Caller caller = currentCaller.get();
        boolean official = caller.isInAny(READERS);
        if (!official && !caller.isIn(Groups.ENTERPRISE)) {
            throw new AccessDeniedException(caller.userId() + " may not read the register of financial institutions");
        }
        return jdbc.query("SELECT u.id, u.name_zh, u.name_en, f.kind, f.contact_name, f.contact_phone, (f.active AND u.active), f.demo"
                        + " FROM financial_institution f JOIN unit u ON u.id = f.unit_id ORDER BY u.sort_order, u.id",
                (rs, i) -> {
                    InstitutionKind kind = InstitutionKind.valueOf(rs.getString(4));
                    return new View(rs.getString(1), rs.getString(2), rs.getString(3), kind.name(), kind.label().zh(),
                            official ? rs.getString(5) : null, official ? rs.getString(6) : null, rs.getBoolean(7), rs.getBoolean(8));
                }).stream().filter(v -> official || v.active()).toList();
    }

    @Transactional
    View add(Body request) {
        Caller caller = unitGroups.institutionAdministrator();
        Body r = request == null ? new Body(null, null, null, null, null, null, null) : request;
        FieldChecks checks = new FieldChecks();
        units.checkFields(checks, new UnitApi.NewUnit(r.id(), r.nameZh(), r.nameEn(), null));
        InstitutionKind kind = kind(checks, r.kind(), false);
        String contactName = text(checks, "contactName", r.contactName(), "联系人", "Contact name", 64, false);
        String contactPhone = phone(checks, r.contactPhone(), false);
        if (r.active() != null) {
            checks.add("active", "新增的金融机构总是启用的；停用请用修改", "A new institution is always active; retire it with a change");
        }
        checks.throwIfAny();
        var unit = unitGroups.addInstitution(new UnitApi.NewUnit(r.id(), r.nameZh(), r.nameEn(), null));
        jdbc.update("INSERT INTO financial_institution (unit_id, kind, contact_name, contact_phone, active, demo) VALUES (?, ?, ?, ?, TRUE, FALSE)",
                unit.getId(), kind.name(), contactName, contactPhone);
        units.recordChange(unit.getId(), "INSTITUTION", null, describe(kind.name(), contactName, contactPhone, true), caller.userId(),
                clock.instant());
        return find(unit.getId(), true);
    }

    @Transactional
    View update(String id, Body request) {
        Caller caller = unitGroups.institutionAdministrator();
        Body r = request == null ? new Body(null, null, null, null, null, null, null) : request;
        FieldChecks checks = new FieldChecks();
        if (r.id() != null) {
            checks.add("id", "金融机构的标识（也是组标识）不能修改", "An institution's id (also its group id) cannot be changed");
        }
        if (r.nameZh() == null && r.nameEn() == null && r.kind() == null && r.contactName() == null && r.contactPhone() == null
                && r.active() == null) {
            checks.add("body", "请至少给出一项修改：nameZh、nameEn、kind、contactName、contactPhone 或 active",
                    "Give at least one change: nameZh, nameEn, kind, contactName, contactPhone or active");
        }
        units.checkNames(checks, r.nameZh(), r.nameEn());
        InstitutionKind kind = kind(checks, r.kind(), true);
        String contactName = text(checks, "contactName", r.contactName(), "联系人", "Contact name", 64, true);
        String contactPhone = phone(checks, r.contactPhone(), true);
        if (r.active() != null && !(r.active() instanceof Boolean)) {
            checks.add("active", "是否启用须为 true 或 false", "active must be true or false");
        }
        checks.throwIfAny();
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT kind, contact_name, contact_phone, active FROM financial_institution WHERE unit_id = ? FOR UPDATE", id);
        if (rows.isEmpty()) {
            throw new NotFoundException("id", "金融机构 " + id + " 不存在", "Financial institution " + id + " does not exist");
        }
        Map<String, Object> row = rows.get(0);
        if (r.nameZh() != null || r.nameEn() != null || r.active() != null) {
            unitGroups.updateInstitution(id, new UnitApi.UnitChange(r.nameZh(), r.nameEn(), r.active(), null));
        }
        String before = describe((String) row.get("kind"), (String) row.get("contact_name"), (String) row.get("contact_phone"),
                Boolean.TRUE.equals(row.get("active")) || Objects.equals(row.get("active"), 1));
        String newKind = kind == null ? (String) row.get("kind") : kind.name();
        String newName = contactName == null ? (String) row.get("contact_name") : contactName;
        String newPhone = contactPhone == null ? (String) row.get("contact_phone") : contactPhone;
        boolean newActive = r.active() == null ? before.endsWith("启用") : (Boolean) r.active();
        String after = describe(newKind, newName, newPhone, newActive);
        if (!before.equals(after)) {
            jdbc.update("UPDATE financial_institution SET kind = ?, contact_name = ?, contact_phone = ?, active = ? WHERE unit_id = ?",
                    newKind, newName, newPhone, newActive, id);
            units.recordChange(id, "INSTITUTION", before, after, caller.userId(), clock.instant());
        }
        return find(id, true);
    }

    private View find(String id, boolean official) {
        return list().stream().filter(v -> v.unitId().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("id", "金融机构 " + id + " 不存在", "Financial institution " + id + " does not exist"));
    }

    private static String describe(String kind, String contactName, String contactPhone, boolean active) {
        return InstitutionKind.valueOf(kind).label().zh() + " " + kind + "；联系人 " + contactName + " " + contactPhone + "；"
                + (active ? "启用" : "停用");
    }

    private static InstitutionKind kind(FieldChecks checks, Object raw, boolean optional) {
        if (raw == null && optional) {
            return null;
        }
        if (raw instanceof String text) {
            for (InstitutionKind kind : InstitutionKind.values()) {
                if (kind.name().equals(text)) {
                    return kind;
                }
            }
        }
        checks.add("kind", "机构类型须为 BANK（银行）、GUARANTEE（担保机构）或 FUND_MANAGER（基金管理人）",
                "The kind must be BANK, GUARANTEE or FUND_MANAGER");
        return null;
    }

    private static String text(FieldChecks checks, String field, Object raw, String zh, String en, int max, boolean optional) {
        if (raw == null && optional) {
            return null;
        }
        if (raw != null && !(raw instanceof String)) {
            checks.add(field, zh + "须为文字", en + " must be text");
            return null;
        }
        String text = checks.requiredText(field, raw, zh, en, max);
        if (text != null && text.chars().anyMatch(c -> c == '\n' || c == '\r' || c == '\t')) {
            checks.add(field, zh + "须为一行文字", en + " must be one line");
            return null;
        }
        return text;
    }

    private static String phone(FieldChecks checks, Object raw, boolean optional) {
        String text = text(checks, "contactPhone", raw, "联系电话", "Contact phone", 32, optional);
        if (text != null && !text.matches("[0-9+\\- ]{5,32}")) {
            checks.add("contactPhone", "联系电话只能由数字、+、- 和空格组成（至少5位）", "The contact phone may only have digits, +, - and spaces (at least 5)");
            return null;
        }
        return text;
    }
}
