package cn.huiqi.assistance;

import cn.huiqi.common.Label;

/** Which utility a UTILITIES demand concerns (the routing table's input {@code utility}). */
enum Utility {
    ELECTRICITY(Label.of("供电", "Electricity")),
    WATER(Label.of("供水", "Water")),
    GAS(Label.of("燃气", "Gas"));

    private final Label label;

    Utility(Label label) {
        this.label = label;
    }

    Label label() { return label; }
}
