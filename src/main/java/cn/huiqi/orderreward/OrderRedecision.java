package cn.huiqi.orderreward;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.process.EngineAsSystem;
import cn.huiqi.process.RuleVersions;
import cn.huiqi.review.RewardDecisions;

/**
 * Decides a measure 1 case again on its verified orders: pins the version of {@code order-reward} in
 * force for the case (its round's pinned version, else the latest, as a rule task does), evaluates it on the counted orders, and records result, key, version
 * and definition on the case with a timeline line. The amount recorded is what the fund reserves at
 * city approval. Runs as the system: the verifier's own engine rights do not include evaluating tables.
 */
@Component
class OrderRedecision {

    static final String DECISION_KEY = "order-reward";

    private final M1OrderRepository orders;
    private final RuleVersions ruleVersions;
    private final DecisionService decisionService;
    private final RewardDecisions rewardDecisions;
    private final EngineAsSystem system;

    OrderRedecision(M1OrderRepository orders, RuleVersions ruleVersions, DecisionService decisionService,
                    RewardDecisions rewardDecisions, EngineAsSystem system) {
        this.orders = orders;
        this.ruleVersions = ruleVersions;
        this.decisionService = decisionService;
        this.rewardDecisions = rewardDecisions;
        this.system = system;
    }

    /** Answers whether the case is eligible on its counted orders; {@code why} names the step for the timeline. */
    boolean redecide(CaseRecord caseRecord, String why) {
        List<M1Order> caseOrders = orders.findByCaseIdOrderByLineNo(caseRecord.getId());
        CountedOrders counted = CountedOrders.of(caseOrders);
        return system.call(() -> {
            DecisionDefinition definition = ruleVersions.inForce(caseRecord.getProcessInstanceId(), DECISION_KEY);
            DmnDecisionResult result = decisionService.evaluateDecisionById(definition.getId())
                    .variables(counted.asDecisionInputs()).evaluate();
            if (result.size() != 1) {
                throw new IllegalStateException("decision '" + DECISION_KEY + "' v" + definition.getVersion() + " matched "
                        + result.size() + " rules for case " + caseRecord.getCaseNumber());
            }
            Map<String, Object> entries = result.getSingleResult().getEntryMap();
            return rewardDecisions.recordOn(caseRecord, DECISION_KEY, definition.getVersion(), definition.getId(), entries,
                    "RULE_REDECIDED", why + "，按核实后的订单重新认定（" + counted.describe() + "）：");
        });
    }
}
