package cn.huiqi.orderreward;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseTimeline;
import cn.huiqi.claim.RewardClaim;
import cn.huiqi.claim.RewardClaims;
import cn.huiqi.process.EngineAsSystem;
import cn.huiqi.process.RuleVersions;
import cn.huiqi.review.RewardDecisions;

/**
 * Decides a measure 1 case again on its verified orders: pins the version of {@code order-reward} in
 * force for the case (its round's pinned version, else the latest, as a rule task does), evaluates it on the counted orders, and records result, key, version
 * and definition on the case with a timeline line. The amount recorded is what the fund reserves at
 * city approval. When every order was accepted and the claim still holds the submission's decision by the version in
 * force, the table would answer the same on the same inputs: the decision is confirmed on the timeline, not evaluated
 * again (no second DMN evaluation and history for the same answer), from what the claim holds: whether its decision is
 * the submission's, and the version its round pins (read with it), so neither the timeline nor the pin is read for it.
 * Runs as the system: the verifier's own engine rights do not include evaluating tables.
 */
@Component
class OrderRedecision {

    static final String DECISION_KEY = "order-reward";

    private final RuleVersions ruleVersions;
    private final DecisionService decisionService;
    private final RewardDecisions rewardDecisions;
    private final EngineAsSystem system;
    private final RewardClaims claims;
    private final CaseTimeline timeline;

    OrderRedecision(RuleVersions ruleVersions, DecisionService decisionService,
                    RewardDecisions rewardDecisions, EngineAsSystem system, RewardClaims claims, CaseTimeline timeline) {
        this.claims = claims;
        this.timeline = timeline;
        this.ruleVersions = ruleVersions;
        this.decisionService = decisionService;
        this.rewardDecisions = rewardDecisions;
        this.system = system;
    }

    /**
     * Answers whether the case is eligible on its counted orders ({@code caseOrders}: all of the case's, as the caller
     * just verified them); {@code why} names the step for the timeline.
     */
    boolean redecide(CaseRecord caseRecord, List<M1Order> caseOrders, String why) {
        CountedOrders counted = CountedOrders.of(caseOrders);
        return system.call(() -> {
            RewardClaim claim = claims.of(caseRecord);
            if (decidedOnTheseOrders(claim, caseOrders)) {
                // the same version on the same inputs answers the same: the decision at submission stands
                timeline.record(caseRecord, "RULE_CONFIRMED_ELIGIBLE",
                        DECISION_KEY + " v" + claim.getDecisionVersion() + "：" + why + "，核实认可全部订单（" + counted.describe()
                                + "），提交时的认定不变 / every order accepted, the decision at submission stands");
                return true;
            }
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

    /**
     * Whether the claim's eligible decision was taken by the version in force on exactly these orders: every order
     * counts (none was not accepted), so the inputs are the submission's; the claim still holds the rule task's
     * decision at submission (no re-decision, re-evaluation or round re-decision since: one may have counted fewer
     * orders); and its version is the one in force for the case: its round's pin, as read with the claim (a round
     * re-pinned since — its cases re-decided, or kept and flagged — pins another), else the latest.
     */
    private boolean decidedOnTheseOrders(RewardClaim claim, List<M1Order> caseOrders) {
        if (!caseOrders.stream().allMatch(M1Order::counts) || !claim.isDecidedAtSubmission() || !Boolean.TRUE.equals(claim.getEligible())
                || !DECISION_KEY.equals(claim.getDecisionKey()) || claim.getDecisionVersion() == null) {
            return false;
        }
        Integer pinned = claim.getRoundPinnedVersion();
        int inForce = pinned != null ? pinned : ruleVersions.latest(DECISION_KEY).getVersion();
        return claim.getDecisionVersion() == inForce;
    }
}
