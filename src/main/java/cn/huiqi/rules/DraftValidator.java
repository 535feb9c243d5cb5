package cn.huiqi.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import cn.huiqi.common.FieldProblem;
import cn.huiqi.process.FeelOnlyDmn;

/**
 * Checks a draft before anything runs or is deployed: the XML parses as DMN 1.3, no attribute anywhere names
 * an expression language other than FEEL ({@link FeelOnlyDmn}: refused outright with a 400 naming each
 * cell, before anything else is looked at), the decision ids are
 * those of the version in force, every output the processes read still exists, the decision keeps its
 * history time to live (the engine refuses a deployment without it), every cell is valid FEEL (input
 * entries as unary tests, output entries and input expressions as expressions, parsed by the FEEL engine
 * Camunda evaluates with), a routing table names only units that exist and are active ({@link RoutingUnits}) and the
 * DMN engine accepts the whole model.
 */
@Component
class DraftValidator {

    /** Drafts above this size are refused unread (a table of this system is about 10-20 KB). */
    static final int MAX_XML_CHARS = 2_000_000;

    private final FeelEngines.Parser feel = FeelEngines.parser();
    private final DraftDmnEngine dmnEngine;
    private final RoutingUnits routingUnits;

    /** Without the unit check (tests of the other checks, no database). */
    DraftValidator(DraftDmnEngine draftEngine) {
        this(draftEngine, null);
    }

    @Autowired
    DraftValidator(DraftDmnEngine draftEngine, RoutingUnits routingUnits) {
        this.dmnEngine = draftEngine;
        this.routingUnits = routingUnits;
    }

    record Result(DmnModelInstance model, List<FieldProblem> problems) {
        boolean valid() {
            return problems.isEmpty();
        }
    }

