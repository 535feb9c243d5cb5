package cn.huiqi.catalogue;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/** All measures, in policy order: the one list of measures. Each is a {@link Measure} bean declared in its package. */
@Component
public class MeasureCatalogue {

    private final List<Measure> measures;

    public MeasureCatalogue(List<Measure> declared) {
        this.measures = declared.stream().sorted(Comparator.comparing(MeasureCatalogue::order)).toList();
        Set<String> ids = new LinkedHashSet<>();
        for (Measure measure : measures) {
            if (!ids.add(measure.id())) {
                throw new IllegalStateException("measure " + measure.id() + " is declared twice");
            }
        }
    }

    public List<Measure> all() {
        return measures;
    }

    public List<String> ids() {
        return measures.stream().map(Measure::id).toList();
    }

    public Optional<Measure> find(String id) {
        return measures.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The measure, or IllegalArgumentException for an id no measure has (a programming error, not user input). */
    public Measure require(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no measure " + id + " (known: " + ids() + ")"));
    }

    /** Measures whose cases are paid from the fund, each with its own pool. */
    public List<Measure> paying() {
        return measures.stream().filter(Measure::paysMoney).toList();
    }

    /** The measure whose cases a reward table decides (order-reward → M1, …). */
    public Optional<Measure> byRuleTable(String decisionKey) {
        return measures.stream().filter(m -> m.ruleTables().contains(decisionKey)).findFirst();
    }

    public Optional<Measure> byProcess(String processKey) {
        return measures.stream().filter(m -> m.processKeys().contains(processKey)).findFirst();
    }

    /** Measures someone applies for through a process of their own (an application process). */
    public List<Measure> withApplicationProcess() {
        return measures.stream().filter(m -> m.applicationProcess().isPresent()).toList();
    }

    /** The ids of the policy documents the measures belong to, in policy order. */
    public List<String> policies() {
        return measures.stream().map(Measure::policy).distinct().toList();
    }

    /** M1 before M2 … before M10 */
    private static String order(Measure measure) {
        String digits = measure.id().replaceAll("\\D", "");
        return String.format("%s%05d", measure.id().replaceAll("\\d", ""), digits.isEmpty() ? 0 : Integer.parseInt(digits));
    }
}
