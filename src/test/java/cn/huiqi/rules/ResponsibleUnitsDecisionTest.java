package cn.huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The city units named in each measure's [责任单位：…] line of 洪府办发〔2023〕81号. */
class ResponsibleUnitsDecisionTest {

    private static final String RESOURCE = "dmn/responsible-units.dmn";

    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parseDecision() throws Exception {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = resource()) {
            decision = engine.parseDecision("responsible-units", in);
        }
    }

    @ParameterizedTest(name = "{0}: 审核 {1}，牵头 {2}，拨付 ''{3}''")
    @CsvSource({
            "M1, 'gxj,swj',            gxj, czj", // 市工信局、市商务局
            "M2, gxj,                  gxj, czj", // 市工信局
            "M3, gxj,                  gxj, czj", // 市工信局
            "M4, gxj,                  gxj, ''",  // 市工信局; project library, no money
            "M5, gxj,                  gxj, czj", // 市工信局; award to localities
            "M6, gxj,                  gxj, czj", // 市工信局; award to localities
            "M7, 'gxj,szxbm',          gxj, ''",  // 市工信局、市直相关部门
            "M8, 'jrb,gxj,zxqyj,ctjt', jrb, ''",  // 市金融办、市工信局、市中小企业局、市产投集团
            "M9, 'gxj,czj',            gxj, czj", // 市工信局、市财政局
    })
    void eachMeasureHasTheCityUnitsItsPolicyLineNames(String measure, String reviewUnits, String leadUnit,
            String financeUnit) {
        DmnDecisionResult result = evaluate(measure);

        assertThat(result).hasSize(1);
        DmnDecisionResultEntries units = result.getSingleResult();
        assertThat((String) units.getEntry("reviewUnits")).isEqualTo(reviewUnits);
        assertThat((String) units.getEntry("leadUnit")).isEqualTo(leadUnit);
        assertThat((String) units.getEntry("financeUnit")).isEqualTo(financeUnit);
    }

    @ParameterizedTest(name = "未知措施 ''{0}'' → 无结果")
    @CsvSource({"M10", "M0", "m1", "''"})
    void anUnknownMeasureHasNoResponsibleUnits(String measure) {
        assertThat(evaluate(measure)).isEmpty();
    }

    @Test
    void everyRuleCitesTheResponsibleUnitsLine() throws Exception {
        try (InputStream in = resource()) {
            assertThat(Dmn.readModelFromStream(in).getModelElementsByType(Rule.class))
                    .hasSize(9)
                    .allSatisfy(rule -> assertThat(rule.getDescription().getTextContent()).contains("责任单位"));
        }
    }

    private static DmnDecisionResult evaluate(String measure) {
        return engine.evaluateDecision(decision, Map.of("measure", measure));
    }

    private static InputStream resource() {
        return ResponsibleUnitsDecisionTest.class.getClassLoader().getResourceAsStream(RESOURCE);
    }
}
