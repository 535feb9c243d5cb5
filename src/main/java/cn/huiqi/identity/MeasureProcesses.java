package cn.huiqi.identity;

import java.util.List;

/** Keys of the measure processes, as far as authorizations care about them. */
final class MeasureProcesses {

    /** Processes an enterprise may start itself (Tasklist start form or the API). */
    public static final List<String> STARTED_BY_ENTERPRISES = List.of("m1-order-reward", "m2-growth-reward", "m3-investment-reward");

    /** Processes whose tasks units work on: units read the definition so Tasklist can show its name. */
    public static final List<String> WORKED_ON_BY_UNITS = List.of("review-chain", "m1-order-reward", "m2-growth-reward",
            "m3-investment-reward");

    private MeasureProcesses() {
    }
}
