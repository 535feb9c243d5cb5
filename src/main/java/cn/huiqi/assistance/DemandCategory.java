package cn.huiqi.assistance;

import cn.huiqi.common.Label;

/** What a demand is about (the routing table's input {@code category}). */
enum DemandCategory {
    RECRUITMENT(Label.of("用工招工", "Recruitment")),
    FINANCING(Label.of("融资信贷", "Financing and credit")),
    LAND(Label.of("用地规划", "Land and planning")),
    UTILITIES(Label.of("水电气要素保障", "Water, power and gas supply")),
    LOGISTICS(Label.of("物流运输", "Logistics and transport")),
    APPROVAL(Label.of("审批手续", "Approvals and permits")),
    POLICY(Label.of("政策咨询与兑现", "Policy advice and fulfilment")),
    INNOVATION(Label.of("技术创新", "Technological innovation")),
    MARKET(Label.of("市场开拓", "Market development")),
    SAFETY_ENV(Label.of("安全环保", "Safety and environment")),
    OTHER(Label.of("其他", "Other"));

    private final Label label;

    DemandCategory(Label label) {
        this.label = label;
    }

    Label label() { return label; }
}
