package cn.huiqi.evaluation;

/**
 * A measure whose ranking has the safety veto, declared by the measure's own package as a bean (measure 6:
 * "在保障生产安全的前提下"); the ranking of a round of any other measure has none.
 */
public record SafetyVetoMeasure(String measureId) {
}
