package cn.huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DMN demand-routing (measure 7, issue 17 item 2): every category × scope and every utility with all its outputs, the
 * labelled defaults, and no match for what the table does not know (the caller refuses that demand with a 400).
 */
class DemandRoutingDecisionTest {

    private static final String KEY = RuleKinds.DEMAND_ROUTING;
    private static final List<String> CATEGORIES = List.of("RECRUITMENT", "FINANCING", "LAND", "UTILITIES", "LOGISTICS", "APPROVAL",
            "POLICY", "INNOVATION", "MARKET", "SAFETY_ENV", "OTHER");

    private static DmnEngine engine;
    private static DmnDecision decision;
    private static DmnModelInstance model;

    @BeforeAll
    static void parse() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        model = Dmn.readModelFromStream(Files.newInputStream(Path.of("dmn", KEY + ".dmn")));
        decision = engine.parseDecision(KEY, model);
    }

    @ParameterizedTest(name = "{0} × {1} → {2}, {3}+{4} 个工作日, gxj 协调 {5}")
    @CsvSource({
            // category,  scope,    unit,      handling, extension, coordinatedByGxj
            "RECRUITMENT, LOCALITY, locality,  10, 5,  false",
            "RECRUITMENT, CITY,     rsj,       10, 5,  false",
            "FINANCING,   LOCALITY, locality,  10, 5,  false",
            "FINANCING,   CITY,     jrb,       10, 5,  false",
            "LAND,        LOCALITY, locality,  30, 15, false",
            "LAND,        CITY,     zrzyj,     30, 15, true",
            "LOGISTICS,   LOCALITY, locality,  10, 5,  false",
            "LOGISTICS,   CITY,     jtj,       10, 5,  false",
            "APPROVAL,    LOCALITY, locality,  10, 5,  false",
            "APPROVAL,    CITY,     xzspj,     30, 15, true",
            "POLICY,      LOCALITY, locality,  3,  5,  false",
            "POLICY,      CITY,     gxj,       3,  5,  false",
            "INNOVATION,  LOCALITY, locality,  10, 5,  false",
            "INNOVATION,  CITY,     kjj,       10, 5,  false",
            "MARKET,      LOCALITY, locality,  10, 5,  false",
            "MARKET,      CITY,     gxj,       10, 5,  false",
            "SAFETY_ENV,  LOCALITY, locality,  10, 5,  false",
            "SAFETY_ENV,  CITY,     sthjj,     10, 5,  true",
            "OTHER,       LOCALITY, locality,  10, 5,  false",
            "OTHER,       CITY,     gxj,       10, 5,  true",
    })
    void eachCategoryAndScopeHasItsUnitAndLimits(String category, String scope, String unit, int handlingDays, int extensionDays,
                                                 boolean coordinatedByGxj) {
        // the utility input is ignored outside UTILITIES, whatever the caller passes
        for (String utility : new String[] {null, "-", "ELECTRICITY"}) {
            DmnDecisionResultEntries result = evaluate(category, scope, utility);
            assertOutputs(result, unit, handlingDays, extensionDays, coordinatedByGxj);
        }
    }

    @ParameterizedTest(name = "UTILITIES {0} ({1}) → {2}")
    @CsvSource({"ELECTRICITY, LOCALITY, power", "ELECTRICITY, CITY, power", "WATER, LOCALITY, water", "WATER, CITY, water",
            "GAS, LOCALITY, gas", "GAS, CITY, gas"})
    void eachUtilityGoesToItsLiaisonUnitAtEitherScope(String utility, String scope, String unit) {
        assertOutputs(evaluate("UTILITIES", scope, utility), unit, 10, 5, false);
    }

    @ParameterizedTest(name = "{0} / {1} / {2} → 无结果")
    @CsvSource(value = {"NO_SUCH, CITY, null", "recruitment, CITY, null", "'', LOCALITY, null", "null, CITY, null",
            "RECRUITMENT, PROVINCE, null", "RECRUITMENT, null, null", "UTILITIES, CITY, null", "UTILITIES, LOCALITY, HEATING",
            "UTILITIES, CITY, electricity"}, nullValues = "null")
    void whatTheTableDoesNotKnowMatchesNoRule(String category, String scope, String utility) {
        assertThat(result(category, scope, utility)).isEmpty();
    }

    @Test
    void everyRowIsReachedExactlyOnceAndTheHitPolicyIsUnique() {
        DecisionTable table = (DecisionTable) ((Decision) model.getModelElementById(KEY)).getExpression();
        assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.UNIQUE);
        Set<String> rules = table.getRules().stream().map(Rule::getId).collect(Collectors.toSet());
        assertThat(rules).hasSize(CATEGORIES.size() * 2 - 2 + 3);
        Set<String> reached = new java.util.HashSet<>();
        for (String category : CATEGORIES) {
            for (String scope : List.of("LOCALITY", "CITY")) {
                for (String utility : category.equals("UTILITIES") ? List.of("ELECTRICITY", "WATER", "GAS") : List.of("-")) {
                    DmnDecisionResult result = result(category, scope, utility);
                    assertThat(result).as(category + "/" + scope + "/" + utility).hasSize(1); // UNIQUE would throw on two
                    reached.add(matchedRule(category, scope, utility));
                }
            }
        }
        assertThat(reached).isEqualTo(rules);
    }

    @Test
    void everyFigureIsALabelledDefaultAndTheTableSaysSo() {
        Decision d = (Decision) model.getModelElementById(KEY);
        String description = d.getDescription().getTextContent();
        assertThat(description).contains("洪府办发〔2023〕81号 第7条").contains("系统默认值，待政策部门确认").contains("DEFAULT")
                .contains("\"locality\"").contains("SATISFIED");
        for (Rule rule : d.getModelInstance().getModelElementsByType(Rule.class)) {
            assertThat(rule.getDescription().getTextContent()).as(rule.getId()).contains("系统默认值，待政策部门确认");
        }
        // the rules page marks each sentence as a labelled default and names the units in Chinese
        Map<String, String> names = Map.of("rsj", "市人力资源和社会保障局", "gxj", "市工信局", "power", "国网南昌供电公司");
        List<RuleSentences.Sentence> sentences = RuleSentences.of(TableView.of(model, KEY), names::get);
        assertThat(sentences).hasSize(23).allSatisfy(s -> assertThat(s.labelledDefault()).isTrue());
        Map<String, String> byRule = sentences.stream().collect(Collectors.toMap(RuleSentences.Sentence::ruleId, RuleSentences.Sentence::text));
        assertThat(byRule.get("rule-recruitment-city")).isEqualTo("诉求类别为用工招工，层面为市级层面：办理单位为市人力资源和社会保障局；"
                + "受理时限为1个工作日；办理时限为10个工作日；一次延期为5个工作日；回访评价期为5个工作日；市工信局统筹协调：否；"
                + "回访期满未评价的结果为满意（系统默认值，待确认）");
        assertThat(byRule.get("rule-policy-locality")).startsWith("诉求类别为政策咨询与兑现，层面为属地层面：办理单位为企业所在地的属地单位；")
                .contains("办理时限为3个工作日");
        assertThat(byRule.get("rule-utilities-electricity")).startsWith("诉求类别为水电气要素保障，水电气类型为供电：办理单位为国网南昌供电公司；");
    }

    private static void assertOutputs(DmnDecisionResultEntries result, String unit, int handlingDays, int extensionDays,
                                      boolean coordinatedByGxj) {
        assertThat((String) result.getEntry("unit")).isEqualTo(unit);
        assertThat(((Number) result.getEntry("acceptDays")).intValue()).isEqualTo(1);
        assertThat(((Number) result.getEntry("handlingDays")).intValue()).isEqualTo(handlingDays);
        assertThat(((Number) result.getEntry("extensionDays")).intValue()).isEqualTo(extensionDays);
        assertThat(((Number) result.getEntry("revisitDays")).intValue()).isEqualTo(5);
        assertThat((Boolean) result.getEntry("coordinatedByGxj")).isEqualTo(coordinatedByGxj);
        assertThat((String) result.getEntry("silenceMeans")).isEqualTo("SATISFIED");
        assertThat(result.keySet()).containsExactlyInAnyOrder("unit", "acceptDays", "handlingDays", "extensionDays", "revisitDays",
                "coordinatedByGxj", "silenceMeans");
    }

    private static DmnDecisionResultEntries evaluate(String category, String scope, String utility) {
        DmnDecisionResult result = result(category, scope, utility);
        assertThat(result).as("UNIQUE: exactly one rule for %s/%s/%s", category, scope, utility).hasSize(1);
        return result.getSingleResult();
    }

    private static DmnDecisionResult result(String category, String scope, String utility) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("category", category);
        variables.put("scope", scope);
        variables.put("utility", utility);
        return engine.evaluateDecision(decision, variables);
    }

    /** The id of the one rule whose input entries match, found by evaluating each rule alone. */
    private static String matchedRule(String category, String scope, String utility) {
        DecisionTable table = (DecisionTable) ((Decision) model.getModelElementById(KEY)).getExpression();
        List<String> matched = new java.util.ArrayList<>();
        for (Rule rule : table.getRules()) {
            String c = rule.getInputEntries().stream().toList().get(0).getText().getTextContent().strip();
            String s = rule.getInputEntries().stream().toList().get(1).getText().getTextContent().strip();
            String u = rule.getInputEntries().stream().toList().get(2).getText().getTextContent().strip();
            if (matches(c, category) && matches(s, scope) && matches(u, utility)) {
                matched.add(rule.getId());
            }
        }
        assertThat(matched).as(category + "/" + scope + "/" + utility).hasSize(1);
        return matched.get(0);
    }

    private static boolean matches(String entry, String value) {
        return entry.equals("-") || entry.equals("\"" + value + "\"");
    }
}
