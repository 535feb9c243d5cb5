package cn.huiqi.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionLiteralExpressionImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;
import org.camunda.bpm.dmn.engine.impl.spi.transform.DmnTransformListener;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import cn.huiqi.common.FieldProblem;
import cn.huiqi.common.InvalidInputException;

/**
 * Only FEEL in any DMN. A DMN expression in another language (juel, groovy, javascript, python, …) is
 * code run inside the engine with the engine's rights, so no DMN may name one anywhere: not on an input
 * expression, input entry, output entry or literal expression, not as the {@code definitions} default, not
 * in any other {@code expressionLanguage} or {@code typeLanguage} attribute of any element.
 * <p>
 * "FEEL" is exactly what Camunda 7.24 evaluates as FEEL ({@code ExpressionEvaluationHandler#isFeelExpressionLanguage}):
 * {@code feel} in any case and the OMG FEEL namespaces of DMN 1.1 to 1.5. An absent attribute means the
 * engine's default, which {@link #configure} sets to FEEL for all four kinds of expression.
 * <p>
 * Applied to the process engine by {@link FeelOnlyDmnPlugin} (every deployment, whatever its path) and to
 * the rules page's draft engine; the rules page also reports {@link #problems} per cell before anything runs.
 */
public final class FeelOnlyDmn {

    private static final Set<String> FEEL_NAMESPACES = Set.of(
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15);

    private static final Set<String> LANGUAGE_ATTRIBUTES = Set.of("expressionlanguage", "typelanguage");

    private FeelOnlyDmn() {
    }

    /** Whether the engine evaluates an expression of this language as FEEL. */
    public static boolean isFeel(String language) {
        return language != null && (FEEL_NAMESPACES.contains(language)
                || DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE.equals(language.toLowerCase(Locale.ROOT)));
    }

    /**
     * Makes a DMN engine configuration FEEL-only, before its engine is built: FEEL as the default of all
     * four kinds of expression, no FEEL legacy mode (it translates to JUEL), the transform listener that
     * refuses any other language at parse/deploy time, and, should anything still get through, no JUEL
     * provider and no script engine for DMN.
     */
    public static DefaultDmnEngineConfiguration configure(DefaultDmnEngineConfiguration configuration) {
        configuration.setEnableFeelLegacyBehavior(false);
        configuration.setDefaultInputExpressionExpressionLanguage(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE);
        configuration.setDefaultInputEntryExpressionLanguage(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE);
        configuration.setDefaultOutputEntryExpressionLanguage(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE);
        configuration.setDefaultLiteralExpressionLanguage(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE);
        configuration.setElProvider(expression -> {
            throw refusal(List.of(new FieldProblem(null, "决策表中不允许 JUEL 表达式：只接受 FEEL",
                    "JUEL expressions are not allowed in decision tables: only FEEL")));
        });
        configuration.setScriptEngineResolver(language -> null);
        if (configuration.getTransformer().getTransformListeners().stream().noneMatch(Listener.class::isInstance)) {
            configuration.getTransformer().getTransformListeners().add(new Listener());
        }
        return configuration;
    }

    /** Whether a built configuration is FEEL-only as {@link #configure} leaves it (checked once the engine is built). */
    public static boolean isConfigured(DefaultDmnEngineConfiguration configuration) {
        return !configuration.isEnableFeelLegacyBehavior()
                && isFeel(configuration.getDefaultInputExpressionExpressionLanguage())
                && isFeel(configuration.getDefaultInputEntryExpressionLanguage())
                && isFeel(configuration.getDefaultOutputEntryExpressionLanguage())
                && isFeel(configuration.getDefaultLiteralExpressionLanguage())
                && configuration.getTransformer().getTransformListeners().stream().anyMatch(Listener.class::isInstance);
    }

    /** Every attribute of the model that names a language other than FEEL, one problem each (empty: FEEL only). */
    public static List<FieldProblem> problems(DmnModelInstance model) {
        List<FieldProblem> problems = new ArrayList<>();
        Node root = model.getDocument().getDomSource().getNode();
        Element element = root instanceof org.w3c.dom.Document document ? document.getDocumentElement() : (Element) root;
        collect(element, problems);
        return problems;
    }

    /** Throws the bilingual refusal if the model names a language other than FEEL anywhere. */
    public static void check(DmnModelInstance model) {
        List<FieldProblem> problems = problems(model);
        if (!problems.isEmpty()) {
            throw refusal(problems);
        }
    }

    private static InvalidInputException refusal(List<FieldProblem> problems) {
        return new InvalidInputException(problems);
    }

