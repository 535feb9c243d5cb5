package cn.huiqi.evaluation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.common.FieldChecks;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.Groups;
import cn.huiqi.identity.SecurityLog;

/**
 * The default grouping of the localities (系统默认值, table evaluation_locality_group): read by gxj, policy staff and
 * auditors, changed by 市工信局 (gxj) only, each change with a reason kept in evaluation_locality_group_change and the
 * security log. A change applies to rounds opened afterwards: an opened round keeps the grouping recorded on it.
 */
@Service
class LocalityGroupSettings {

    static final String DEFAULT_MARK = "系统默认值，待政策部门确认";

    private final JdbcTemplate jdbc;
    private final LocalityGroups groups;
    private final EvaluationAccess access;

    LocalityGroupSettings(JdbcTemplate jdbc, LocalityGroups groups, EvaluationAccess access) {
        this.jdbc = jdbc;
        this.groups = groups;
        this.access = access;
    }

    @Transactional(readOnly = true)
    EvaluationApi.LocalityGroupsView view() {
        Caller caller = access.caller();
        if (!caller.isInAny(Groups.LEAD_BUREAU, Groups.POLICY_ADMIN, Groups.AUDITOR)) {
            throw EvaluationAccess.refused(caller, "read the locality groups");
        }
        return current();
    }

    @Transactional
    EvaluationApi.LocalityGroupsView change(EvaluationApi.GroupsRequest request) {
        Caller caller = access.leadBureau();
        Map<String, String> localities = access.localities();
        FieldChecks checks = new FieldChecks();
        String reason = checks.requiredText("reason", request == null ? null : request.reason(), "调整理由", "Reason", 1000);
        List<EvaluationApi.GroupChange> changes = request == null || request.changes() == null ? List.of() : request.changes();
        if (changes.isEmpty()) {
            checks.add("changes", "请至少调整一个地区的分组", "Change the group of at least one locality");
        }
        if (changes.size() > localities.size()) {
            checks.add("changes", "调整的地区多于属地单位数", "More changes than there are localities");
        }
        Map<String, EvaluationGroup> wanted = new LinkedHashMap<>();
        for (int i = 0; i < changes.size() && i < localities.size() + 1; i++) {
            EvaluationApi.GroupChange change = changes.get(i);
            String field = "changes[" + i + "]";
            String unit = change == null ? null : change.unitId();
            String group = change == null ? null : change.group();
            if (unit == null || !localities.containsKey(unit)) {
                checks.add(field + ".unitId", "第" + (i + 1) + "项：“" + shown(unit) + "”不是属地单位（区、县、开发区）",
                        "Item " + (i + 1) + ": \"" + shown(unit) + "\" is not a locality");
            } else if (wanted.containsKey(unit)) {
                checks.add(field + ".unitId", "第" + (i + 1) + "项：" + localities.get(unit) + "重复", "Item " + (i + 1) + ": " + unit + " appears twice");
            }
            EvaluationGroup parsed = group(group);
            if (parsed == null) {
                checks.add(field + ".group", "第" + (i + 1) + "项：“" + shown(group) + "”不是评价分组，应为 DISTRICT（区）、COUNTY（县）或 DEVELOPMENT_ZONE（开发区）",
                        "Item " + (i + 1) + ": \"" + shown(group) + "\" is no group; use DISTRICT, COUNTY or DEVELOPMENT_ZONE");
            }
            if (unit != null && localities.containsKey(unit) && parsed != null) {
                wanted.put(unit, parsed);
            }
        }
        checks.throwIfAny();
        Map<String, EvaluationGroup> before = groups.current();
        Instant now = EvaluationRounds.now();
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, EvaluationGroup> e : wanted.entrySet()) {
            EvaluationGroup old = before.get(e.getKey());
            if (old == e.getValue()) {
                continue;
            }
            if (old == null) {
                jdbc.update("INSERT INTO evaluation_locality_group (unit_id, group_code, note) VALUES (?,?,?)", e.getKey(), e.getValue().name(),
                        "系统默认值，经市工信局调整");
            } else {
                jdbc.update("UPDATE evaluation_locality_group SET group_code = ?, note = ? WHERE unit_id = ?", e.getValue().name(),
                        "系统默认值，经市工信局调整", e.getKey());
            }
            jdbc.update("INSERT INTO evaluation_locality_group_change (unit_id, old_group, new_group, reason, changed_by, changed_at)"
                    + " VALUES (?,?,?,?,?,?)", e.getKey(), old == null ? "" : old.name(), e.getValue().name(), reason, caller.userId(),
                    Timestamp.from(now));
            changed.add(e.getKey() + ":" + (old == null ? "-" : old.name()) + "->" + e.getValue().name());
        }
        if (!changed.isEmpty()) {
            SecurityLog.event("EVALUATION_GROUPS_CHANGED", caller.userId(), String.join(" ", changed));
        }
        return current();
    }

    private EvaluationApi.LocalityGroupsView current() {
        Map<String, String> localities = access.localities();
        Map<String, String> notes = new LinkedHashMap<>();
        jdbc.query("SELECT unit_id, note FROM evaluation_locality_group", row -> {
            notes.put(row.getString(1), row.getString(2));
        });
        List<EvaluationApi.LocalityGroupView> rows = groups.current().entrySet().stream().map(e -> new EvaluationApi.LocalityGroupView(
                e.getKey(), localities.get(e.getKey()), e.getValue().name(), e.getValue().nameZh(), notes.get(e.getKey()))).toList();
        List<EvaluationApi.GroupChangeView> changes = jdbc.query("SELECT * FROM evaluation_locality_group_change ORDER BY id DESC",
                (rs, n) -> new EvaluationApi.GroupChangeView(rs.getLong("id"), rs.getString("unit_id"), rs.getString("old_group"),
                        rs.getString("new_group"), rs.getString("reason"), rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant()));
        return new EvaluationApi.LocalityGroupsView(DEFAULT_MARK,
                "分组调整只适用于此后开设的评价轮次；已开设的轮次按开设时记录的分组排名",
                "A change applies to rounds opened afterwards; an opened round is ranked by the groups recorded when it was opened",
                rows, changes);
    }

    private static EvaluationGroup group(String raw) {
        if (raw == null) {
            return null;
        }
        for (EvaluationGroup g : EvaluationGroup.values()) {
            if (g.name().equals(raw)) {
                return g;
            }
        }
        return null;
    }

    private static String shown(String raw) {
        if (raw == null) {
            return "";
        }
        String clean = raw.replaceAll("\\p{Cntrl}", "");
        return clean.length() > 32 ? clean.substring(0, 32) + "…" : clean;
    }
}
