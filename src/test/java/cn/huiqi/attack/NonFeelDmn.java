package cn.huiqi.attack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * DMN that names an expression language other than FEEL, each in one place, made from a FEEL table by
 * editing its XML as an attacker would (first input expression, input entry, output entry, the definitions'
 * default, a literal-expression decision, …). Every script carries the issue's payload: it touches
 * {@code marker} when evaluated.
 */
public final class NonFeelDmn {

    public record Variant(String name, String xml) {
        @Override
        public String toString() {
            return name;
        }
    }

    private NonFeelDmn() {
    }

    /** The issue's JUEL payload: runs {@code touch marker} and answers {@code orderAmount}. */
    public static String juel(Path marker) {
        return "${\"\".getClass().forName(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null).exec(\"touch "
                + marker + "\") != null ? orderAmount : orderAmount}";
    }

    static String script(String language, Path marker) {
        return switch (language.toLowerCase()) {
            case "juel" -> juel(marker);
            case "groovy" -> "\"touch " + marker + "\".execute(); orderAmount";
            case "javascript", "ecmascript", "nashorn" -> "java.lang.Runtime.getRuntime().exec(\"touch " + marker + "\"); orderAmount";
            case "python" -> "__import__('os').system('touch " + marker + "')";
            case "jruby" -> "`touch " + marker + "`; orderAmount";
            default -> juel(marker);
        };
    }

    /** Every variant of {@code xml} (a FEEL decision table) that must be refused. */
    public static List<Variant> of(String xml, Path marker) {
        List<Variant> variants = new ArrayList<>();
        for (String language : List.of("juel", "JUEL", "groovy", "javascript", "ecmascript", "python", "jruby", "Feel1", "")) {
            variants.add(new Variant("input expression in '" + language + "'",
                    setText(addAttribute(xml, "<inputExpression", "expressionLanguage", language), "<inputExpression",
                            script(language, marker))));
        }
        variants.add(new Variant("input entry in 'juel'", setText(addAttribute(xml, "<inputEntry", "expressionLanguage", "juel"),
                "<inputEntry", juel(marker).replace("? orderAmount : orderAmount", "? true : true"))));
        variants.add(new Variant("output entry in 'juel'", setText(addAttribute(xml, "<outputEntry", "expressionLanguage", "juel"),
                "<outputEntry", juel(marker))));
        variants.add(new Variant("output entry in 'groovy'", setText(addAttribute(xml, "<outputEntry", "expressionLanguage", "groovy"),
                "<outputEntry", script("groovy", marker))));
        variants.add(new Variant("definitions default 'juel', input expression without attribute",
                setText(addAttribute(xml, "<definitions", "expressionLanguage", "juel"), "<inputExpression", juel(marker))));
        variants.add(new Variant("definitions default 'javascript'", addAttribute(xml, "<definitions", "expressionLanguage", "javascript")));
        variants.add(new Variant("definitions typeLanguage 'groovy'", addAttribute(xml, "<definitions", "typeLanguage", "groovy")));
        variants.add(new Variant("literal-expression decision in 'juel'", literalDecision(xml, " expressionLanguage=\"juel\"", juel(marker))));
        variants.add(new Variant("literal-expression decision, definitions default 'juel'",
                literalDecision(addAttribute(xml, "<definitions", "expressionLanguage", "juel"), "", juel(marker))));
        return variants;
    }

    /** {@code xml} with {@code name="value"} added to the first element that starts with {@code tag}. */
    public static String addAttribute(String xml, String tag, String name, String value) {
        int at = xml.indexOf(tag + " ");
        if (at < 0) {
            at = xml.indexOf(tag + ">");
        }
        if (at < 0) {
            throw new IllegalArgumentException(tag + " not in the table");
        }
        int insert = at + tag.length();
        return xml.substring(0, insert) + " " + name + "=\"" + escape(value) + "\"" + xml.substring(insert);
    }

    /** {@code xml} with the text of the first element that starts with {@code tag} replaced. */
    public static String setText(String xml, String tag, String text) {
        int at = xml.indexOf(tag);
        int open = xml.indexOf("<text>", at) + "<text>".length();
        int close = xml.indexOf("</text>", open);
        return xml.substring(0, open) + escape(text) + xml.substring(close);
    }

    /** The first decision's table replaced by a literal expression (a variable named like the table's first output). */
    static String literalDecision(String xml, String attributes, String expression) {
        int start = xml.indexOf("<decisionTable");
        int end = xml.indexOf("</decisionTable>") + "</decisionTable>".length();
        String literal = "<variable name=\"rewardAmount\" />\n      <literalExpression id=\"attack-literal\"" + attributes + "><text>"
                + escape(expression) + "</text></literalExpression>";
        return xml.substring(0, start) + literal + xml.substring(end);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A one-rule FEEL table of its own key, for deployments through the engine's API. */
    public static String standalone(String key) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                             id="%1$s-definitions" name="%1$s" namespace="http://huiqi.cn/attack">
                  <decision id="%1$s" name="%1$s" camunda:historyTimeToLive="P1D">
                    <decisionTable id="%1$s-table">
                      <input id="%1$s-input" label="amount">
                        <inputExpression id="%1$s-input-expression"><text>orderAmount</text></inputExpression>
                      </input>
                      <output id="%1$s-output" name="rewardAmount" />
                      <rule id="%1$s-rule">
                        <inputEntry id="%1$s-entry"><text>&gt;= 0</text></inputEntry>
                        <outputEntry id="%1$s-result"><text>orderAmount</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(key);
    }
}
