package cn.huiqi.rules;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.springframework.stereotype.Component;

/**
 * A standalone DMN engine for drafts (validation and what-if): the same FEEL engine and defaults as the
 * process engine's, but nothing is deployed, no history is written and no metrics are counted, so a
 * what-if leaves no trace in Cockpit. (Held by a component, not exposed as a DmnEngine bean.)
 */
@Component
class DraftDmnEngine {

    private final DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    DmnEngine get() {
        return engine;
    }
}
