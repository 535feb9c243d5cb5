package cn.huiqi.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import cn.huiqi.common.Money;
import cn.huiqi.rules.PublishedRules;
import cn.huiqi.rules.TableView;

/**
 * Issue 19 "Must show": the calculator's explanations at the boundaries of every rule of every reward table, the
 * boundary cases generated from the table in force itself (each number in a cell, one fen below and above it; each
 * date, a day before and after it; each string; "no date"), so a rule added on the rules page is covered too. For
 * every combination: the rule that matched is the one whose every cell holds (read here by a small reader of the cell
 * shapes the tables use, independent of the engine), every other rule names exactly its failing cells in plain words
 * (the bound in 万元/亿元), and the amount is the rule's amount to the fen.
 */
class CalculatorBoundariesOnMariaDbTest extends OnGuideDatabase {

    private static final Pattern NUMBER = Pattern.compile("(?<![\\w\"(-])(\\d+(?:\\.\\d+)?)(?![\\w\"-])");
    private static final Pattern DATE = Pattern.compile("date\\(\"(\\d{4}-\\d{2}-\\d{2})\"\\)");
    private static final Pattern STRING = Pattern.compile("^\"([^\"]*)\"$");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Pattern DIFFERENCE = Pattern.compile("^\\s*(\\w+)\\s*-\\s*(\\w+)\\s*$");
    private static final Pattern RANGE = Pattern.compile("^([\\[\\]\\(])\\s*(.+?)\\s*\\.\\.\\s*(.+?)\\s*([\\[\\]\\)])$");
    private static final Pattern COMPARISON = Pattern.compile("^(<=|>=|<|>)\\s*(.+)$");
    private static final Pattern CAPPED = Pattern.compile("^min\\(\\s*round half up\\(\\s*(\\w+)\\s*\\*\\s*([\\d.]+)\\s*,\\s*2\\s*\\)\\s*,\\s*([\\d.]+)\\s*\\)$");
    private static final Set<String> FEEL_WORDS = Set.of("if", "then", "else", "null", "date");

