package cn.huiqi.evaluation;

import java.math.BigDecimal;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.huiqi.claim.ProvisionalRates;
import cn.huiqi.common.ConflictException;
import cn.huiqi.process.EngineAsSystem;
import cn.huiqi.process.RuleVersions;

/**
 * {@link ScoringDecisions} through the engine's DecisionService: the definition of the key at the given version, as the
 * system (the caller's rights were checked before; evaluating a table is not a right of its own).
 */
@Component
class EngineScoringDecisions implements ScoringDecisions {

    private static final Logger log = LoggerFactory.getLogger(EngineScoringDecisions.class);

    private final DecisionService decisionService;
    private final EngineAsSystem system;
    private final RuleVersions ruleVersions;
    private final ProvisionalRates provisionalRates;
    /** "key:version" → definition id (a deployed version does not change); evaluating by id reads the engine's cache. */
    private final Map<String, String> definitionIds = new java.util.concurrent.ConcurrentHashMap<>();

    EngineScoringDecisions(DecisionService decisionService, EngineAsSystem system, RuleVersions ruleVersions, ProvisionalRates provisionalRates) {
        this.decisionService = decisionService;
        this.system = system;
        this.ruleVersions = ruleVersions;
        this.provisionalRates = provisionalRates;
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

    @Override
    public boolean provisional(String key, int version) {
        return provisionalRates.usesDefaultRates(key, definitionId(key, version)) && provisionalRates.confirmation(key, version).isEmpty();
    }

    private String definitionId(String key, int version) {
        String definitionId = definitionIds.get(key + ":" + version);
        if (definitionId == null) {
            DecisionDefinition definition = system.call(() -> ruleVersions.version(key, version));
            if (definition == null) {
                throw new ConflictException("versions", "规则表 " + key + " 没有第" + version + "版",
                        "Decision table " + key + " has no version " + version);
            }
            definitionId = definition.getId();
            definitionIds.put(key + ":" + version, definitionId);
        }
        return definitionId;
    }

    private BigDecimal single(String key, int version, Map<String, Object> variables, String output) {
        String id = definitionId(key, version);
        DmnDecisionResult result;
        try {
            result = system.call(() -> decisionService.evaluateDecisionById(id).variables(new java.util.HashMap<>(variables)).evaluate());
        } catch (ProcessEngineException | DmnEngineException e) {
            // a staff edit the engine cannot evaluate (e.g. two rules of a UNIQUE table match)
            log.warn("{} v{} cannot decide {}: {}", key, version, variables, e.getMessage());
            throw new ConflictException("versions", "规则表 " + key + " 第" + version + "版无法计算（规则重叠或表达式有误），请在规则管理中检查",
                    "Decision table " + key + " v" + version + " cannot decide (overlapping rules or a broken expression); check it on the rules page");
        }
        return result.isEmpty() ? null : ScoringDecisions.exact(result.getSingleResult().getEntry(output));
    }
}
