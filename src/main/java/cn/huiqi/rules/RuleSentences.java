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
    private static final Map<String, String> WORDS = Map.ofEntries(Map.entry("new", "新建项目"), Map.entry("renovation", "技术改造项目"),
            // the locality evaluation's codes (measures 5 and 6, docs/evaluation.md)
            Map.entry("VA_GROWTH", "规上工业增加值增速"), Map.entry("INVEST_GROWTH", "工业投资增速"),
            Map.entry("TECH_INVEST_GROWTH", "技改投资增速"), Map.entry("REVENUE_GROWTH", "规上工业营业收入增速"),
            Map.entry("NEW_ABOVE_SCALE", "新增规上工业企业"), Map.entry("CHAIN_1269", "“1269”产业链工作评价"),
            Map.entry("HIGHER_IS_BETTER", "越大越好"), Map.entry("LOWER_IS_BETTER", "越小越好"),
            Map.entry("DISTRICT", "区组"), Map.entry("COUNTY", "县组"), Map.entry("DEVELOPMENT_ZONE", "开发区组"),
            // demand-routing (measure 7): categories, scopes, utilities, what silence means, the enterprise's locality
            Map.entry("RECRUITMENT", "用工招工"), Map.entry("FINANCING", "融资信贷"), Map.entry("LAND", "用地规划"),
            Map.entry("UTILITIES", "水电气要素保障"), Map.entry("LOGISTICS", "物流运输"), Map.entry("APPROVAL", "审批手续"),
            Map.entry("POLICY", "政策咨询与兑现"), Map.entry("INNOVATION", "技术创新"), Map.entry("MARKET", "市场开拓"),
            Map.entry("SAFETY_ENV", "安全环保"), Map.entry("OTHER", "其他"), Map.entry("LOCALITY", "属地层面"), Map.entry("CITY", "市级层面"),
            Map.entry("ELECTRICITY", "供电"), Map.entry("WATER", "供水"), Map.entry("GAS", "燃气"), Map.entry("SATISFIED", "满意"),
            Map.entry("BASICALLY_SATISFIED", "基本满意"), Map.entry("DISSATISFIED", "不满意"),
            Map.entry(RoutingUnits.LOCALITY, "企业所在地的属地单位"));
    /** A score formula of the evaluation tables: numbers, figure, target, + - * / and brackets. */
    private static final Pattern SCORE_FORMULA = Pattern.compile("^[\\d.\\s()+\\-*/]*(?:(?:figure|target)[\\d.\\s()+\\-*/]*)*$");
    private static final Pattern AT_LEAST_ZERO = Pattern.compile("^max\\(\\s*(.+)\\s*,\\s*0\\s*\\)$");
    private static final Pattern TWO_DECIMALS = Pattern.compile("^round half up\\(\\s*(.+)\\s*,\\s*2\\s*\\)$");

    private RuleSentences() {
    }

    /** The sentences of every rule of {@code table}; {@code unitName} turns a unit id (routing outputs) into its name. */
    public static List<Sentence> of(TableView table, Function<String, String> unitName) {
        if (table == null) {
            return List.of();
        }
        boolean reward = table.outputs().stream().anyMatch(o -> "eligible".equals(o.expression()));
        // the locality evaluation's tables: scores and places are plain numbers, only amounts are money
        boolean evaluation = !reward && table.outputs().stream().anyMatch(o -> "score".equals(o.expression()) || "awardAmount".equals(o.expression()));
        List<Sentence> sentences = new ArrayList<>();
        for (TableView.RuleRow rule : table.rules()) {
            List<String> conditions = new ArrayList<>();
            for (int i = 0; i < table.inputs().size() && i < rule.inputEntries().size(); i++) {
                TableView.Column column = table.inputs().get(i);
                String condition = condition(column, rule.inputEntries().get(i).trim(), !evaluation || zh(column.title()).contains("元"));
                if (!condition.isEmpty()) {
                    conditions.add(condition);
                }
            }
            String when = conditions.isEmpty() ? "任何情况" : String.join("，", conditions);
            String then = reward ? rewardOutcome(table, rule) : evaluation ? evaluationOutcome(table, rule) : routingOutcome(table, rule, unitName);
            boolean labelledDefault = rule.description() != null && rule.description().contains(ProvisionalRates.DEFAULT_MARK);
            sentences.add(new Sentence(rule.id(), rule.index(), when + "：" + then + (labelledDefault ? DEFAULT_MARK : ""),
                    labelledDefault));
        }
        return sentences;
    }

    // ---- inputs ----------------------------------------------------------------------------------

    static String condition(TableView.Column column, String feel) {
        return condition(column, feel, true);
    }

    /** {@code money}: whether the column's numbers are amounts (元/万元/亿元) or plain numbers (scores, places). */
    static String condition(TableView.Column column, String feel, boolean money) {
        if (feel.isEmpty() || feel.equals("-")) {
            return "";
        }
        String label = zh(column.title()).replaceAll("（元[^）]*）", "");
        if ("measure".equals(column.expression())) {
            String described = unary(feel, "", true, money);
            if (described != null) {
                return described;
            }
        }
        String described = unary(feel, label, false, money);
        return described != null ? described : label + "满足 " + feel;
    }

    /** null when the shape is not one we read. */
    private static String unary(String feel, String label, boolean bare, boolean money) {
        if (feel.startsWith("not(") && feel.endsWith(")")) {
            String inner = unary(feel.substring(4, feel.length() - 1).trim(), "", true, money);
            return inner == null ? null : label + "不是" + inner;
        }
        List<String> alternatives = splitTopLevel(feel);
        if (alternatives.size() > 1) {
            List<String> parts = new ArrayList<>();
            for (String alternative : alternatives) {
                String part = unary(alternative.trim(), "", true, money);
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
            String low = value(range.group(2), money);
            String high = value(range.group(3), money);
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
        String shown = value(operand, money);
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
    private static String value(String literal, boolean money) {
        Matcher date = DATE.matcher(literal);
        if (date.matches()) {
            LocalDate d = LocalDate.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)), Integer.parseInt(date.group(3)));
            return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
        }
        if (NUMBER.matcher(literal).matches()) {
            return money ? Money.inWords(new BigDecimal(literal)) : new BigDecimal(literal).stripTrailingZeros().toPlainString();
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

    /** "得20分", "得分 = 15 + (实际值 − 目标值) × 1，保留两位小数（四舍五入），最低0分", "奖励200万元", "不予奖励". */
    private static String evaluationOutcome(TableView table, TableView.RuleRow rule) {
        List<String> parts = new ArrayList<>();
        String award = output(table, rule, "awardAmount");
        if (award != null) {
            boolean number = NUMBER.matcher(award).matches();
            parts.add(!number ? "奖励金额按 " + award + " 计算"
                    : new BigDecimal(award).signum() == 0 ? "不予奖励" : "奖励" + Money.inWords(new BigDecimal(award)));
        }
        String score = output(table, rule, "score");
        if (score != null) {
            String formula = scoreFormula(score);
            parts.add(NUMBER.matcher(score).matches() ? "得" + new BigDecimal(score).stripTrailingZeros().toPlainString() + "分"
                    : formula != null ? "得分 = " + formula : "得分按 " + score + " 计算");
        }
        return String.join("；", parts);
    }

    /** null when the expression is not a plain formula of the figure and the target. */
    private static String scoreFormula(String feel) {
        Matcher atLeastZero = AT_LEAST_ZERO.matcher(feel);
        if (atLeastZero.matches()) {
            String inner = scoreFormula(atLeastZero.group(1).trim());
            return inner == null ? null : inner + "，最低0分";
        }
        Matcher twoDecimals = TWO_DECIMALS.matcher(feel);
        if (twoDecimals.matches()) {
            String inner = scoreFormula(twoDecimals.group(1).trim());
            return inner == null ? null : inner + "，保留两位小数（四舍五入）";
        }
        if (!SCORE_FORMULA.matcher(feel).matches()) {
            return null;
        }
        return feel.replace("figure", "实际值").replace("target", "目标值").replace(" * ", " × ").replace(" / ", " ÷ ").replace(" - ", " − ");
    }

    private static String routingOutcome(TableView table, TableView.RuleRow rule, Function<String, String> unitName) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < table.outputs().size() && i < rule.outputEntries().size(); i++) {
            String label = zh(table.outputs().get(i).title());
            String feel = rule.outputEntries().get(i).trim();
            Matcher string = STRING.matcher(feel);
            if (feel.equals("true") || feel.equals("false")) {
                parts.add(label + "：" + (feel.equals("true") ? "是" : "否"));
            } else if (label.endsWith("（工作日）") && feel.matches("\\d+")) {
                parts.add(label.substring(0, label.length() - "（工作日）".length()) + "为" + feel + "个工作日");
            } else if (!string.matches()) {
                parts.add(label + "为 " + feel);
            } else if (string.group(1).isBlank()) {
                parts.add("不设" + label);
            } else {
                parts.add(label + "为" + Arrays.stream(string.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .map(id -> {
                            String name = unitName.apply(id);
                            return name != null ? name : WORDS.getOrDefault(id, id);
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