    @Autowired
    PublishedRules rules;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"order-reward", "growth-reward", "investment-reward"})
    void everyBoundaryOfEveryRuleIsExplained(String key) {
        TableView table = rules.versions(key, id -> null).orElseThrow().current().table();
        List<List<Object>> candidates = new ArrayList<>();
        for (int column = 0; column < table.inputs().size(); column++) {
            candidates.add(candidates(table, column));
        }
        int combinations = 0;
        int boundaryChecks = 0;
        for (List<Object> values : product(candidates)) {
            Map<String, Object> inputs = inputs(table, values);
            if (inputs == null) {
                continue;
            }
            combinations++;
            PublishedRules.Calculation calculation = rules.calculate(key, inputs);
            String where = key + " " + inputs;
            TableView.RuleRow matchedRow = null;
            for (TableView.RuleRow row : table.rules()) {
                PublishedRules.RuleCheck check = calculation.rules().stream().filter(r -> r.ruleId().equals(row.id())).findFirst().orElseThrow();
                List<Integer> failing = new ArrayList<>();
                for (int column = 0; column < table.inputs().size(); column++) {
                    if (!holds(row.inputEntries().get(column).trim(), values.get(column))) {
                        failing.add(column);
                    }
                }
                assertThat(check.matched()).as("%s rule %s matched", where, row.id()).isEqualTo(failing.isEmpty());
                assertThat(check.unmet()).as("%s rule %s unmet", where, row.id()).hasSize(failing.size());
                for (int i = 0; i < failing.size(); i++) {
                    String entry = row.inputEntries().get(failing.get(i)).trim();
                    String words = check.unmet().get(i);
                    assertThat(words).as("%s rule %s", where, row.id()).doesNotContain("满足 ");
                    Matcher number = NUMBER.matcher(entry.replaceAll("date\\(\"[^\"]*\"\\)", ""));
                    while (number.find()) {
                        BigDecimal bound = new BigDecimal(number.group(1));
                        if (bound.signum() != 0) {
                            assertThat(words).as("%s rule %s names its bound", where, row.id()).contains(Money.inWords(bound));
                            boundaryChecks++;
                        }
                    }
                }
                if (failing.isEmpty()) {
                    matchedRow = row;
                }
            }
            assertThat(matchedRow).as("%s: one rule holds (hit policy UNIQUE)", where).isNotNull();
            assertThat(calculation.error()).as(where).isNull();
            assertThat(calculation.eligible()).as(where).isEqualTo(Boolean.parseBoolean(output(table, matchedRow, "eligible")));
            if (Boolean.TRUE.equals(calculation.eligible())) {
                assertThat(calculation.amount()).as(where).isEqualByComparingTo(amount(output(table, matchedRow, "rewardAmount"), inputs));
                assertThat(calculation.amount().scale()).as(where).isEqualTo(2);
            }
        }
        assertThat(combinations).as(key).isGreaterThan(table.rules().size());
        assertThat(boundaryChecks).as(key).isPositive();
        System.out.printf("[boundaries] %s v%d: %d rules, %d combinations, %d failing bounds named%n", key,
                rules.versions(key, id -> null).orElseThrow().current().version(), table.rules().size(), combinations, boundaryChecks);
    }

    // ---- cases from the table ----------------------------------------------------------------------

    /** Values for one column: every literal of its cells and its neighbours; BigDecimal, LocalDate, String or null. */
    private static List<Object> candidates(TableView table, int column) {
        Set<Object> values = new LinkedHashSet<>();
        for (TableView.RuleRow row : table.rules()) {
            String entry = row.inputEntries().get(column).trim();
            Matcher date = DATE.matcher(entry);
            boolean dates = false;
            while (date.find()) {
                LocalDate d = LocalDate.parse(date.group(1));
                values.add(d.minusDays(1));
                values.add(d);
                values.add(d.plusDays(1));
                dates = true;
            }
            if (dates || entry.equals("null")) {
                values.add(NULL);
                continue;
            }
            Matcher string = STRING.matcher(entry);
            if (string.matches()) {
                values.add(string.group(1));
                continue;
            }
            for (String alternative : entry.split(",")) {
                Matcher s = STRING.matcher(alternative.trim());
                if (s.matches()) {
                    values.add(s.group(1));
                }
            }
            Matcher number = NUMBER.matcher(entry);
            while (number.find()) {
                BigDecimal n = new BigDecimal(number.group(1)).setScale(2);
                values.add(n.subtract(new BigDecimal("0.01")));
                values.add(n);
                values.add(n.add(new BigDecimal("0.01")));
            }
        }
        if (values.isEmpty()) {
            values.add(ANY);
        }
        return new ArrayList<>(values);
    }

    private static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };
    private static final Object ANY = new Object() {
        @Override
        public String toString() {
            return "any";
        }
    };

    /** The variables the input expressions read; null for a combination no application can make (first date after the last). */
    private static Map<String, Object> inputs(TableView table, List<Object> values) {
        Map<String, Object> inputs = new HashMap<>();
        List<Integer> differences = new ArrayList<>();
        for (int column = 0; column < values.size(); column++) {
            String expression = table.inputs().get(column).expression();
            if (DIFFERENCE.matcher(expression).matches()) {
                differences.add(column);
                continue;
            }
            List<String> names = IDENTIFIER.matcher(expression).results().map(m -> m.group()).filter(n -> !FEEL_WORDS.contains(n)).distinct().toList();
            assertThat(names).as("column %s reads one variable", expression).hasSize(1);
            Object value = values.get(column);
            inputs.put(names.get(0), value == NULL ? null : value == ANY ? BigDecimal.ONE.setScale(2) : value instanceof LocalDate d ? d.toString() : value);
        }
        for (int column : differences) {
            Matcher m = DIFFERENCE.matcher(table.inputs().get(column).expression());
            m.matches();
            Object minuend = inputs.get(m.group(1));
            BigDecimal base = minuend instanceof BigDecimal b ? b : new BigDecimal("800000000.00");
            inputs.put(m.group(1), base);
            BigDecimal difference = values.get(column) instanceof BigDecimal d ? d : BigDecimal.ONE.setScale(2);
            BigDecimal subtrahend = base.subtract(difference);
            if (subtrahend.signum() < 0) {
                return null;
            }
            inputs.put(m.group(2), subtrahend);
        }
        Object earliest = inputs.get("earliestSigningDate");
        Object latest = inputs.get("latestSigningDate");
        if ((earliest == null) != (latest == null) || earliest != null && earliest.toString().compareTo(latest.toString()) > 0) {
            return null;
        }
        if (inputs.containsKey("largestOrderAmount")) {
            inputs.put("totalOrderAmount", inputs.get("largestOrderAmount"));
        }
        return inputs;
    }

    private static List<List<Object>> product(List<List<Object>> lists) {
        List<List<Object>> result = new ArrayList<>();
        result.add(new ArrayList<>());
        for (List<Object> options : lists) {
            List<List<Object>> next = new ArrayList<>();
            for (List<Object> prefix : result) {
                for (Object option : options) {
                    List<Object> extended = new ArrayList<>(prefix);
                    extended.add(option);
                    next.add(extended);
                }
            }
            result = next;
        }
        return result;
    }

    // ---- an independent reader of the cell shapes ------------------------------------------------------

    private static boolean holds(String entry, Object value) {
        if (entry.isEmpty() || entry.equals("-") || value == ANY) {
            return true;
        }
        if (entry.equals("null")) {
            return value == NULL;
        }
        if (value == NULL) {
            return false;
        }
        if (entry.startsWith("\"")) {
            for (String alternative : entry.split(",")) {
                if (alternative.trim().equals("\"" + value + "\"")) {
                    return true;
                }
            }
            return false;
        }
        Matcher range = RANGE.matcher(entry);
        if (range.matches()) {
            int low = compare(value, range.group(2));
            int high = compare(value, range.group(3));
            return (range.group(1).equals("[") ? low >= 0 : low > 0) && (range.group(4).equals("]") ? high <= 0 : high < 0);
        }
        Matcher comparison = COMPARISON.matcher(entry);
        if (comparison.matches()) {
            int c = compare(value, comparison.group(2).trim());
            return switch (comparison.group(1)) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                default -> c >= 0;
            };
        }
        return compare(value, entry) == 0;
    }

    private static int compare(Object value, String literal) {
        Matcher date = DATE.matcher(literal);
        if (date.matches()) {
            return ((LocalDate) value).compareTo(LocalDate.parse(date.group(1)));
        }
        return ((BigDecimal) value).compareTo(new BigDecimal(literal));
    }

    private static String output(TableView table, TableView.RuleRow row, String name) {
        for (int i = 0; i < table.outputs().size(); i++) {
            if (table.outputs().get(i).expression().equals(name)) {
                return row.outputEntries().get(i).trim();
            }
        }
        throw new AssertionError("no output " + name);
    }

    private static BigDecimal amount(String entry, Map<String, Object> inputs) {
        Matcher capped = CAPPED.matcher(entry);
        if (capped.matches()) {
            BigDecimal computed = ((BigDecimal) inputs.get(capped.group(1))).multiply(new BigDecimal(capped.group(2))).setScale(2, RoundingMode.HALF_UP);
            return computed.min(new BigDecimal(capped.group(3)));
        }
        return new BigDecimal(entry);
    }
}
