package cn.huiqi.process;

import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Fixes which version of a decision table decides a case: the version its application round pinned
 * ({@link RulePins}), else the latest when the rule task starts. The business rule task then evaluates
 * exactly that version (binding "version"), and the case records it.
 */
@Component("ruleVersions")
public class RuleVersions {

    public static final String PINNED_VERSION = "decisionVersion";

    private final RepositoryService repositoryService;
    private final SingletonSupplier<RulePins> pins;
    /**
     * Deployed versions by "key:version". A deployed version never changes (a new table is a new version), so every
     * case that asks again (the submission, the locality's confirmation, re-decisions) is answered without a query.
     */
    private final Map<String, DecisionDefinition> deployed = new ConcurrentHashMap<>();

    public RuleVersions(RepositoryService repositoryService, ObjectProvider<RulePins> pins) {
        this.repositoryService = repositoryService;
        this.pins = SingletonSupplier.of(pins::getIfAvailable);
    }

    /** Execution listener on the rule task's start: {@code ${ruleVersions.pin(execution, 'order-reward')}}. */
    public void pin(DelegateExecution execution, String decisionKey) {
        execution.setVariable(PINNED_VERSION, inForce(execution.getProcessInstanceId(), decisionKey).getVersion());
    }

    /** The version that decides the case of this (root) process instance: its round's pin, else the latest. */
    public DecisionDefinition inForce(String processInstanceId, String decisionKey) {
        RulePins rulePins = pins.get();
        OptionalInt pinned = rulePins == null || processInstanceId == null ? OptionalInt.empty()
                : rulePins.pinned(processInstanceId, decisionKey);
        if (pinned.isEmpty()) {
            return latest(decisionKey);
        }
        DecisionDefinition definition = version(decisionKey, pinned.getAsInt());
        if (definition == null) {
            throw new IllegalStateException("decision table '" + decisionKey + "' v" + pinned.getAsInt() + " is pinned but not deployed");
        }
        return definition;
    }

    public DecisionDefinition latest(String decisionKey) {
        DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey(decisionKey).latestVersion().singleResult();
        if (definition == null) {
            throw new IllegalStateException("decision table '" + decisionKey + "' is not deployed");
        }
        return definition;
    }

    /** The deployed version of this table, or null when it is not deployed. */
    public DecisionDefinition version(String decisionKey, int version) {
        String key = decisionKey + ":" + version;
        DecisionDefinition known = deployed.get(key);
        if (known != null) {
            return known;
        }
        DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey(decisionKey).decisionDefinitionVersion(version).singleResult();
        if (definition != null) {
            deployed.put(key, definition);
        }
        return definition;
    }
}
