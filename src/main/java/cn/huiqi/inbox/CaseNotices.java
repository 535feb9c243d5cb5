package cn.huiqi.inbox;

import java.util.List;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseEvent;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRewards;
import cn.huiqi.casefile.CaseView;
import cn.huiqi.casefile.CaseStatusChanged;
import cn.huiqi.casefile.CaseTimeline;
import cn.huiqi.common.Label;

/**
 * The applicant's messages from its case's status (CaseStatusChanged, in the step's transaction): 补正 requested,
 * 公示 started, paid, rejected, withdrawn (by the deadline, or by the applicant: then the locality is told too). Statuses are matched by name, so any lifecycle with these names is served.
 * A reason comes from the reviewer's decision on the timeline (its text only, never who wrote it).
 */
@Component
class CaseNotices {

    /** The timeline action of review.ApplicationWithdrawal (its detail: "… — reason"). */
    static final String APPLICANT_WITHDREW = "APPLICATION_WITHDRAWN";

    private final Notices notices;
    private final CaseDescriptions descriptions;
    private final CaseTimeline timeline;
    private final List<CaseRewards> rewards;

    CaseNotices(Notices notices, CaseDescriptions descriptions, CaseTimeline timeline, List<CaseRewards> rewards) {
        this.rewards = rewards;
        this.notices = notices;
        this.descriptions = descriptions;
        this.timeline = timeline;
    }

    @EventListener
    void on(CaseStatusChanged change) {
        CaseRecord caseRecord = change.caseRecord();
        Optional<Recipient> applicant = applicantOf(caseRecord);
        if (applicant.isEmpty()) {
            return;
        }
        // each status that sends a message describes the case itself: the others (most) read nothing for it
        switch (change.to().name()) {
            case "SUPPLEMENT_REQUESTED" -> {
                Label about = descriptions.of(caseRecord);
                String reason = lastReason(caseRecord, "_SEND_BACK");
                notices.post(NoticeKind.SUPPLEMENT_REQUESTED, applicant.get(), caseRecord,
                        Label.of("请补正材料：" + caseRecord.getCaseNumber(), "Please provide a supplement: " + caseRecord.getCaseNumber()),
                        Label.of("您的" + about.zh() + "被退回补正" + (reason == null ? "" : "，理由：" + reason)
                                        + "。请在案件页点击“补正材料”提交；补正期限内未提交的，案件视为撤回。",
                                "Your " + about.en() + " was sent back for a supplement" + (reason == null ? "" : "; reason: " + reason)
                                        + ". Provide it from the case page (补正材料); a case whose supplement misses its deadline is treated as withdrawn."),
                        Notices.caseLink(caseRecord)); // the case page links the supplement form; enterprises get no Tasklist
            }
            case "PUBLIC_NOTICE" -> {
                Label about = descriptions.of(caseRecord);
                notices.post(NoticeKind.PUBLIC_NOTICE, applicant.get(), caseRecord,
                        Label.of("公示开始：" + caseRecord.getCaseNumber(), "Public notice started: " + caseRecord.getCaseNumber()),
                        Label.of("您的" + about.zh() + "已进入公示。公示期满无异议的，进入拨付。" + provisional(caseRecord).zh(),
                                "Your " + about.en() + " is on public notice; without objections it goes on to payment when the notice period ends."
                                        + provisional(caseRecord).en()),
                        Notices.caseLink(caseRecord));
            }
            case "PAID" -> {
                Label about = descriptions.of(caseRecord);
                notices.post(NoticeKind.PAID, applicant.get(), caseRecord,
                        Label.of("已拨付：" + caseRecord.getCaseNumber(), "Paid: " + caseRecord.getCaseNumber()),
                        Label.of("您的" + about.zh() + "的资金已拨付，请留意账户到账情况。" + provisional(caseRecord).zh(),
                                "The money of your " + about.en() + " has been paid; please check your account." + provisional(caseRecord).en()),
                        Notices.caseLink(caseRecord));
            }
            case "REJECTED" -> {
                Label about = descriptions.of(caseRecord);
                String reason = lastReason(caseRecord, "_REJECT");
                notices.post(NoticeKind.REJECTED, applicant.get(), caseRecord,
                        Label.of("已驳回：" + caseRecord.getCaseNumber(), "Rejected: " + caseRecord.getCaseNumber()),
                        Label.of("您的" + about.zh() + "未获通过" + (reason == null ? "。" : "，理由：" + reason + "。"),
                                "Your " + about.en() + " was rejected" + (reason == null ? "." : "; reason: " + reason + ".")),
                        Notices.caseLink(caseRecord));
            }
            case "WITHDRAWN" -> {
                Label about = descriptions.of(caseRecord);
                String applicantsReason = lastReason(caseRecord, APPLICANT_WITHDREW);
                if (applicantsReason == null) {
                    notices.post(NoticeKind.WITHDRAWN, applicant.get(), caseRecord,
                            Label.of("视为撤回：" + caseRecord.getCaseNumber(), "Treated as withdrawn: " + caseRecord.getCaseNumber()),
                            Label.of("您的" + about.zh() + "未在补正期限内提交补正材料，视为撤回申请。",
                                    "Your " + about.en() + " received no supplement within its deadline and is treated as withdrawn."),
                            Notices.caseLink(caseRecord));
                } else {
                    notices.post(NoticeKind.APPLICATION_WITHDRAWN, applicant.get(), caseRecord,
                            Label.of("已撤回：" + caseRecord.getCaseNumber(), "Withdrawn: " + caseRecord.getCaseNumber()),
                            Label.of("您已撤回" + about.zh() + "，理由：" + applicantsReason + "。可以重新申请。",
                                    "You withdrew your " + about.en() + "; reason: " + applicantsReason + ". You may apply again."),
                            Notices.caseLink(caseRecord));
                    if (caseRecord.getLocalityUnitId() != null) {
                        notices.post(NoticeKind.APPLICATION_WITHDRAWN, Recipient.unit(caseRecord.getLocalityUnitId()), caseRecord,
                                Label.of("企业撤回申请：" + caseRecord.getCaseNumber(), "Application withdrawn: " + caseRecord.getCaseNumber()),
                                Label.of(about.zh() + "已由企业在核实前撤回，属地核实任务已取消。理由：" + applicantsReason + "。",
                                        "The applicant withdrew " + about.en() + " before verification; the verification task is cancelled."
                                                + " Reason: " + applicantsReason + "."),
                                Notices.caseLink(caseRecord));
                    }
                }
            }
            default -> {
            }
        }
    }

