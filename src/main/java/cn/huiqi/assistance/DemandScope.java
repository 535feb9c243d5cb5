package cn.huiqi.assistance;

import cn.huiqi.common.Label;

/** At which level a demand is solved (the routing table's input {@code scope}). */
enum DemandScope {
    LOCALITY(Label.of("属地层面", "Locality level")),
    CITY(Label.of("市级层面", "City level"));

    private final Label label;

    DemandScope(Label label) {
        this.label = label;
    }

    Label label() { return label; }
}
