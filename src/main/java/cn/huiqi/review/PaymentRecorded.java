package cn.huiqi.review;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseOfProcess;
import cn.huiqi.casefile.CaseTimeline;
import cn.huiqi.casefile.RewardCase;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.Money;

/** End listener of the disbursement task (市财政局): records the payment reference and date on the case. */
@Component("paymentRecorded")
public class PaymentRecorded implements ExecutionListener {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final CaseOfProcess caseOfProcess;
    private final CaseTimeline timeline;

    public PaymentRecorded(CaseOfProcess caseOfProcess, CaseTimeline timeline) {
        this.caseOfProcess = caseOfProcess;
        this.timeline = timeline;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        FieldChecks checks = new FieldChecks();
        String reference = checks.requiredText("paymentReference", execution.getVariable("paymentReference"),
                "支付凭证号", "Payment reference", 64);
        String dateText = checks.requiredText("paymentDate", execution.getVariable("paymentDate"), "支付日期", "Payment date", 10);
        LocalDate date = null;
        if (dateText != null) {
            try {
                date = LocalDate.parse(dateText);
                if (date.isAfter(LocalDate.now(CHINA))) {
                    checks.add("paymentDate", "支付日期不能晚于今天", "The payment date cannot be in the future");
                }
            } catch (DateTimeParseException e) {
                checks.add("paymentDate", "支付日期格式应为 YYYY-MM-DD", "The payment date must be written YYYY-MM-DD");
            }
        }
        checks.throwIfAny();
        RewardCase rewardCase = caseOfProcess.of(execution);
        rewardCase.recordPayment(reference, date);
        timeline.record(rewardCase, "PAYMENT_RECORDED", "已拨付 " + Money.format(rewardCase.getRewardAmount())
                + " 元，凭证号 " + reference + "，日期 " + date + " / Paid CNY " + Money.format(rewardCase.getRewardAmount())
                + ", reference " + reference + ", " + date);
    }
}
