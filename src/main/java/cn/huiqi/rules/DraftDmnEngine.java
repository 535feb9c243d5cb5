package cn.huiqi.rules;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.springframework.stereotype.Component;

import cn.huiqi.process.FeelOnlyDmn;

/**
 * A standalone DMN engine for drafts (validation and what-if): the same FEEL engine and defaults as the
 * process engine's, but nothing is deployed, no history is written and no metrics are counted, so a
 * what-if leaves no trace in Cockpit. FEEL-only like the process engine's ({@link FeelOnlyDmn}): a draft
 * naming another expression language is refused when parsed, before anything is evaluated. (Held by a
 * component, not exposed as a DmnEngine bean.) Built on first use, not at start-up: only staff drafting or
 * comparing rules need it, and building a FEEL engine is a noticeable part of the app's start.
 */
@Component
class DraftDmnEngine {

    private volatile DmnEngine engine;

    DmnEngine get() {
        DmnEngine built = engine;
        if (built == null) {
            synchronized (this) {
                built = engine;
                if (built == null) {
                    built = FeelOnlyDmn.configure(
                            (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration()).buildEngine();
                    engine = built;
                }
            }
        }
        return built;
    }
}
