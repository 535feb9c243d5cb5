package cn.huiqi.review;

import java.math.BigDecimal;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseOfProcess;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseTimeline;
import cn.huiqi.claim.RewardClaim;
import cn.huiqi.claim.RewardClaims;
import cn.huiqi.common.Money;
import cn.huiqi.process.RuleResults;
import cn.huiqi.process.RuleVersions;

/**
 * Writes what a reward table decided onto the case's reward claim: eligible or not (with the reason), the amount and
 * tier, and which decision key and version decided it. Service task after each measure's rule task:
 * {@code ${rewardDecisions.record(execution, 'order-reward')}}.
 */
@Component("rewardDecisions")
public class RewardDecisions {

    /** The rule task's result as its end listener hands it on ({@code ${ruleResults.passOn(execution, 'rewardDecision')}}). */
    static final String RESULT_VARIABLE = "rewardDecision";

    private final CaseOfProcess caseOfProcess;
    private final CaseTimeline timeline;
    private final RuleVersions ruleVersions;
    private final RewardClaims claims;

    public RewardDecisions(CaseOfProcess caseOfProcess, CaseTimeline timeline, RuleVersions ruleVersions,
                           RewardClaims claims) {
        this.claims = claims;
        this.caseOfProcess = caseOfProcess;
        this.timeline = timeline;
        this.ruleVersions = ruleVersions;
    }

    /**
     * Records what the rule task just before decided on the claim. The process gets {@code eligible} for its gateway,
     * transient (this transaction only), and the amount Tasklist shows and searches; tier and reason are the claim's.
     */
    public void record(DelegateExecution execution, String decisionKey) {
        DmnDecisionResult result = RuleResults.single(execution, RESULT_VARIABLE, decisionKey);
        int version = ((Number) execution.getVariable(RuleVersions.PINNED_VERSION)).intValue();
        String definitionId = ruleVersions.version(decisionKey, version).getId();
        CaseRecord caseRecord = caseOfProcess.of(execution);
        boolean eligible = record(caseRecord, decisionKey, version, definitionId, result.getSingleResult().getEntryMap(), "RULE", "", true);
        execution.setVariable("eligible", Variables.booleanValue(eligible, true));
        execution.setVariable("rewardAmount", Money.format(claims.of(caseRecord).getRewardAmount()));
    }

    /**
     * Records one evaluation's result (eligible, reward, tier, reason; key, version, definition) on the
     * case with a timeline line {@code <action>_ELIGIBLE} / {@code <action>_NOT_ELIGIBLE}; answers eligible.
     * Also for a re-decision on verified facts (action {@code RULE_REDECIDED}, with what it was based on).
     */
    public boolean recordOn(CaseRecord caseRecord, String decisionKey, int version, String definitionId, Map<String, Object> result,
                            String action, String basis) {
        return record(caseRecord, decisionKey, version, definitionId, result, action, basis, false);
    }

    private boolean record(CaseRecord caseRecord, String decisionKey, int version, String definitionId, Map<String, Object> result,
                           String action, String basis, boolean atSubmission) {
        boolean eligible = Boolean.TRUE.equals(result.get("eligible"));
        BigDecimal amount = eligible ? wholeFen(decisionKey, result.get("rewardAmount")) : Money.fen(BigDecimal.ZERO);
        String tier = (String) result.get("tier");
        String reason = eligible ? null : (String) result.get("reason");
        RewardClaim claim = claims.of(caseRecord);
        if (atSubmission) {
            claim.recordSubmissionDecision(decisionKey, version, definitionId, eligible, amount, tier, reason);
        } else {
            claim.recordDecision(decisionKey, version, definitionId, eligible, amount, tier, reason);
        }
        claims.save(claim);
        timeline.record(caseRecord, action + (eligible ? "_ELIGIBLE" : "_NOT_ELIGIBLE"),
                decisionKey + " v" + version + "：" + basis + (eligible
                        ? "符合条件，奖励 " + Money.format(amount) + " 元（" + tier + "） / Eligible, reward CNY " + Money.format(amount)
                        : reason));
        return eligible;
    }

    /**
     * FEEL computes exactly, but Camunda hands a non-integer number back as a Double; its decimal string
     * is the exact amount for any reward in whole fen below 10^13 yuan. A table that forgot to round to
     * the fen is a rule error, not something to round silently here.
     */
    private static BigDecimal wholeFen(String decisionKey, Object rewardAmount) {
        BigDecimal amount = new BigDecimal(rewardAmount.toString());
        if (amount.stripTrailingZeros().scale() > Money.SCALE || amount.signum() < 0) {
            throw new IllegalStateException("decision '" + decisionKey + "' returned " + rewardAmount
                    + ", which is not a non-negative amount in whole fen: round it in the table (round half up(x, 2))");
        }
        return Money.fen(amount);
    }
}
