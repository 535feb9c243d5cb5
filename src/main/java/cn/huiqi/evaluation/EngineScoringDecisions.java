package cn.huiqi.evaluation;

import java.math.BigDecimal;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

import cn.huiqi.process.EngineAsSystem;

/**
 * {@link ScoringDecisions} through the engine's DecisionService, by key and the given version, as the system (the
 * caller's rights were checked before; evaluating a table is not a right of its own).
 */
@Component
class EngineScoringDecisions implements ScoringDecisions {

    private final DecisionService decisionService;
    private final EngineAsSystem system;

    EngineScoringDecisions(DecisionService decisionService, EngineAsSystem system) {
        this.decisionService = decisionService;
        this.system = system;
    }

    @Override
    public BigDecimal score(int version, String indicator, IndicatorDirection direction, BigDecimal figure, BigDecimal target) {
        return single(SCORE, version, Map.of("indicator", indicator, "direction", direction.name(), "figure", figure, "target", target),
                "score");
    }

    @Override
    public BigDecimal award(int version, String measure, EvaluationGroup group, int rank) {
        return single(AWARD, version, Map.of("measure", measure, "group", group.name(), "rank", rank), "awardAmount");
    }

    private BigDecimal single(String key, int version, Map<String, Object> variables, String output) {
        DmnDecisionResult result = system.call(() -> decisionService.evaluateDecisionByKey(key).version(version)
                .variables(new java.util.HashMap<>(variables)).evaluate());
        return result.isEmpty() ? null : ScoringDecisions.exact(result.getSingleResult().getEntry(output));
    }
}
