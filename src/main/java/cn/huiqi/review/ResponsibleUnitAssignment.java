package cn.huiqi.review;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseOfProcess;

/**
 * Turns the result of DMN {@code responsible-units} into the variables the review chain routes on:
 * {@code reviewUnits} (the city units that must each approve, also recorded on the case), {@code leadUnit}
 * and {@code financeUnit}.
 * Service task: {@code ${responsibleUnitAssignment.assign(execution)}}.
 */
@Component("responsibleUnitAssignment")
public class ResponsibleUnitAssignment {

    public static final String RESULT_VARIABLE = "responsibleUnits";

    private final CaseOfProcess caseOfProcess;

    public ResponsibleUnitAssignment(CaseOfProcess caseOfProcess) {
        this.caseOfProcess = caseOfProcess;
    }

    public void assign(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) execution.getVariable(RESULT_VARIABLE);
        Object measure = execution.getVariable("measure");
        if (result == null) {
            throw new IllegalStateException("responsible-units has no rule for measure " + measure);
        }
        List<String> reviewUnits = split(result.get("reviewUnits"));
        if (reviewUnits.isEmpty()) {
            throw new IllegalStateException("responsible-units names no reviewing unit for measure " + measure);
        }
        caseOfProcess.of(execution).assignReviewUnits(reviewUnits);
        execution.setVariable("reviewUnits", reviewUnits);
        execution.setVariable("leadUnit", result.get("leadUnit"));
        execution.setVariable("financeUnit", result.get("financeUnit"));
    }

    private static List<String> split(Object commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.toString().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
