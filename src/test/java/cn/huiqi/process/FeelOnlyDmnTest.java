package cn.huiqi.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.huiqi.attack.NonFeelDmn;
import cn.huiqi.common.FieldProblem;
import cn.huiqi.common.InvalidInputException;

/** The FEEL-only rule on a standalone DMN engine configured as the process engine's is. */
class FeelOnlyDmnTest {

    @TempDir
    Path temp;

    private static final DmnEngine engine = FeelOnlyDmn.configure(
            (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration()).buildEngine();

    @ParameterizedTest
    @ValueSource(strings = {"feel", "FEEL", "Feel", "http://www.omg.org/spec/FEEL/20140401", "http://www.omg.org/spec/DMN/20180521/FEEL/",
            "https://www.omg.org/spec/DMN/20191111/FEEL/", "https://www.omg.org/spec/DMN/20211108/FEEL/",
            "https://www.omg.org/spec/DMN/20230324/FEEL/"})
    void theEnginesSpellingsOfFeelAreFeel(String language) {
        assertThat(FeelOnlyDmn.isFeel(language)).isTrue();
        // and a table in that language is accepted and evaluated as FEEL
        String xml = NonFeelDmn.addAttribute(NonFeelDmn.addAttribute(NonFeelDmn.standalone("t"), "<inputExpression", "expressionLanguage",
                language), "<definitions", "expressionLanguage", language);
        assertThat(evaluate(xml, new BigDecimal("12.50"))).isEqualByComparingTo("12.50");
    }

    @ParameterizedTest
    @ValueSource(strings = {"juel", "JUEL", "groovy", "javascript", "ecmascript", "python", "jruby", "", " feel", "feel ", "feelx",
            "myfeel", "http://www.omg.org/spec/FEEL/20140401/", "https://www.omg.org/spec/DMN/20191111/MODEL/"})
    void everythingElseIsNot(String language) {
        assertThat(FeelOnlyDmn.isFeel(language)).isFalse();
    }

    @Test
    void everyDefaultOfTheConfiguredEngineIsFeel() {
        DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) engine.getConfiguration();
        assertThat(FeelOnlyDmn.isConfigured(configuration)).isTrue();
        // a FEEL-only expression without any attribute evaluates: the defaults are FEEL, not JUEL
        String xml = NonFeelDmn.setText(NonFeelDmn.standalone("t"), "<outputEntry", "if orderAmount > 10 then orderAmount * 2 else 0");
        assertThat(evaluate(xml, new BigDecimal("12.50"))).isEqualByComparingTo("25.00");
    }

