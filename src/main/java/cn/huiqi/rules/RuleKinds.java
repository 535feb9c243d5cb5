package cn.huiqi.rules;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.MeasureCatalogue;

/**
 * What each editable decision is for. A reward table decides the amount of one measure's cases (the measure
 * whose declaration lists it, {@link MeasureCatalogue#byRuleTable}; its what-if compares amounts and the
 * measure's pool); the routing table {@value #RESPONSIBLE_UNITS} names the city units of every measure (its
 * what-if compares the units); {@value #DEMAND_ROUTING} routes the enterprise demands of measure 7 (a routing table whose
 * what-if has no cases yet). Another key is editable too, but its what-if has no cases to run.
 */
@Component
public class RuleKinds {

    public static final String RESPONSIBLE_UNITS = "responsible-units";
    /** Measure 7: which unit handles an enterprise demand, and its working-day limits (a routing table too; no cases yet). */
    public static final String DEMAND_ROUTING = "demand-routing";

    private final MeasureCatalogue catalogue;

    RuleKinds(MeasureCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The measure whose cases a reward table decides (order-reward → M1, …). */
    public Optional<String> measureOf(String decisionKey) {
        return catalogue.byRuleTable(decisionKey).map(Measure::id);
    }

    /** The table whose what-if compares the units of every measure. */
    public static boolean isRouting(String decisionKey) {
        return RESPONSIBLE_UNITS.equals(decisionKey);
    }

    /** A table that names units (responsible-units, demand-routing): shown as kind "routing", its units checked on publish. */
    public static boolean namesUnits(String decisionKey) {
        return RESPONSIBLE_UNITS.equals(decisionKey) || DEMAND_ROUTING.equals(decisionKey);
    }
}
