package cn.huiqi.inbox;

import cn.huiqi.common.Label;

/** What a message is about; the first seven go to enterprises (APPLICATION_WITHDRAWN to the locality too), the others to officials (units) (docs/notices.md). */
enum NoticeKind {
    SUPPLEMENT_REQUESTED(Label.of("补正通知", "Supplement requested")),
    SUPPLEMENT_DEADLINE_NEAR(Label.of("补正期限将至", "Supplement deadline near")),
    PUBLIC_NOTICE(Label.of("公示开始", "Public notice started")),
    PAID(Label.of("已拨付", "Paid")),
    REJECTED(Label.of("已驳回", "Rejected")),
    WITHDRAWN(Label.of("视为撤回", "Treated as withdrawn")),
    /** The applicant withdrew before verification: to the applicant and to its locality. */
    APPLICATION_WITHDRAWN(Label.of("企业撤回申请", "Application withdrawn")),
    NEW_TASK(Label.of("新任务", "New task")),
    STEP_DUE_SOON(Label.of("即将到期", "Due soon")),
    STEP_OVERDUE(Label.of("已超期", "Overdue")),
    SUPERVISION(Label.of("督办", "Supervision")),
    /** A locality evaluation's ranking was circulated (通报): to every locality and the statistics bureau. */
    EVALUATION_CIRCULATED(Label.of("评价结果通报", "Evaluation ranking circulated")),
    /** gxj answered a locality's 复核 request: to that locality. */
    EVALUATION_REVIEW_ANSWERED(Label.of("复核申请已处理", "Review request answered")),
    // measure 7 (帮扶): to the enterprise, from its demand's status (DemandNotices)
    DEMAND_ACCEPTED(Label.of("诉求已受理", "Demand accepted")),
    DEMAND_DECLINED(Label.of("诉求不予受理", "Demand declined")),
    DEMAND_MERGED(Label.of("诉求已合并", "Demand merged")),
    DEMAND_INFO_REQUESTED(Label.of("请补充诉求信息", "Information requested")),
    DEMAND_REPLIED(Label.of("诉求已答复，请评价", "Demand replied, please rate")),
    DEMAND_REOPENED(Label.of("诉求督办重办", "Demand reopened")),
    DEMAND_CLOSED(Label.of("诉求已办结", "Demand closed")),
    DEMAND_REPORTED_UPWARD(Label.of("诉求已上报", "Demand reported upward")),
    /** Measure 8, to the enterprise (casefile.EnterpriseNotice): screening, take-ups, offers, lapses, coordination. */
    FINANCING_SCREENED(Label.of("融资需求审核结果", "Financing demand screened")),
    FINANCING_TAKEN_UP(Label.of("金融机构已对接", "Taken up by an institution")),
    FINANCING_OFFERED(Label.of("金融机构已授信", "Credit offered")),
    FINANCING_DECLINED(Label.of("金融机构不予授信", "Credit declined")),
    FINANCING_LAPSED(Label.of("对接超时", "Take-up lapsed")),
    FINANCING_COORDINATED(Label.of("市金融办协调结果", "Coordinated by jrb"));

    private final Label label;

    NoticeKind(Label label) {
        this.label = label;
    }

    Label label() {
        return label;
    }
}