    @Test
    void eachNonFeelVariantIsRefusedWhenParsedAndNothingRuns() {
        Path marker = temp.resolve("rce-marker");
        for (NonFeelDmn.Variant variant : NonFeelDmn.of(NonFeelDmn.standalone("t"), marker)) {
            DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(variant.xml().getBytes(StandardCharsets.UTF_8)));
            assertThat(FeelOnlyDmn.problems(model)).as(variant.name()).isNotEmpty();
            assertThatThrownBy(() -> engine.parseDecisions(model)).as(variant.name())
                    .hasRootCauseInstanceOf(InvalidInputException.class).rootCause().hasMessageContaining("FEEL");
        }
        assertThat(marker).doesNotExist();
    }

    @Test
    void theProblemNamesTheCellAndTheLanguage() {
        String xml = NonFeelDmn.addAttribute(NonFeelDmn.standalone("t"), "<inputEntry", "expressionLanguage", "groovy");
        FieldProblem problem = FeelOnlyDmn.problems(parse(xml)).get(0);
        assertThat(problem.field()).isEqualTo("rules.t-rule.t-input");
        assertThat(problem.zh()).contains("groovy").contains("只接受 FEEL");
        assertThat(problem.en()).contains("groovy").contains("only FEEL");

        FieldProblem inputExpression = FeelOnlyDmn.problems(parse(NonFeelDmn.addAttribute(NonFeelDmn.standalone("t"), "<inputExpression",
                "expressionLanguage", "juel"))).get(0);
        assertThat(inputExpression.field()).isEqualTo("t.inputs.t-input");
        FieldProblem outputEntry = FeelOnlyDmn.problems(parse(NonFeelDmn.addAttribute(NonFeelDmn.standalone("t"), "<outputEntry",
                "expressionLanguage", "juel"))).get(0);
        assertThat(outputEntry.field()).isEqualTo("rules.t-rule.t-output");
        FieldProblem definitions = FeelOnlyDmn.problems(parse(NonFeelDmn.addAttribute(NonFeelDmn.standalone("t"), "<definitions",
                "expressionLanguage", "juel"))).get(0);
        assertThat(definitions.field()).isEqualTo("expressionLanguage");
    }

    @Test
    void anAttributeInAnotherNamespaceIsRefusedToo() {
        String xml = NonFeelDmn.standalone("t").replace("<decision id=\"t\"",
                "<decision xmlns:x=\"http://example.org/x\" x:expressionLanguage=\"juel\" id=\"t\"");
        assertThat(FeelOnlyDmn.problems(parse(xml))).extracting(FieldProblem::field).containsExactly("t.decision");
    }

    @Test
    void theIssuesPayloadRunsInAnUnguardedEngineButNotInAGuardedOne() throws Exception {
        Path marker = temp.resolve("unguarded");
        String juel = NonFeelDmn.setText(NonFeelDmn.addAttribute(NonFeelDmn.standalone("t"), "<inputExpression", "expressionLanguage", "juel"),
                "<inputExpression", NonFeelDmn.juel(marker));

        // the control: Camunda's default DMN engine runs it (this is the hole of issue 9, item 1)
        DmnEngine unguarded = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        unguarded.evaluateDecisionTable(unguarded.parseDecisions(parse(juel)).get(0), Map.of("orderAmount", BigDecimal.ONE));
        for (int i = 0; i < 50 && !Files.exists(marker); i++) {
            Thread.sleep(100);
        }
        assertThat(marker).exists();

        Path guardedMarker = temp.resolve("guarded");
        String guardedJuel = juel.replace(marker.toString(), guardedMarker.toString());
        assertThatThrownBy(() -> engine.parseDecisions(parse(guardedJuel))).hasRootCauseInstanceOf(InvalidInputException.class);

        // second line: even with the parse check taken away, the configured engine has no JUEL and no scripts for DMN
        DefaultDmnEngineConfiguration withoutCheck = FeelOnlyDmn.configure(
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration());
        withoutCheck.getTransformer().getTransformListeners().clear();
        DmnEngine bare = withoutCheck.buildEngine();
        DmnDecision decision = bare.parseDecisions(parse(guardedJuel)).get(0);
        assertThatThrownBy(() -> bare.evaluateDecisionTable(decision, Map.of("orderAmount", BigDecimal.ONE)));
        String groovy = NonFeelDmn.setText(NonFeelDmn.addAttribute(NonFeelDmn.standalone("g"), "<inputExpression", "expressionLanguage",
                "groovy"), "<inputExpression", "\"touch " + guardedMarker + "\".execute(); orderAmount");
        DmnDecision scripted = bare.parseDecisions(parse(groovy)).get(0);
        assertThatThrownBy(() -> bare.evaluateDecisionTable(scripted, Map.of("orderAmount", BigDecimal.ONE)));
        Thread.sleep(300);
        assertThat(guardedMarker).doesNotExist();
    }

    private BigDecimal evaluate(String xml, BigDecimal amount) {
        DmnDecision decision = engine.parseDecisions(parse(xml)).get(0);
        Object result = engine.evaluateDecisionTable(decision, Map.of("orderAmount", amount)).getSingleResult().getEntry("rewardAmount");
        return new BigDecimal(result.toString());
    }

    private static DmnModelInstance parse(String xml) {
        return Dmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
