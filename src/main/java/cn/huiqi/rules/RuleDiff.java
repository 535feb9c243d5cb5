package cn.huiqi.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A readable difference between two versions of one decision table: rules are matched by rule id and
 * cells by column id, so "which rule, which cell, old → new" survives reordering. A rule with a new id
 * is an added rule (the editor gives new rules new ids), a missing id a removed rule.
 */
public final class RuleDiff {

    public enum Change { CELL, DESCRIPTION, RULE_ADDED, RULE_REMOVED, RULE_MOVED, COLUMN_ADDED, COLUMN_REMOVED, COLUMN_CHANGED, HIT_POLICY, NAME }

    /** One difference. ruleIndex is the 1-based row in the new table (old table for a removed rule). */
    public record Line(String ruleId, Integer ruleIndex, String column, String columnLabel, Change change,
                       String oldValue, String newValue) {

        public String describe() {
            String where = ruleId == null ? "" : "规则 rule " + ruleId + (ruleIndex == null ? "" : "（第" + ruleIndex + "行 row " + ruleIndex + "）");
            String col = columnLabel == null ? "" : " · " + columnLabel;
            return switch (change) {
                case RULE_ADDED -> where + "：新增 added";
                case RULE_REMOVED -> where + "：删除 removed";
                case RULE_MOVED -> where + "：行序 row " + oldValue + " → " + newValue;
                case COLUMN_ADDED -> "新增列 column added" + col;
                case COLUMN_REMOVED -> "删除列 column removed" + col;
                case HIT_POLICY -> "命中策略 hit policy: " + oldValue + " → " + newValue;
                case NAME -> "名称 name: " + oldValue + " → " + newValue;
                default -> where + col + "：" + show(oldValue) + " → " + show(newValue);
            };
        }

        private static String show(String value) {
            return value == null || value.isEmpty() ? "（空 empty）" : value;
        }
    }

    private RuleDiff() {
    }

    public static List<Line> between(TableView before, TableView after) {
        List<Line> lines = new ArrayList<>();
        if (!Objects.equals(before.name(), after.name())) {
            lines.add(new Line(null, null, null, null, Change.NAME, before.name(), after.name()));
        }
        if (!Objects.equals(before.hitPolicy(), after.hitPolicy())) {
            lines.add(new Line(null, null, null, null, Change.HIT_POLICY, before.hitPolicy(), after.hitPolicy()));
        }
        columns(before.inputs(), after.inputs(), lines);
        columns(before.outputs(), after.outputs(), lines);

        Map<String, TableView.RuleRow> oldRules = new LinkedHashMap<>();
        before.rules().forEach(r -> oldRules.put(r.id(), r));
        Map<String, TableView.RuleRow> newRules = new LinkedHashMap<>();
        after.rules().forEach(r -> newRules.put(r.id(), r));

        for (TableView.RuleRow rule : after.rules()) {
            TableView.RuleRow old = oldRules.get(rule.id());
            if (old == null) {
                lines.add(new Line(rule.id(), rule.index(), null, null, Change.RULE_ADDED, null, summary(after, rule)));
                continue;
            }
            if (old.index() != rule.index()) {
                lines.add(new Line(rule.id(), rule.index(), null, null, Change.RULE_MOVED,
                        String.valueOf(old.index()), String.valueOf(rule.index())));
            }
            cells(before.inputs(), old.inputEntries(), after.inputs(), rule.inputEntries(), rule, lines);
            cells(before.outputs(), old.outputEntries(), after.outputs(), rule.outputEntries(), rule, lines);
            if (!Objects.equals(blankToNull(old.description()), blankToNull(rule.description()))) {
                lines.add(new Line(rule.id(), rule.index(), "description", "说明 Annotation", Change.DESCRIPTION,
                        old.description(), rule.description()));
            }
        }
        for (TableView.RuleRow old : before.rules()) {
            if (!newRules.containsKey(old.id())) {
                lines.add(new Line(old.id(), old.index(), null, null, Change.RULE_REMOVED, summary(before, old), null));
            }
        }
        return lines;
    }

    /** A one-line summary for the audit list: "3 处修改 changes: 规则 … ; …" (cut to fit). */
    public static String summary(List<Line> lines) {
        if (lines.isEmpty()) {
            return "无规则变化 no change to the rules";
        }
        StringBuilder text = new StringBuilder(lines.size() + " 处修改 change(s): ");
        for (int i = 0; i < lines.size(); i++) {
            String next = (i == 0 ? "" : "；") + lines.get(i).describe();
            if (text.length() + next.length() > 1900) {
                text.append("；…");
                break;
            }
            text.append(next);
        }
        return text.toString();
    }

    private static void columns(List<TableView.Column> before, List<TableView.Column> after, List<Line> lines) {
        Map<String, TableView.Column> old = new LinkedHashMap<>();
        before.forEach(c -> old.put(c.id(), c));
        for (TableView.Column column : after) {
            TableView.Column was = old.remove(column.id());
            if (was == null) {
                lines.add(new Line(null, null, column.id(), column.title(), Change.COLUMN_ADDED, null, column.expression()));
            } else {
                if (!Objects.equals(was.expression(), column.expression())) {
                    lines.add(new Line(null, null, column.id(), column.title(), Change.COLUMN_CHANGED, was.expression(), column.expression()));
                }
                if (!Objects.equals(was.label(), column.label())) {
                    lines.add(new Line(null, null, column.id(), column.title(), Change.COLUMN_CHANGED, was.label(), column.label()));
                }
            }
        }
        old.values().forEach(c -> lines.add(new Line(null, null, c.id(), c.title(), Change.COLUMN_REMOVED, c.expression(), null)));
    }

    private static void cells(List<TableView.Column> oldColumns, List<String> oldEntries, List<TableView.Column> newColumns,
                              List<String> newEntries, TableView.RuleRow rule, List<Line> lines) {
        Map<String, String> old = new LinkedHashMap<>();
        for (int i = 0; i < oldColumns.size() && i < oldEntries.size(); i++) {
            old.put(oldColumns.get(i).id(), oldEntries.get(i));
        }
        for (int i = 0; i < newColumns.size() && i < newEntries.size(); i++) {
            TableView.Column column = newColumns.get(i);
            if (!old.containsKey(column.id())) {
                continue; // a new column: reported once as COLUMN_ADDED
            }
            String was = old.get(column.id());
            String now = newEntries.get(i);
            if (!Objects.equals(normalize(was), normalize(now))) {
                lines.add(new Line(rule.id(), rule.index(), column.id(), column.title(), Change.CELL, was, now));
            }
        }
    }

    private static String summary(TableView table, TableView.RuleRow rule) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < table.inputs().size() && i < rule.inputEntries().size(); i++) {
            parts.add(table.inputs().get(i).title() + " " + rule.inputEntries().get(i));
        }
        for (int i = 0; i < table.outputs().size() && i < rule.outputEntries().size(); i++) {
            parts.add(table.outputs().get(i).title() + " = " + rule.outputEntries().get(i));
        }
        return String.join("; ", parts);
    }

    /** "-" and an empty input entry mean the same (any value); surrounding white space means nothing. */
    private static String normalize(String cell) {
        String text = cell == null ? "" : cell.strip();
        return "-".equals(text) ? "" : text;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
