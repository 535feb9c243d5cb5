package cn.huiqi.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.springframework.stereotype.Component;

import cn.huiqi.common.FieldProblem;
import cn.huiqi.unit.Unit;
import cn.huiqi.unit.UnitRepository;

/**
 * A routing table may only name units that exist and are active (docs/rules.md, "Units a routing table names"): the
 * {@code reviewUnits} (comma-separated), {@code leadUnit} and {@code financeUnit} of {@value RuleKinds#RESPONSIBLE_UNITS}
 * (empty allowed: a measure without money has no paying unit), and the {@code unit} of {@value RuleKinds#DEMAND_ROUTING}
 * (never empty; the literal {@value #LOCALITY} = the enterprise's own locality unit). Each such cell must be a FEEL
 * string literal, so that what it names can be checked before publishing. A problem names the row and the id.
 */
@Component
class RoutingUnits {

    static final String LOCALITY = "locality";

    /** Per routing table: its unit outputs, and whether an empty cell is allowed. */
    private static final Map<String, Map<String, Boolean>> UNIT_OUTPUTS = Map.of(
            RuleKinds.RESPONSIBLE_UNITS, Map.of("reviewUnits", true, "leadUnit", true, "financeUnit", true),
            RuleKinds.DEMAND_ROUTING, Map.of("unit", false));
    private static final Pattern STRING = Pattern.compile("^\"([^\"\\\\]*)\"$");

    /** Why a unit id may not be named: null = fine. */
    enum Standing { MISSING, INACTIVE }

    private final UnitRepository units;

    RoutingUnits(UnitRepository units) {
        this.units = units;
    }

    List<FieldProblem> check(String decisionKey, DmnModelInstance model) {
        if (!UNIT_OUTPUTS.containsKey(decisionKey)) {
            return List.of();
        }
        Map<String, Boolean> active = units.findAllByOrderBySortOrder().stream().collect(Collectors.toMap(Unit::getId, Unit::isActive));
        return check(decisionKey, model, id -> !active.containsKey(id) ? Standing.MISSING : active.get(id) ? null : Standing.INACTIVE);
    }

    static List<FieldProblem> check(String decisionKey, DmnModelInstance model, Function<String, Standing> standing) {
        Map<String, Boolean> outputs = UNIT_OUTPUTS.get(decisionKey);
        TableView table = outputs == null ? null : TableView.of(model, decisionKey);
        if (table == null) {
            return List.of();
        }
        boolean localityAllowed = RuleKinds.DEMAND_ROUTING.equals(decisionKey);
        List<FieldProblem> problems = new ArrayList<>();
        for (TableView.RuleRow rule : table.rules()) {
            for (int i = 0; i < table.outputs().size() && i < rule.outputEntries().size(); i++) {
                TableView.Column column = table.outputs().get(i);
                Boolean emptyAllowed = outputs.get(column.expression());
                if (emptyAllowed == null) {
                    continue;
                }
                String field = "rules." + rule.id() + "." + column.id();
                String where = "规则 " + rule.id() + "（第" + rule.index() + "行）「" + zh(column.title()) + "」列";
                String whereEn = "Rule " + rule.id() + " (row " + rule.index() + "), column '" + column.title() + "'";
                String text = rule.outputEntries().get(i).strip();
                Matcher literal = STRING.matcher(text);
                if (!literal.matches()) {
                    problems.add(new FieldProblem(field, where + "须为带引号的单位标识，例如 \"rsj\"，而不是 " + text,
                            whereEn + " must be a quoted unit id such as \"rsj\", not " + text));
                    continue;
                }
                List<String> ids = List.of(literal.group(1).split(",", -1)).stream().map(String::strip).toList();
                if (literal.group(1).isBlank()) {
                    if (!emptyAllowed) {
                        problems.add(new FieldProblem(field, where + "须指明办理单位", whereEn + " must name the handling unit"));
                    }
                    continue;
                }
                for (String id : ids) {
                    if (id.isEmpty()) {
                        problems.add(new FieldProblem(field, where + "的单位列表中有空项", whereEn + " has an empty item in its list of units"));
                    } else if (localityAllowed && LOCALITY.equals(id)) {
                        continue;
                    } else if (standing.apply(id) == Standing.MISSING) {
                        problems.add(new FieldProblem(field, where + "指定的单位 " + id + " 不存在：请先由管理员添加该单位，或改用已有单位",
                                whereEn + " names unit " + id + ", which does not exist: an administrator adds it first, or name an existing unit"));
                    } else if (standing.apply(id) == Standing.INACTIVE) {
                        problems.add(new FieldProblem(field, where + "指定的单位 " + id + " 已停用", whereEn + " names unit " + id + ", which is inactive"));
                    }
                }
            }
        }
        return problems;
    }

    private static String zh(String bilingual) {
        int slash = bilingual.indexOf("/ ");
        return (slash < 0 ? bilingual : bilingual.substring(0, slash)).strip();
    }
}
