package cn.huiqi.process;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Fixes which version of a decision table decides a case: the version in force when the rule task
 * starts. The business rule task then evaluates exactly that version (binding "version"), and the
 * case records it.
 */
@Component("ruleVersions")
public class RuleVersions {

    public static final String PINNED_VERSION = "decisionVersion";

    private final RepositoryService repositoryService;

    public RuleVersions(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    /** Execution listener on the rule task's start: {@code ${ruleVersions.pin(execution, 'order-reward')}}. */
    public void pin(DelegateExecution execution, String decisionKey) {
        execution.setVariable(PINNED_VERSION, latest(decisionKey).getVersion());
    }

    public DecisionDefinition latest(String decisionKey) {
        DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey(decisionKey).latestVersion().singleResult();
        if (definition == null) {
            throw new IllegalStateException("decision table '" + decisionKey + "' is not deployed");
        }
        return definition;
    }

    public DecisionDefinition version(String decisionKey, int version) {
        return repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey(decisionKey).decisionDefinitionVersion(version).singleResult();
    }
}
