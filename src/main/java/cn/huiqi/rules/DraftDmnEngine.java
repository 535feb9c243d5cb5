package cn.huiqi.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.springframework.stereotype.Component;

import cn.huiqi.process.FeelOnlyDmn;

/**
 * A standalone DMN engine for drafts (validation and what-if): the same FEEL engine and defaults as the
 * process engine's, but nothing is deployed, no history is written and no metrics are counted, so a
 * what-if leaves no trace in Cockpit. FEEL-only like the process engine's ({@link FeelOnlyDmn}): a draft
 * naming another expression language is refused when parsed, before anything is evaluated. (Held by a
 * component, not exposed as a DmnEngine bean.) {@link #matchedRules} tells which rules an evaluation matched
 * (the application preview labels a default rate by the matched rule's description). Built on first use, not at
 * start-up: building a FEEL engine is a noticeable part of the app's start.
 */
@Component
class DraftDmnEngine {

    private final ThreadLocal<List<String>> matched = new ThreadLocal<>();
    private volatile DmnEngine engine;

    DmnEngine get() {
        DmnEngine built = engine;
        if (built == null) {
            synchronized (this) {
                built = engine;
                if (built == null) {
                    DefaultDmnEngineConfiguration configuration = FeelOnlyDmn.configure(
                            (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration());
                    configuration.setCustomPostDecisionEvaluationListeners(new ArrayList<>(List.of(new MatchedRules())));
                    built = configuration.buildEngine();
                    engine = built;
                }
            }
        }
        return built;
    }

    /** Runs an evaluation and answers the ids of the decision-table rules it matched. */
    <T> Matched<T> matchedRules(Supplier<T> evaluation) {
        List<String> ids = new ArrayList<>();
        matched.set(ids);
        try {
            return new Matched<>(evaluation.get(), List.copyOf(ids));
        } finally {
            matched.remove();
        }
    }

    record Matched<T>(T result, List<String> ruleIds) {
    }

    private final class MatchedRules implements DmnDecisionEvaluationListener {

        @Override
        public void notify(DmnDecisionEvaluationEvent event) {
            List<String> ids = matched.get();
            if (ids != null && event.getDecisionResult() instanceof DmnDecisionTableEvaluationEvent table) {
                table.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(ids::add);
            }
        }
    }
}
