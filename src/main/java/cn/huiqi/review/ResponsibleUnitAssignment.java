package cn.huiqi.review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseOfProcess;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.process.RuleResults;
import cn.huiqi.unit.Unit;
import cn.huiqi.unit.UnitRepository;

/**
 * Records the result of DMN {@code responsible-units} on the case: the city units that must each
 * approve ({@code reviewUnits}), the lead unit and the unit that pays. The review chain routes on these
 * (through {@link CaseRouting}), never on process variables. Every unit named must be one of the city's
 * units (市直单位): a table that named a locality, a role group or an unknown id would hand a review to
 * someone who must not decide it, so the case stops here (incident) instead.
 * Service task: {@code ${responsibleUnitAssignment.assign(execution)}}.
 */
@Component("responsibleUnitAssignment")
public class ResponsibleUnitAssignment {

    /** The rule task's result as its end listener hands it on, transient. */
    static final String RESULT_VARIABLE = "responsibleUnits";

    private final CaseOfProcess caseOfProcess;
    private final CaseRecordRepository cases;
    private final UnitRepository units;

    public ResponsibleUnitAssignment(CaseOfProcess caseOfProcess, CaseRecordRepository cases, UnitRepository units) {
        this.caseOfProcess = caseOfProcess;
        this.cases = cases;
        this.units = units;
    }

    public void assign(DelegateExecution execution) {
        Object measure = execution.getVariable("measure");
        Map<String, Object> result = RuleResults.single(execution, RESULT_VARIABLE, "responsible-units").getSingleResult().getEntryMap();
        List<String> reviewUnits = split(result.get("reviewUnits"));
        if (reviewUnits.isEmpty()) {
            throw new IllegalStateException("responsible-units names no reviewing unit for measure " + measure);
        }
        Object finance = result.get("financeUnit");
        List<String> named = new ArrayList<>(reviewUnits);
        named.add(id(result.get("leadUnit")));
        named.add(id(finance));
        named.removeIf(String::isEmpty);
        Map<String, Unit> known = units.findByIds(named); // one statement for all of them
        String leadUnit = cityUnit(known, "leadUnit", result.get("leadUnit"), measure);
        // a measure that pays nothing names no finance unit
        String financeUnit = finance == null || finance.toString().isBlank() ? null : cityUnit(known, "financeUnit", finance, measure);
        reviewUnits.forEach(unit -> cityUnit(known, "reviewUnits", unit, measure));
        CaseRecord caseRecord = caseOfProcess.of(execution);
        caseRecord.assignResponsibleUnits(reviewUnits, leadUnit, financeUnit);
        cases.save(caseRecord);
    }

    private static String id(Object value) {
        return value == null ? "" : value.toString().strip();
    }

    private static String cityUnit(Map<String, Unit> known, String output, Object value, Object measure) {
        String id = id(value);
        Unit unit = known.get(id);
        if (unit == null || unit.getKind() != Unit.Kind.CITY) {
            throw new IllegalStateException("responsible-units output " + output + " for measure " + measure + " is '" + id
                    + "', which is not a city unit");
        }
        return id;
    }

    private static List<String> split(Object commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.toString().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
