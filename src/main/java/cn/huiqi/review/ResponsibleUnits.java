package cn.huiqi.review;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

import cn.huiqi.process.EngineAsSystem;

/** Reads DMN {@code responsible-units} outside a process: which city units review a measure. */
@Component
public class ResponsibleUnits {

    private final DecisionService decisionService;
    private final EngineAsSystem engineAsSystem;

    public ResponsibleUnits(DecisionService decisionService, EngineAsSystem engineAsSystem) {
        this.decisionService = decisionService;
        this.engineAsSystem = engineAsSystem;
    }

    public List<String> reviewUnitsOf(String measure) {
        DmnDecisionResultEntries result = engineAsSystem.call(() -> decisionService
                .evaluateDecisionByKey("responsible-units")
                .variables(Map.of("measure", measure))
                .evaluate()
                .getFirstResult());
        return result == null ? List.of() : ResponsibleUnitAssignment.split(result.get("reviewUnits"));
    }
}
