package cn.huiqi.fund;

import java.util.List;

/** The pool ids: {@value #PACKAGE} (the package fund) and one per measure, M1..M9. */
public final class FundPools {

    public static final String PACKAGE = "PACKAGE";
    public static final List<String> MEASURES = List.of("M1", "M2", "M3", "M4", "M5", "M6", "M7", "M8", "M9");
    /** PACKAGE first: also the order in which the ledger locks pool rows. */
    public static final List<String> ALL = List.of(PACKAGE, "M1", "M2", "M3", "M4", "M5", "M6", "M7", "M8", "M9");

    private FundPools() {
    }

    static void requireMeasure(String measure) {
        if (!MEASURES.contains(measure)) {
            throw new IllegalArgumentException("not a measure pool: " + measure + " (M1..M9)");
        }
    }
}
