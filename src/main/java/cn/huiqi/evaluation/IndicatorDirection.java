package cn.huiqi.evaluation;

/** Whether a larger figure of an indicator is better (growth rates) or a smaller one (e.g. energy use per unit). */
public enum IndicatorDirection { HIGHER_IS_BETTER, LOWER_IS_BETTER }
