package cn.huiqi.evaluation;

import org.springframework.stereotype.Component;

import cn.huiqi.process.RuleVersions;

/** The versions of the two evaluation tables in force now, for a round to pin (the ranking then uses exactly those). */
@Component
public class EvaluationRules {

    private final RuleVersions ruleVersions;

    EvaluationRules(RuleVersions ruleVersions) {
        this.ruleVersions = ruleVersions;
    }

    public RankingApi.DecisionVersions inForce() {
        return new RankingApi.DecisionVersions(ruleVersions.latest(ScoringDecisions.SCORE).getVersion(),
                ruleVersions.latest(ScoringDecisions.AWARD).getVersion());
    }
}
