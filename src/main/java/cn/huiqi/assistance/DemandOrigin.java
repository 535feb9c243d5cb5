package cn.huiqi.assistance;

import cn.huiqi.common.Label;

/** How a demand came in. */
enum DemandOrigin {
    ENTERPRISE(Label.of("企业提出", "Raised by the enterprise")),
    VISIT(Label.of("走访发现", "Found on a visit")),
    HOTLINE(Label.of("12345转办", "Referred by the 12345 hotline"));

    private final Label label;

    DemandOrigin(Label label) {
        this.label = label;
    }

    Label label() { return label; }
}
