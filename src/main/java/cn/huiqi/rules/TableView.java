package cn.huiqi.rules;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * A decision table as people read it: its columns and its rules, each cell as the FEEL text it holds.
 * Built from DMN XML; what the rules page shows read-only and what {@link RuleDiff} compares.
 */
public record TableView(String decisionId, String name, String hitPolicy, List<Column> inputs, List<Column> outputs,
                        List<RuleRow> rules) {

    /** An input (expression = its input expression) or an output (expression = its output name). */
    public record Column(String id, String label, String expression) {

        public String title() {
            return label == null || label.isBlank() ? expression : label;
        }
    }

    /** One rule; inputEntries/outputEntries in column order. */
    public record RuleRow(String id, int index, String description, List<String> inputEntries, List<String> outputEntries) {
    }

    public static DmnModelInstance parse(String xml) {
        return Dmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The table of decision {@code decisionId} in {@code model}; null when it has no such decision table. */
    public static TableView of(DmnModelInstance model, String decisionId) {
        Decision decision = model.getModelElementById(decisionId) instanceof Decision d ? d : null;
        if (decision == null || !(decision.getExpression() instanceof DecisionTable table)) {
            return null;
        }
        List<Column> inputs = new ArrayList<>();
        for (Input input : table.getInputs()) {
            String expression = input.getInputExpression() == null || input.getInputExpression().getText() == null
                    ? "" : input.getInputExpression().getText().getTextContent();
            inputs.add(new Column(input.getId(), input.getLabel(), expression));
        }
        List<Column> outputs = new ArrayList<>();
        for (Output output : table.getOutputs()) {
            outputs.add(new Column(output.getId(), output.getLabel(), output.getName()));
        }
        List<RuleRow> rules = new ArrayList<>();
        int index = 0;
        for (Rule rule : table.getRules()) {
            index++;
            List<String> in = new ArrayList<>();
            for (InputEntry entry : rule.getInputEntries()) {
                in.add(entry.getText() == null ? "" : entry.getText().getTextContent());
            }
            List<String> out = new ArrayList<>();
            for (OutputEntry entry : rule.getOutputEntries()) {
                out.add(entry.getText() == null ? "" : entry.getText().getTextContent());
            }
            String description = rule.getDescription() == null ? null : rule.getDescription().getTextContent();
            rules.add(new RuleRow(rule.getId(), index, description, List.copyOf(in), List.copyOf(out)));
        }
        return new TableView(decision.getId(), decision.getName(), table.getHitPolicy() == null ? "UNIQUE" : table.getHitPolicy().name(),
                List.copyOf(inputs), List.copyOf(outputs), List.copyOf(rules));
    }
}
