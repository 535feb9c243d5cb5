package cn.huiqi.rules;

import java.util.Map;
import java.util.Optional;

/**
 * What each editable decision is for. A reward table decides the amount of one measure's cases (its
 * what-if compares amounts and the measure's pool); the routing table {@value #RESPONSIBLE_UNITS}
 * names the city units of every measure (its what-if compares the units). Another key is editable too,
 * but its what-if has no cases to run.
 */
public final class RuleKinds {

    public static final String RESPONSIBLE_UNITS = "responsible-units";

    private static final Map<String, String> REWARD_MEASURES = Map.of(
            "order-reward", "M1",
            "growth-reward", "M2",
            "investment-reward", "M3");

    private RuleKinds() {
    }

    /** The measure whose cases a reward table decides (order-reward → M1, …). */
    public static Optional<String> measureOf(String decisionKey) {
        return Optional.ofNullable(REWARD_MEASURES.get(decisionKey));
    }

    public static boolean isRouting(String decisionKey) {
        return RESPONSIBLE_UNITS.equals(decisionKey);
    }
}
