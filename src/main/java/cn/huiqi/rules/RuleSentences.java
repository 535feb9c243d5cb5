package cn.huiqi.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.huiqi.common.Money;
import cn.huiqi.claim.ProvisionalRates;

/**
 * Each rule of a decision table as one plain-Chinese sentence, e.g. "最大单笔订单金额5000万元以上（含）、1亿元以下（不含）：
 * 奖励5万元", for people who do not read FEEL (the rules page; the public guide may reuse it). Reads the FEEL shapes the
 * tables use (comparisons, ranges, literals, lists, not(...), "-"); any other cell is shown as its FEEL text, never an error.
 */
public final class RuleSentences {

    /** One rule: its id and row, the sentence, and whether it holds a labelled default ("系统默认值，待确认"). */
    public record Sentence(String ruleId, int index, String text, boolean labelledDefault) {
    }

    static final String DEFAULT_MARK = "（系统默认值，待确认）";

    private static final Pattern COMPARISON = Pattern.compile("^(<=|>=|<|>|=)?\\s*(.+)$");
    private static final Pattern RANGE = Pattern.compile("^([\\[\\]\\(])\\s*(.+?)\\s*\\.\\.\\s*(.+?)\\s*([\\[\\]\\)])$");
    private static final Pattern NUMBER = Pattern.compile("^-?\\d+(\\.\\d+)?$");
    private static final Pattern DATE = Pattern.compile("^date\\(\\s*\"(\\d{4})-(\\d{2})-(\\d{2})\"\\s*\\)$");
    private static final Pattern STRING = Pattern.compile("^\"(.*)\"$", Pattern.DOTALL);
    private static final Pattern CAPPED_RATE = Pattern.compile(
            "^min\\(\\s*round half up\\(\\s*(\\w+)\\s*\\*\\s*([\\d.]+)\\s*,\\s*2\\s*\\)\\s*,\\s*([\\d.]+)\\s*\\)$");
    private static final Map<String, String> WORDS = Map.of("new", "新建项目", "renovation", "技术改造项目");

    private RuleSentences() {
    }

    /** The sentences of every rule of {@code table}; {@code unitName} turns a unit id (routing outputs) into its name. */
    public static List<Sentence> of(TableView table, Function<String, String> unitName) {
        if (table == null) {
            return List.of();
        }
        boolean reward = table.outputs().stream().anyMatch(o -> "eligible".equals(o.expression()));
        List<Sentence> sentences = new ArrayList<>();
        for (TableView.RuleRow rule : table.rules()) {
            List<String> conditions = new ArrayList<>();
            for (int i = 0; i < table.inputs().size() && i < rule.inputEntries().size(); i++) {
                String condition = condition(table.inputs().get(i), rule.inputEntries().get(i).trim());
                if (!condition.isEmpty()) {
                    conditions.add(condition);
                }
            }
            String when = conditions.isEmpty() ? "任何情况" : String.join("，", conditions);
            String then = reward ? rewardOutcome(table, rule) : routingOutcome(table, rule, unitName);
            boolean labelledDefault = rule.description() != null && rule.description().contains(ProvisionalRates.DEFAULT_MARK);
            sentences.add(new Sentence(rule.id(), rule.index(), when + "：" + then + (labelledDefault ? DEFAULT_MARK : ""),
                    labelledDefault));
        }
        return sentences;
    }

    // ---- inputs ----------------------------------------------------------------------------------

    static String condition(TableView.Column column, String feel) {
        if (feel.isEmpty() || feel.equals("-")) {
            return "";
        }
        String label = zh(column.title()).replaceAll("（元[^）]*）", "");
        if ("measure".equals(column.expression())) {
            String described = unary(feel, "", true);
            if (described != null) {
                return described;
            }
        }
        String described = unary(feel, label, false);
        return described != null ? described : label + "满足 " + feel;
    }

