package cn.huiqi.process;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Hands a rule task's result to the step after it without storing it. A business rule task with no result variable
 * still gives its listeners the engine's result, as the transient {@value #DECISION_RESULT} local to the task; an end
 * listener {@code ${ruleResults.passOn(execution, 'name')}} puts it, transient too, where the next step reads it in the
 * same transaction. That step writes what it needs on the case; the DMN history keeps the evaluation with its inputs.
 */
@Component("ruleResults")
public class RuleResults {

    static final String DECISION_RESULT = "decisionResult";

    public void passOn(DelegateExecution execution, String name) {
        execution.setVariable(name, Variables.untypedValue(execution.getVariableLocal(DECISION_RESULT), true));
    }

    /** The result handed on as {@code name}, which must be one rule's: none or several is the table's error. */
    public static DmnDecisionResult single(DelegateExecution execution, String name, String decisionKey) {
        DmnDecisionResult result = (DmnDecisionResult) execution.getVariable(name);
        if (result == null || result.isEmpty()) {
            throw new IllegalStateException("decision '" + decisionKey + "' matched no rule for case " + execution.getProcessBusinessKey());
        }
        if (result.size() > 1) {
            throw new IllegalStateException("decision '" + decisionKey + "' matched " + result.size() + " rules for case "
                    + execution.getProcessBusinessKey() + ": the table answers one rule");
        }
        return result;
    }
}
