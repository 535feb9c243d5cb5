package cn.huiqi.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.ApplicationPreview;
import cn.huiqi.casefile.RewardPreviews;
import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.MeasureCatalogue;
import cn.huiqi.common.Money;
import cn.huiqi.round.Rounds;
import cn.huiqi.claim.ProvisionalRates;

/**
 * The application preview's evaluation: the measure's reward table in the version that decides its open round's
 * cases (the round's pin, else the latest, as {@code process.RuleVersions} decides at the rule task), evaluated
 * exactly as the what-if does ({@link WhatIfRunner#decide}). A rate is a labelled default when the rule that
 * matched says so in its description ({@link ProvisionalRates#DEFAULT_MARK}), as every rate the policy does not publish is described.
 */
@Component
class RewardPreviewer implements RewardPreviews {

    private final MeasureCatalogue catalogue;
    private final Rounds rounds;
    private final RuleRepository repository;
    private final DraftDmnEngine engine;
    private final WhatIfRunner whatIf;

    RewardPreviewer(MeasureCatalogue catalogue, Rounds rounds, RuleRepository repository, DraftDmnEngine engine, WhatIfRunner whatIf) {
        this.catalogue = catalogue;
        this.rounds = rounds;
        this.repository = repository;
        this.engine = engine;
        this.whatIf = whatIf;
    }

    @Override
    public ApplicationPreview preview(String measureId, Map<String, Object> decisionInputs) {
        Measure measure = catalogue.require(measureId);
        String key = measure.ruleTables().get(0);
        Optional<Rounds.OpenRound> round = rounds.openRoundDecidedBy(key);
        RuleRepository.Version version = round.map(Rounds.OpenRound::pinnedVersion).flatMap(v -> repository.find(key, v))
                .orElseGet(() -> repository.versions(key).get(0));
        DmnModelInstance model = TableView.parse(repository.xml(version));
        DmnDecision decision = engine.get().parseDecision(key, model);
        WhatIfRunner.Decided decided = whatIf.decide(decision, decisionInputs);
        WhatIfRunner.Outcome outcome = decided.outcome();
        if (outcome.error() != null) {
            throw new IllegalStateException("decision table " + key + " v" + version.version() + " cannot decide a preview: " + outcome.error());
        }
        boolean qualifies = Boolean.TRUE.equals(outcome.eligible());
        boolean labelledDefault = qualifies && labelledDefault(model, decided.matchedRuleIds());
        return new ApplicationPreview(measureId, qualifies, outcome.amount() == null ? Money.fen(BigDecimal.ZERO) : outcome.amount(),
                decided.reason(), labelledDefault, labelledDefault ? ApplicationPreview.DEFAULT_NOTE : null, key, version.version(),
                round.map(Rounds.OpenRound::name).orElse(null));
    }

    private static boolean labelledDefault(DmnModelInstance model, List<String> ruleIds) {
        return ruleIds.stream().map(id -> model.getModelElementById(id)).filter(Rule.class::isInstance).map(Rule.class::cast)
                .anyMatch(rule -> rule.getDescription() != null && rule.getDescription().getTextContent().contains(ProvisionalRates.DEFAULT_MARK));
    }
}
