package cn.huiqi.review;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
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
 * measure catalogue ({@code GET /api/measures}), the guides and who reads 督办 items. Locality units (属地) come from the
 * applicant, so no table names them.
 * <p>
 * A version of the table never changes, so each measure's row is evaluated once per version in force, not on every
 * read: a read of the catalogue wrote nine decision instances (27 history rows) before, and took 17 ms.
 */
@Component
class ResponsibleUnitsOfMeasures implements MeasureUnits {

    static final String DECISION = "responsible-units";

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final UnitRepository units;
    private final EngineAsSystem system;
    private volatile Evaluated evaluated = new Evaluated("", new ConcurrentHashMap<>());

    /** The rows one version of the table gave, by measure id. */
    private record Evaluated(String definitionId, Map<String, Row> rows) {
    }

    private record Row(List<String> review, String lead, String finance, Label problem) {
    }

    ResponsibleUnitsOfMeasures(DecisionService decisions, RepositoryService repository, UnitRepository units, EngineAsSystem system) {
        this.decisions = decisions;
        this.repository = repository;
        this.units = units;
        this.system = system;
    }

    /** Units per measure id, the table in force evaluated once per measure and version. */
    @Override
    public Map<String, Units> of(List<Measure> measures) {
        Map<String, UnitRef> known = units.findAll().stream()
                .collect(Collectors.toMap(Unit::getId, u -> new UnitRef(u.getId(), Label.of(u.getNameZh(), u.getNameEn()))));
        Function<String, UnitRef> unit = id -> known.getOrDefault(id, new UnitRef(id, Label.of(id, id)));
        // public content: read and evaluated as the system, whatever the caller may read in the engine
        Map<String, Row> rows = system.call(() -> rowsOf(measures));
        return measures.stream().collect(Collectors.toMap(Measure::id, m -> {
            Row row = rows.get(m.id());
            return new Units(row.review().stream().map(unit).toList(), row.lead() == null ? null : unit.apply(row.lead()),
                    row.finance() == null ? null : unit.apply(row.finance()), row.problem());
        }, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private Map<String, Row> rowsOf(List<Measure> measures) {
        DecisionDefinition inForce = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
                .withoutTenantId().latestVersion().singleResult();
        if (inForce == null) {
            Row none = problem("决策表 " + DECISION + " 未部署", "Decision " + DECISION + " is not deployed");
            return measures.stream().collect(Collectors.toMap(Measure::id, m -> none, (a, b) -> a));
        }
        Evaluated held = evaluated;
        if (!held.definitionId().equals(inForce.getId())) {
            held = new Evaluated(inForce.getId(), new ConcurrentHashMap<>());
            evaluated = held;
        }
        Map<String, Row> rows = new java.util.HashMap<>();
        for (Measure measure : measures) {
            Row row = held.rows().get(measure.id());
            if (row == null) {
                row = evaluate(inForce.getId(), measure.id());
                if (row.problem() == null) {
                    held.rows().put(measure.id(), row);
                }
            }
            rows.put(measure.id(), row);
        }
        return rows;
    }

    private Row evaluate(String definitionId, String measure) {
        DmnDecisionResult result;
        try {
            result = decisions.evaluateDecisionById(definitionId).variables(Map.of("measure", measure)).evaluate();
        } catch (RuntimeException e) {
            return problem("决策表 " + DECISION + " 无法求值", "Decision " + DECISION + " could not be evaluated");
        }
        if (result.size() != 1) {
            return problem("决策表 " + DECISION + " 对本措施命中 " + result.size() + " 条规则（应为 1）",
                    "Decision " + DECISION + " matched " + result.size() + " rules for this measure (1 expected)");
        }
        DmnDecisionResultEntries entries = result.getSingleResult();
        List<String> lead = split(entries.get("leadUnit"));
        List<String> finance = split(entries.get("financeUnit"));
        return new Row(split(entries.get("reviewUnits")), lead.isEmpty() ? null : lead.get(0),
                finance.isEmpty() ? null : finance.get(0), null);
    }

    private static Row problem(String zh, String en) {
        return new Row(List.of(), null, null, Label.of(zh, en));
    }

    private static List<String> split(Object commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.toString().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
