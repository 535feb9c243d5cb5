package cn.huiqi.casefile;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

import cn.huiqi.enterprise.Enterprise;

/**
 * First step of every measure process that an enterprise starts: checks the start form again on the
 * server and opens the case. A refusal rolls the whole start back, so a bad form leaves no case and
 * no process behind. (A JavaDelegate, not an expression: the engine passes its exceptions through
 * unchanged, so the bilingual field errors reach Tasklist and the REST API as 400.)
 */
@Component("registerApplication")
public class RegisterApplication implements JavaDelegate {

    private final ApplicationTypes types;
    private final CaseRegistration registration;

    public RegisterApplication(ApplicationTypes types, CaseRegistration registration) {
        this.types = types;
        this.registration = registration;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String processKey = execution.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
        ApplicationType type = types.forProcess(processKey);
        Optional<Long> round = registration.admit(type.measure()); // outside the application period nothing else is looked at
        Enterprise applicant = registration.applicantEnterprise(execution.getVariable(CaseRegistration.ENTERPRISE_ID));
        ApplicationType.ValidatedApplication validated = type.validate(execution.getVariables(), applicant);
        type.checkClaims(validated.application());
        CaseRecord caseRecord = registration.open(execution, applicant, validated.application(), round);
        type.opened(caseRecord, validated);
        validated.variables().forEach((name, value) -> {
            if (!passedTransient(execution, name)) { // read once (ApplicationType.readOnceFields): stored nowhere
                execution.setVariable(name, value);
            }
        });
    }

    private static boolean passedTransient(DelegateExecution execution, String name) {
        TypedValue passed = execution.getVariableTyped(name, false);
        return passed != null && passed.isTransient();
    }
}
