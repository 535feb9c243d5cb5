package cn.huiqi.evaluation;

import java.math.BigDecimal;

/**
 * The two decisions of a locality evaluation, evaluated at a given version (the round pins them): DMN
 * {@value #SCORE} (one indicator's figure against its target → score) and {@value #AWARD} (measure × group × rank in
 * group → award in CNY). Both answer null when no rule of that version matches.
 */
interface ScoringDecisions {

    String SCORE = "locality-indicator-score";
    String AWARD = "evaluation-award";

    BigDecimal score(int version, String indicator, IndicatorDirection direction, BigDecimal figure, BigDecimal target);

    BigDecimal award(int version, String measure, EvaluationGroup group, int rank);

    /** Whether that version marks its figures as the system's labelled defaults (系统默认值) and staff have not confirmed them. */
    boolean provisional(String key, int version);

    /** An engine number (Long or Double, see docs/rules.md) as the exact decimal it was written as. */
    static BigDecimal exact(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }
}
