package cn.huiqi.rules;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.MeasureCatalogue;

/**
 * What each editable decision is for. A reward table decides the amount of one measure's cases (the measure
 * whose declaration lists it, {@link MeasureCatalogue#byRuleTable}; its what-if compares amounts and the
 * measure's pool); the routing table {@value #RESPONSIBLE_UNITS} names the city units of every measure (its
 * what-if compares the units). Another key is editable too, but its what-if has no cases to run.
 */
@Component
public class RuleKinds {

    public static final String RESPONSIBLE_UNITS = "responsible-units";

    private final MeasureCatalogue catalogue;

    RuleKinds(MeasureCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The measure whose cases a reward table decides (order-reward → M1, …). */
    public Optional<String> measureOf(String decisionKey) {
        return catalogue.byRuleTable(decisionKey).map(Measure::id);
    }

    public static boolean isRouting(String decisionKey) {
        return RESPONSIBLE_UNITS.equals(decisionKey);
    }
}