    /** A sentence saying the reward is provisional (claim.ProvisionalRates), or nothing when it is final. */
    private Label provisional(CaseRecord caseRecord) {
        return rewards.stream().flatMap(r -> r.rewardOf(caseRecord.getId()).stream()).map(CaseView.Reward::provisional)
                .filter(java.util.Objects::nonNull).findFirst()
                .map(label -> Label.of("奖励金额" + label.zh() + "。", " The reward amount is " + label.en().substring(0, 1).toLowerCase()
                        + label.en().substring(1) + "."))
                .orElse(Label.of("", ""));
    }

    /** The applicant as a recipient: its enterprise (also as a project's owner), or its locality unit. */
    static Optional<Recipient> applicantOf(CaseRecord caseRecord) {
        if (caseRecord.getEnterpriseId() != null) {
            return Optional.of(Recipient.enterprise(caseRecord.getEnterpriseId()));
        }
        return Optional.ofNullable(caseRecord.getApplicantUnitId()).map(Recipient::unit);
    }

    /** The reviewer's reason of the latest decision whose timeline action ends so (text after " — "), or null. */
    private String lastReason(CaseRecord caseRecord, String actionSuffix) {
        List<CaseEvent> events = timeline.of(caseRecord);
        for (int i = events.size() - 1; i >= 0; i--) {
            CaseEvent event = events.get(i);
            if (event.getAction() != null && event.getAction().endsWith(actionSuffix)) {
                String detail = event.getDetail();
                int dash = detail == null ? -1 : detail.indexOf(" — ");
                return dash < 0 ? null : detail.substring(dash + 3).strip();
            }
        }
        return null;
    }
}
