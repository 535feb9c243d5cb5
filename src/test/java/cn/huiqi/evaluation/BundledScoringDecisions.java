package cn.huiqi.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/** The bundled tables of dmn/ in the standalone DMN engine (no Spring): every version is the bundled one. */
final class BundledScoringDecisions implements ScoringDecisions {

    private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final DmnDecision score = load(SCORE);
    private final DmnDecision award = load(AWARD);

    @Override
    public BigDecimal score(int version, String indicator, IndicatorDirection direction, BigDecimal figure, BigDecimal target) {
        return single(score, Map.of("indicator", indicator, "direction", direction.name(), "figure", figure, "target", target), "score");
    }

    @Override
    public BigDecimal award(int version, String measure, EvaluationGroup group, int rank) {
        return single(award, Map.of("measure", measure, "group", group.name(), "rank", rank), "awardAmount");
    }

    /** The bundled tables mark their figures 系统默认值 and nobody confirms them here. */
    @Override
    public boolean provisional(String key, int version) {
        return true;
    }

    private static BigDecimal single(DmnDecision decision, Map<String, Object> variables, String output) {
        DmnDecisionResult result = ENGINE.evaluateDecision(decision, new java.util.HashMap<>(variables));
        return result.isEmpty() ? null : ScoringDecisions.exact(result.getSingleResult().getEntry(output));
    }

    private static DmnDecision load(String key) {
        try (InputStream in = BundledScoringDecisions.class.getClassLoader().getResourceAsStream("dmn/" + key + ".dmn")) {
            return ENGINE.parseDecision(key, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
