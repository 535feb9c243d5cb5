package cn.huiqi.review;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.MeasureUnits;
import cn.huiqi.common.Label;
import cn.huiqi.process.EngineAsSystem;
import cn.huiqi.unit.Unit;
import cn.huiqi.unit.UnitRepository;

/**
 * The city units a measure involves, as the DMN {@value #DECISION} in force names them (the one source the
 * review chain routes on, {@link ResponsibleUnitAssignment}), with their names from table {@code unit}, for the
 * measure catalogue ({@code GET /api/measures}). Locality units (属地) come from the applicant, so no table names them.
 */
@Component
class ResponsibleUnitsOfMeasures implements MeasureUnits {

    static final String DECISION = "responsible-units";

    private final DecisionService decisions;
    private final UnitRepository units;
    private final EngineAsSystem system;

    ResponsibleUnitsOfMeasures(DecisionService decisions, UnitRepository units, EngineAsSystem system) {
        this.decisions = decisions;
        this.units = units;
        this.system = system;
    }

    /** Units per measure id, the table evaluated once per measure. */
    @Override
    public Map<String, Units> of(List<Measure> measures) {
        Map<String, UnitRef> known = units.findAll().stream()
                .collect(Collectors.toMap(Unit::getId, u -> new UnitRef(u.getId(), Label.of(u.getNameZh(), u.getNameEn()))));
        // public content: evaluated as the system, whatever the caller may read in the engine
        return system.call(() -> measures.stream().collect(Collectors.toMap(Measure::id, m -> evaluate(m.id(), known),
                (a, b) -> a, java.util.LinkedHashMap::new)));
    }

    private Units evaluate(String measure, Map<String, UnitRef> known) {
        DmnDecisionResult result;
        try {
            result = decisions.evaluateDecisionByKey(DECISION).variables(Map.of("measure", measure)).evaluate();
        } catch (RuntimeException e) {
            return problem("决策表 " + DECISION + " 无法求值", "Decision " + DECISION + " could not be evaluated");
        }
        if (result.size() != 1) {
            return problem("决策表 " + DECISION + " 对本措施命中 " + result.size() + " 条规则（应为 1）",
                    "Decision " + DECISION + " matched " + result.size() + " rules for this measure (1 expected)");
        }
        DmnDecisionResultEntries entries = result.getSingleResult();
        Function<String, UnitRef> unit = id -> known.getOrDefault(id, new UnitRef(id, Label.of(id, id)));
        List<UnitRef> review = split(entries.get("reviewUnits")).stream().map(unit).toList();
        List<String> lead = split(entries.get("leadUnit"));
        List<String> finance = split(entries.get("financeUnit"));
        return new Units(review, lead.isEmpty() ? null : unit.apply(lead.get(0)),
                finance.isEmpty() ? null : unit.apply(finance.get(0)), null);
    }

    private static Units problem(String zh, String en) {
        return new Units(List.of(), null, null, Label.of(zh, en));
    }

    private static List<String> split(Object commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.toString().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