    /** null when the shape is not one we read. */
    private static String unary(String feel, String label, boolean bare) {
        if (feel.startsWith("not(") && feel.endsWith(")")) {
            String inner = unary(feel.substring(4, feel.length() - 1).trim(), "", true);
            return inner == null ? null : label + "不是" + inner;
        }
        List<String> alternatives = splitTopLevel(feel);
        if (alternatives.size() > 1) {
            List<String> parts = new ArrayList<>();
            for (String alternative : alternatives) {
                String part = unary(alternative.trim(), "", true);
                if (part == null) {
                    return null;
                }
                parts.add(part);
            }
            return label + (bare ? "" : "为") + String.join("或", parts);
        }
        if (feel.equals("null")) {
            return label + "为空";
        }
        Matcher range = RANGE.matcher(feel);
        if (range.matches()) {
            String low = value(range.group(2));
            String high = value(range.group(3));
            if (low == null || high == null) {
                return null;
            }
            boolean dates = isDate(range.group(2));
            boolean lowIn = range.group(1).equals("[");
            boolean highIn = range.group(4).equals("]");
            if (dates) {
                return label + "在" + low + "至" + high + "之间" + (lowIn && highIn ? "（含首尾两日）" : "");
            }
            return label + low + (lowIn ? "以上（含）" : "以上（不含）") + "、" + high + (highIn ? "以下（含）" : "以下（不含）");
        }
        Matcher comparison = COMPARISON.matcher(feel);
        if (!comparison.matches()) {
            return null;
        }
        String op = comparison.group(1) == null ? "=" : comparison.group(1);
        String operand = comparison.group(2).trim();
        String shown = value(operand);
        if (shown == null) {
            return null;
        }
        if (isDate(operand)) {
            return label + switch (op) {
                case "<" -> "早于" + shown;
                case "<=" -> "不晚于" + shown;
                case ">" -> "晚于" + shown;
                case ">=" -> "不早于" + shown;
                default -> "为" + shown;
            };
        }
        if (NUMBER.matcher(operand).matches() && new BigDecimal(operand).signum() == 0) {
            return label + switch (op) {
                case "<" -> "为负数";
                case "<=" -> "不大于0";
                case ">" -> "大于0";
                case ">=" -> "不小于0";
                default -> "为0";
            };
        }
        return label + switch (op) {
            case "<" -> shown + "以下（不含）";
            case "<=" -> shown + "以下（含）";
            case ">" -> shown + "以上（不含）";
            case ">=" -> shown + "以上（含）";
            default -> (bare ? "" : "为") + shown;
        };
    }

    /** A literal as people read it: amounts in 元/万元/亿元, dates as 2023年7月1日, strings without quotes. */
    private static String value(String literal) {
        Matcher date = DATE.matcher(literal);
        if (date.matches()) {
            LocalDate d = LocalDate.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)), Integer.parseInt(date.group(3)));
            return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
        }
        if (NUMBER.matcher(literal).matches()) {
            return Money.inWords(new BigDecimal(literal));
        }
        Matcher string = STRING.matcher(literal);
        if (string.matches()) {
            String s = string.group(1);
            if (s.matches("M[1-9]")) {
                return "措施" + s.substring(1);
            }
            return WORDS.getOrDefault(s, "“" + s + "”");
        }
        return null;
    }

    private static boolean isDate(String literal) {
        return DATE.matcher(literal).matches();
    }

    /** "a","b" → [a, b]; commas inside quotes or brackets do not split. */
    private static List<String> splitTopLevel(String feel) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < feel.length(); i++) {
            char c = feel.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']')) {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(feel.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(feel.substring(start));
        return parts;
    }

    // ---- outputs ---------------------------------------------------------------------------------

    private static String rewardOutcome(TableView table, TableView.RuleRow rule) {
        String eligible = output(table, rule, "eligible");
        if ("false".equals(eligible)) {
            String reason = output(table, rule, "reason");
            Matcher string = reason == null ? null : STRING.matcher(reason);
            String why = string != null && string.matches() && !string.group(1).isBlank() ? zh(string.group(1)) : null;
            return "不予奖励" + (why == null ? "" : "（" + why + "）");
        }
        String amount = output(table, rule, "rewardAmount");
        if (amount == null) {
            return "符合条件";
        }
        if (NUMBER.matcher(amount).matches()) {
            return "奖励" + Money.inWords(new BigDecimal(amount));
        }
        Matcher capped = CAPPED_RATE.matcher(amount);
        if (capped.matches()) {
            String base = table.inputs().stream().filter(c -> capped.group(1).equals(c.expression())).findFirst()
                    .map(c -> zh(c.title()).replaceAll("（元[^）]*）", "")).orElse(capped.group(1));
            String percent = new BigDecimal(capped.group(2)).movePointRight(2).stripTrailingZeros().toPlainString();
            return "按" + base + "的" + percent + "%奖励（四舍五入到分），最高" + Money.inWords(new BigDecimal(capped.group(3)));
        }
        return "奖励金额按 " + amount + " 计算";
    }

    private static String routingOutcome(TableView table, TableView.RuleRow rule, Function<String, String> unitName) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < table.outputs().size() && i < rule.outputEntries().size(); i++) {
            String label = zh(table.outputs().get(i).title());
            String feel = rule.outputEntries().get(i).trim();
            Matcher string = STRING.matcher(feel);
            if (!string.matches()) {
                parts.add(label + "为 " + feel);
            } else if (string.group(1).isBlank()) {
                parts.add("不设" + label);
            } else {
                parts.add(label + "为" + Arrays.stream(string.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .map(id -> {
                            String name = unitName.apply(id);
                            return name == null ? id : name;
                        }).collect(Collectors.joining("、")));
            }
        }
        return String.join("；", parts);
    }

    private static String output(TableView table, TableView.RuleRow rule, String name) {
        for (int i = 0; i < table.outputs().size() && i < rule.outputEntries().size(); i++) {
            if (name.equals(table.outputs().get(i).expression())) {
                return rule.outputEntries().get(i).trim();
            }
        }
        return null;
    }

    /** The Chinese half of a bilingual "中文 / English" text. */
    private static String zh(String bilingual) {
        int slash = bilingual.indexOf("/ ");
        return (slash < 0 ? bilingual : bilingual.substring(0, slash)).trim();
    }
}