    Result validate(String decisionKey, String xml, DmnModelInstance current) {
        List<FieldProblem> problems = new ArrayList<>();
        if (xml == null || xml.isBlank()) {
            problems.add(new FieldProblem("xml", "决策表内容不能为空", "The decision table XML is required"));
            return new Result(null, problems);
        }
        if (xml.length() > MAX_XML_CHARS) {
            problems.add(new FieldProblem("xml", "决策表内容过大", "The decision table XML is too large"));
            return new Result(null, problems);
        }
        DmnModelInstance model;
        try {
            model = TableView.parse(xml);
        } catch (RuntimeException e) {
            problems.add(new FieldProblem("xml", "不是有效的 DMN 1.3 XML：" + rootMessage(e),
                    "Not valid DMN 1.3 XML: " + rootMessage(e)));
            return new Result(null, problems);
        }
        FeelOnlyDmn.check(model);

        Set<String> currentIds = decisionIds(current);
        Set<String> draftIds = decisionIds(model);
        if (!currentIds.equals(draftIds)) {
            problems.add(new FieldProblem("decisionIds", "决策 id 不能改变：应为 " + currentIds + "，草稿为 " + draftIds,
                    "Decision ids must not change: expected " + currentIds + ", the draft has " + draftIds));
            return new Result(model, problems);
        }
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            checkDecision(decision, (Decision) current.getModelElementById(decision.getId()), problems);
        }
        if (routingUnits != null) {
            problems.addAll(routingUnits.check(decisionKey, model));
        }
        if (problems.isEmpty()) {
            try {
                dmnEngine.get().parseDecisions(model);
            } catch (RuntimeException e) {
                problems.add(new FieldProblem("xml", "决策引擎无法解析该表：" + rootMessage(e),
                        "The DMN engine cannot parse the table: " + rootMessage(e)));
            }
        }
        return new Result(model, problems);
    }

    /**
     * Refuses (400, each cell named) a draft that names an expression language other than FEEL; a draft that
     * does not parse is left to {@link #validate}. For publishing, where it runs before the what-if token is looked at.
     */
    void refuseNonFeel(String xml) {
        if (xml == null || xml.isBlank() || xml.length() > MAX_XML_CHARS) {
            return;
        }
        DmnModelInstance model;
        try {
            model = TableView.parse(xml);
        } catch (RuntimeException e) {
            return;
        }
        FeelOnlyDmn.check(model);
    }

    private void checkDecision(Decision decision, Decision current, List<FieldProblem> problems) {
        String id = decision.getId();
        if (decision.getCamundaHistoryTimeToLiveString() == null || decision.getCamundaHistoryTimeToLiveString().isBlank()) {
            problems.add(new FieldProblem(id + ".historyTimeToLive", "决策 " + id + " 缺少 camunda:historyTimeToLive（引擎要求）",
                    "Decision " + id + " lacks camunda:historyTimeToLive (the engine requires it)"));
        }
        if (!(decision.getExpression() instanceof DecisionTable table)) {
            if (current.getExpression() instanceof DecisionTable) {
                problems.add(new FieldProblem(id, "决策 " + id + " 必须仍是决策表", "Decision " + id + " must remain a decision table"));
            }
            return;
        }
        if (current.getExpression() instanceof DecisionTable currentTable) {
            Set<String> names = table.getOutputs().stream().map(Output::getName).collect(Collectors.toSet());
            for (Output output : currentTable.getOutputs()) {
                if (output.getName() != null && !names.contains(output.getName())) {
                    problems.add(new FieldProblem(id + ".outputs", "输出列 " + output.getName() + " 不能删除或改名：流程读取它",
                            "Output " + output.getName() + " cannot be removed or renamed: the processes read it"));
                }
            }
        }
        List<Input> inputs = List.copyOf(table.getInputs());
        List<Output> outputs = List.copyOf(table.getOutputs());
        for (Input input : inputs) {
            String expression = input.getInputExpression() == null || input.getInputExpression().getText() == null
                    ? "" : input.getInputExpression().getText().getTextContent();
            if (expression.isBlank()) {
                problems.add(new FieldProblem(id + ".inputs." + input.getId(), "输入列「" + label(input.getLabel(), input.getId()) + "」缺少表达式",
                        "Input column '" + label(input.getLabel(), input.getId()) + "' has no expression"));
            } else if (isFeel(input.getInputExpression().getExpressionLanguage())) {
                check(feel.parseExpression(expression), id + ".inputs." + input.getId(),
                        "输入列「" + label(input.getLabel(), input.getId()) + "」的表达式", "the expression of input column '"
                                + label(input.getLabel(), input.getId()) + "'", problems);
            }
        }
        int row = 0;
        for (Rule rule : table.getRules()) {
            row++;
            List<InputEntry> inputEntries = List.copyOf(rule.getInputEntries());
            List<OutputEntry> outputEntries = List.copyOf(rule.getOutputEntries());
            if (inputEntries.size() != inputs.size() || outputEntries.size() != outputs.size()) {
                problems.add(new FieldProblem("rules." + rule.getId(), "规则 " + rule.getId() + "（第" + row + "行）的单元格数与列数不符",
                        "Rule " + rule.getId() + " (row " + row + ") does not have one cell per column"));
                continue;
            }
            for (int i = 0; i < inputEntries.size(); i++) {
                InputEntry entry = inputEntries.get(i);
                String text = entry.getText() == null ? "" : entry.getText().getTextContent().strip();
                if (!text.isEmpty() && !"-".equals(text) && isFeel(entry.getExpressionLanguage())) {
                    check(feel.parseUnaryTests(text), "rules." + rule.getId() + "." + inputs.get(i).getId(),
                            cellZh(rule, row, inputs.get(i).getLabel(), inputs.get(i).getId()),
                            cellEn(rule, row, inputs.get(i).getLabel(), inputs.get(i).getId()), problems);
                }
            }
            for (int i = 0; i < outputEntries.size(); i++) {
                OutputEntry entry = outputEntries.get(i);
                String text = entry.getText() == null ? "" : entry.getText().getTextContent().strip();
                String column = label(outputs.get(i).getLabel(), outputs.get(i).getName());
                if (text.isEmpty()) {
                    problems.add(new FieldProblem("rules." + rule.getId() + "." + outputs.get(i).getId(),
                            cellZh(rule, row, column, null) + "为空", cellEn(rule, row, column, null) + " is empty"));
                } else if (isFeel(entry.getExpressionLanguage())) {
                    check(feel.parseExpression(text), "rules." + rule.getId() + "." + outputs.get(i).getId(),
                            cellZh(rule, row, column, null), cellEn(rule, row, column, null), problems);
                }
            }
        }
    }

    private static void check(FeelEngines.ParseOutcome outcome, String field, String whatZh, String whatEn,
                              List<FieldProblem> problems) {
        if (!outcome.ok()) {
            problems.add(new FieldProblem(field, whatZh + "不是有效的 FEEL：" + outcome.message(),
                    whatEn + " is not valid FEEL: " + outcome.message()));
        }
    }

    private static String cellZh(Rule rule, int row, String label, String id) {
        return "规则 " + rule.getId() + "（第" + row + "行）「" + label(label, id) + "」列的单元格";
    }

    private static String cellEn(Rule rule, int row, String label, String id) {
        return "The cell of rule " + rule.getId() + " (row " + row + "), column '" + label(label, id) + "',";
    }

    private static String label(String label, String fallback) {
        return label == null || label.isBlank() ? fallback : label;
    }

    /** No attribute: the engine's default, FEEL. (Any other language was refused before the cells are read.) */
    private static boolean isFeel(String expressionLanguage) {
        return expressionLanguage == null || FeelOnlyDmn.isFeel(expressionLanguage);
    }

    static Set<String> decisionIds(DmnModelInstance model) {
        return model.getModelElementsByType(Decision.class).stream().map(Decision::getId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 400 ? message.substring(0, 400) + "…" : message;
    }
}
