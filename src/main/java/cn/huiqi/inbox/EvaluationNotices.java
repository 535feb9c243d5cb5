package cn.huiqi.inbox;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.huiqi.common.Label;
import cn.huiqi.evaluation.EvaluationCirculated;
import cn.huiqi.evaluation.ReviewRequestsAnswered;

/**
 * Messages of the locality evaluations (measures 5 and 6, cn.huiqi.evaluation, in the transaction of the step): the
 * ranking circulated (通报) to every locality and the statistics bureau, a 复核 request answered to its locality. A
 * message names the round and the 复核 window only: no figure, score, rank or award, and never gxj's free text (the
 * locality reads its own request's answer on the page).
 */
@Component
class EvaluationNotices {

    /** The statistics bureau, which provided the official figures. */
    static final String STATISTICS_BUREAU = "tjj";

    private final Notices notices;

    EvaluationNotices(Notices notices) {
        this.notices = notices;
    }

    @EventListener
    void on(EvaluationCirculated event) {
        Label title = Label.of("评价结果通报：" + event.roundName(), "Evaluation ranking circulated: " + event.roundName());
        Label lastDay = CaseDescriptions.day(event.reviewLastDay());
        Label window = Label.of("复核期 " + event.reviewWorkingDays() + " 个工作日（系统默认值，待政策部门确认），至 " + lastDay.zh() + "24时",
                "review window of " + event.reviewWorkingDays() + " working days (system default, to be confirmed) until the end of "
                        + lastDay.en() + " (Beijing time)");
        for (String locality : event.localities()) {
            notices.post(NoticeKind.EVALUATION_CIRCULATED, Recipient.unit(locality), null, title,
                    Label.of(event.roundName() + "（" + event.measure() + "）的评分排名已通报，请在评价页面查看本地区及各地区的得分和排名。"
                                    + "对本地区数据或得分有异议的，可在" + window.zh() + "内申请复核。",
                            "The scores and ranking of " + event.roundName() + " (" + event.measure() + ") have been circulated; see them on"
                                    + " the evaluation page. If you disagree with your own figures or scores, ask for a recheck within the "
                                    + window.en() + "."),
                    link(event.roundId()));
        }
        notices.post(NoticeKind.EVALUATION_CIRCULATED, Recipient.unit(STATISTICS_BUREAU), null, title,
                Label.of(event.roundName() + "（" + event.measure() + "）的评分排名已通报各地区；" + window.zh() + "。",
                        "The scores and ranking of " + event.roundName() + " (" + event.measure() + ") have been circulated to the localities; "
                                + window.en() + "."),
                link(event.roundId()));
    }

    @EventListener
    void on(ReviewRequestsAnswered event) {
        Label outcome = event.corrected()
                ? Label.of("市工信局已更正数据，本轮将重新评分排名并重新报批", "市工信局 corrected figures; the round is scored and ranked again and goes through approval again")
                : Label.of("市工信局维持原排名", "市工信局 kept the ranking");
        for (String unit : event.units()) {
            notices.post(NoticeKind.EVALUATION_REVIEW_ANSWERED, Recipient.unit(unit), null,
                    Label.of("复核申请已处理：" + event.roundName(), "Review request answered: " + event.roundName()),
                    Label.of("本地区对" + event.roundName() + "（" + event.measure() + "）的复核申请已处理：" + outcome.zh()
                                    + "。处理意见请在评价页面“复核申请”中查看。",
                            "Your request for a recheck of " + event.roundName() + " (" + event.measure() + ") has been answered: "
                                    + outcome.en() + ". Read the answer under 复核申请 on the evaluation page."),
                    link(event.roundId()));
        }
    }

    /** The evaluation page, opened on the round. */
    static String link(long roundId) {
        return "evaluations.html#" + roundId;
    }
}
