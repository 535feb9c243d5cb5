package cn.huiqi.inbox;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseEvent;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseStatusChanged;
import cn.huiqi.casefile.CaseTimeline;
import cn.huiqi.common.Label;

/**
 * The enterprise's messages about its demand (measure 7, assistance.DemandStatus, matched by name and measure): accepted,
 * declined (with the reason), merged, asked for information (with the question), replied (please rate), reopened,
 * closed, reported upward. Reasons come from the demand's timeline (the text after " — "), never who wrote them.
 */
@Component
class DemandNotices {

    static final String MEASURE = "M7";

    private final Notices notices;
    private final CaseTimeline timeline;

    DemandNotices(Notices notices, CaseTimeline timeline) {
        this.notices = notices;
        this.timeline = timeline;
    }

    @EventListener
    void on(CaseStatusChanged change) {
        CaseRecord caseRecord = change.caseRecord();
        if (!MEASURE.equals(caseRecord.getMeasure()) || caseRecord.getEnterpriseId() == null) {
            return;
        }
        String n = caseRecord.getCaseNumber();
        switch (change.to().name()) {
            case "ACCEPTED" -> post(NoticeKind.DEMAND_ACCEPTED, caseRecord,
                    Label.of("诉求已受理：" + n, "Demand accepted: " + n),
                    Label.of("您的诉求 " + n + " 已受理，将按规则交由办理单位办理。", "Your demand " + n + " was accepted and goes to its handling unit."));
            case "DECLINED" -> {
                String reason = lastReason(caseRecord, "DEMAND_DECLINE");
                post(NoticeKind.DEMAND_DECLINED, caseRecord, Label.of("诉求不予受理：" + n, "Demand declined: " + n),
                        Label.of("您的诉求 " + n + " 不予受理，理由：" + reason + "。", "Your demand " + n + " was declined; reason: " + reason + "."));
            }
            case "MERGED" -> post(NoticeKind.DEMAND_MERGED, caseRecord, Label.of("诉求已合并：" + n, "Demand merged: " + n),
                    Label.of("您的诉求 " + n + " 与您的另一件诉求内容相同，已合并办理，请在该诉求中查看进度。",
                            "Your demand " + n + " duplicates another of your demands and was merged into it; follow that one."));
            case "WAITING_ENTERPRISE" -> {
                String question = lastReason(caseRecord, "DEMAND_INFO_REQUEST");
                post(NoticeKind.DEMAND_INFO_REQUESTED, caseRecord, Label.of("请补充诉求信息：" + n, "Information requested: " + n),
                        Label.of("办理单位请您补充：" + question + "。补充前办理时限暂停计算。",
                                "The handling unit asks you for: " + question + ". Its time limit pauses until you answer."));
            }
            case "REPLIED" -> post(NoticeKind.DEMAND_REPLIED, caseRecord, Label.of("诉求已答复，请评价：" + n, "Demand replied, please rate: " + n),
                    Label.of("您的诉求 " + n + " 已答复，请查看答复并在回访期内评价（满意、基本满意、不满意）。",
                            "Your demand " + n + " has a reply; please read it and rate it within the revisit period."));
            case "REOPENED" -> post(NoticeKind.DEMAND_REOPENED, caseRecord, Label.of("诉求督办重办：" + n, "Demand reopened: " + n),
                    Label.of("根据您的评价，市工信局已督办，您的诉求 " + n + " 重新办理。",
                            "After your rating, the lead bureau reopened your demand " + n + " under supervision."));
            case "CLOSED" -> post(NoticeKind.DEMAND_CLOSED, caseRecord, Label.of("诉求已办结：" + n, "Demand closed: " + n),
                    Label.of("您的诉求 " + n + " 已办结。", "Your demand " + n + " is closed."));
            case "REPORTED_UPWARD" -> post(NoticeKind.DEMAND_REPORTED_UPWARD, caseRecord, Label.of("诉求已上报：" + n, "Demand reported upward: " + n),
                    Label.of("您的诉求 " + n + " 超出本市权限，已上报上级部门协调。", "Your demand " + n + " is beyond the city's power and was reported upward."));
            default -> {
            }
        }
    }

    private void post(NoticeKind kind, CaseRecord caseRecord, Label title, Label body) {
        notices.post(kind, Recipient.enterprise(caseRecord.getEnterpriseId()), caseRecord, title, body, Notices.caseLink(caseRecord));
    }

    private String lastReason(CaseRecord caseRecord, String action) {
        List<CaseEvent> events = timeline.of(caseRecord);
        for (int i = events.size() - 1; i >= 0; i--) {
            CaseEvent event = events.get(i);
            if (action.equals(event.getAction())) {
                String detail = event.getDetail();
                int dash = detail == null ? -1 : detail.indexOf(" — ");
                return dash < 0 ? "—" : detail.substring(dash + 3).strip();
            }
        }
        return "—";
    }
}