    private static void collect(Element element, List<FieldProblem> problems) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String name = localName(attribute);
            if (LANGUAGE_ATTRIBUTES.contains(name.toLowerCase(Locale.ROOT)) && !isFeel(attribute.getValue())) {
                problems.add(problem(element, name, attribute.getValue()));
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                collect(childElement, problems);
            }
        }
    }

    private static FieldProblem problem(Element element, String attribute, String language) {
        Where where = where(element, attribute);
        String shown = language.length() > 80 ? language.substring(0, 80) + "…" : language;
        return new FieldProblem(where.field(),
                where.zh() + "使用了表达式语言「" + shown + "」：只接受 FEEL（请删除 " + attribute + " 属性或改为 FEEL）",
                where.en() + " uses the expression language '" + shown + "': only FEEL is accepted (remove the "
                        + attribute + " attribute or set it to FEEL)");
    }

    private record Where(String field, String zh, String en) {
    }

    /** The field names follow the rules page's validator: {@code <decision>.inputs.<input>}, {@code rules.<rule>.<column>}. */
    private static Where where(Element element, String attribute) {
        String tag = localName(element);
        Element parent = element.getParentNode() instanceof Element p ? p : null;
        String decision = idOf(ancestor(element, "decision"));
        switch (tag) {
            case "definitions" -> {
                return new Where(attribute, "决策文件（definitions）的默认设置", "The file's default (definitions)");
            }
            case "inputExpression" -> {
                String input = idOf(parent);
                return new Where(decision + ".inputs." + input, "决策 " + decision + " 输入列 " + input + " 的表达式",
                        "The expression of input column " + input + " of decision " + decision);
            }
            case "inputEntry", "outputEntry" -> {
                String rule = idOf(parent);
                String column = columnOf(element, tag);
                String kind = "inputEntry".equals(tag) ? "输入" : "输出";
                return new Where("rules." + rule + "." + column, "决策 " + decision + " 规则 " + rule + " 的" + kind + "单元格（" + column + "）",
                        "The " + ("inputEntry".equals(tag) ? "input" : "output") + " cell (" + column + ") of rule " + rule
                                + " of decision " + decision);
            }
            case "literalExpression" -> {
                if (parent != null && "decision".equals(localName(parent))) {
                    return new Where(decision + ".literalExpression", "决策 " + decision + " 的文字表达式",
                            "The literal expression of decision " + decision);
                }
                String owner = nearestId(element);
                return new Where(owner + "." + tag, "元素 " + owner + " 中的表达式", "An expression in element " + owner);
            }
            default -> {
                String owner = nearestId(element);
                return new Where(owner + "." + tag, "元素 " + owner + " 的 " + tag, "The " + tag + " of element " + owner);
            }
        }
    }

    /** The id of the input or output column of an entry: the entry's position among its rule's entries of that kind. */
    private static String columnOf(Element entry, String tag) {
        int index = 0;
        for (Node n = entry.getPreviousSibling(); n != null; n = n.getPreviousSibling()) {
            if (n instanceof Element e && tag.equals(localName(e))) {
                index++;
            }
        }
        Element table = ancestor(entry, "decisionTable");
        String columnTag = "inputEntry".equals(tag) ? "input" : "output";
        int seen = 0;
        if (table != null) {
            for (Node n = table.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && columnTag.equals(localName(e)) && seen++ == index) {
                    return idOf(e);
                }
            }
        }
        return columnTag + (index + 1);
    }

    private static Element ancestor(Element element, String tag) {
        for (Node n = element; n != null; n = n.getParentNode()) {
            if (n instanceof Element e && tag.equals(localName(e))) {
                return e;
            }
        }
        return null;
    }

    private static String nearestId(Element element) {
        for (Node n = element; n != null; n = n.getParentNode()) {
            if (n instanceof Element e && !e.getAttribute("id").isEmpty()) {
                return e.getAttribute("id");
            }
        }
        return "definitions";
    }

    private static String idOf(Element element) {
        return element == null || element.getAttribute("id").isEmpty() ? "?" : element.getAttribute("id");
    }

    private static String localName(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    /**
     * Refuses, at parse/deploy time, a decision whose model names another language anywhere, and (in case
     * the model check ever misses a spelling) one whose transformed expressions resolved to another language.
     */
    static final class Listener implements DmnTransformListener {

        @Override
        public void transformDecision(Decision decision, DmnDecision dmnDecision) {
            check((DmnModelInstance) decision.getModelInstance());
            List<FieldProblem> problems = new ArrayList<>();
            if (dmnDecision.getDecisionLogic() instanceof DmnDecisionTableImpl table) {
                for (DmnDecisionTableInputImpl input : table.getInputs()) {
                    resolved(input.getExpression(), dmnDecision.getKey() + ".inputs." + input.getId(), problems);
                }
                for (DmnDecisionTableRuleImpl rule : table.getRules()) {
                    rule.getConditions().forEach(c -> resolved(c, "rules." + rule.getId(), problems));
                    rule.getConclusions().forEach(c -> resolved(c, "rules." + rule.getId(), problems));
                }
            } else if (dmnDecision.getDecisionLogic() instanceof DmnDecisionLiteralExpressionImpl literal) {
                resolved(literal.getExpression(), dmnDecision.getKey() + ".literalExpression", problems);
            }
            if (!problems.isEmpty()) {
                throw refusal(problems);
            }
        }

        private static void resolved(DmnExpressionImpl expression, String field, List<FieldProblem> problems) {
            String language = expression == null ? null : expression.getExpressionLanguage();
            if (language != null && !isFeel(language)) {
                problems.add(new FieldProblem(field, field + " 使用了表达式语言「" + language + "」：只接受 FEEL",
                        field + " uses the expression language '" + language + "': only FEEL is accepted"));
            }
        }

        @Override
        public void transformDecisionTableInput(Input input, DmnDecisionTableInputImpl dmnInput) {
        }

        @Override
        public void transformDecisionTableOutput(Output output, DmnDecisionTableOutputImpl dmnOutput) {
        }

        @Override
        public void transformDecisionTableRule(Rule rule, DmnDecisionTableRuleImpl dmnRule) {
        }

        @Override
        public void transformDecisionRequirementsGraph(Definitions definitions, DmnDecisionRequirementsGraph graph) {
            check((DmnModelInstance) definitions.getModelInstance());
        }
    }
}
