package cn.huiqi.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.huiqi.common.ConflictException;
import cn.huiqi.testsupport.ProcessTestSupport;

/**
 * Issue 19 item 5, no system waiting: the payment list and the payment file are ready at the very instant the notice
 * period ends without objection — the notice timer is due at 24:00 of the last notice day, and its job forms the batch,
 * moves the cases to 待拨付 and opens 市财政局's 确认支付 in that one step (no batch job, no polling, no later run). The
 * file holds payee, USCC, bank, account, amount to the fen and a 摘要 with the policy clause and the case; its total and
 * SHA-256 lines check it. The board then shows approval → payment in working days.
 */
class PaymentReadyAtNoticeEndTest extends ProcessTestSupport {

    @Autowired
    PaymentFile paymentFile;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void thePaymentFileIsReadyTheMomentTheNoticeEndsWithoutObjection() throws Exception {
        ClockUtil.setCurrentTime(at("2023-09-13T10:00:00+08:00"));
        String user = newEnterpriseUser("donghu");
        ProcessInstance instance = as(user, () -> runtimeService.startProcessInstanceByKey("m1-order-reward", orders("60000000.00", "2023-08-01")));
        completeAs("donghu-verifier", taskFor(instance, "Task_LocalityVerification", "donghu"), approveAccepting(1));
        ClockUtil.setCurrentTime(at("2023-09-15T09:00:00+08:00"));
        completeAs("gxj-reviewer", taskFor(instance, "Task_CityReview", "gxj"), decision("approve", null));
        completeAs("swj-reviewer", taskFor(instance, "Task_CityReview", "swj"), decision("approve", null));
        ClockUtil.setCurrentTime(at("2023-09-15T16:30:00+08:00"));
        ProcessInstance settlement = settle("M1");
        Settlement s = settlements.findByProcessInstanceId(settlement.getId()).orElseThrow();
        String caseNumber = caseOf(instance).getCaseNumber();

        // the last notice day, one second before its end: still under notice, nothing to load
        ClockUtil.setCurrentTime(at("2023-09-22T23:59:59+08:00"));
        assertThat(managementService.createJobQuery().processInstanceId(settlement.getId()).timers().executable().list()).isEmpty();
        assertThatThrownBy(() -> paymentFile.content(settlements.findById(s.getId()).orElseThrow()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not in disbursement");

        // 24:00: the timer is due now and its one job makes the batch
        ClockUtil.setCurrentTime(at("2023-09-23T00:00:00+08:00"));
        assertThat(managementService.createJobQuery().processInstanceId(settlement.getId()).timers().executable().list()).hasSize(1);
        endNotice(settlement);
        Settlement ready = settlements.findById(s.getId()).orElseThrow();
        assertThat(ready.getStatus()).isEqualTo(Settlement.Status.DISBURSEMENT);
        assertThat(caseOf(instance).getStatus()).isEqualTo("DISBURSEMENT");
        Task confirm = taskService.createTaskQuery().processInstanceId(settlement.getId()).taskDefinitionKey("Task_ConfirmPayments").singleResult();
        assertThat(taskService.getIdentityLinksForTask(confirm.getId())).anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("czj"));
        assertThat(confirm.getCreateTime()).isEqualTo(at("2023-09-23T00:00:00+08:00"));

        PaymentFile.Content file = paymentFile.content(ready);
        BigDecimal settled = claimOf(instance).getSettledAmount();
        assertThat(file.count()).isEqualTo(1);
        assertThat(file.total()).isEqualByComparingTo(settled);
        PaymentFile.Line line = file.lines().get(0);
        assertThat(line.caseNumber()).isEqualTo(caseNumber);
        assertThat(line.amount().scale()).isEqualTo(2);
        assertThat(line.bankAccount()).isEqualTo("1502200009000012345");
        assertThat(line.payeeCode()).hasSize(18);
        assertThat(line.purpose()).startsWith("洪府办发〔2023〕81号第1条").contains(caseNumber).contains("第" + s.getId() + "批");

        String csv = new String(PaymentFile.csv(file), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF序号,收款人名称,统一社会信用代码,开户银行,收款账号,金额（元）,摘要,案件编号\r\n");
        List<String> rows = List.of(csv.substring(1).split("\r\n"));
        assertThat(rows).hasSize(4);
        assertThat(rows.get(2)).startsWith("合计,1笔,,,," + settled.setScale(2).toPlainString() + ",");
        String checked = rows.get(0) + "\r\n" + rows.get(1) + "\r\n";
        assertThat(rows.get(3)).isEqualTo("校验,SHA-256," + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(checked.getBytes(StandardCharsets.UTF_8))) + ",,,,,");

        // paid on Monday: the board has approval (Friday 09-15) → payment (Monday 09-25) as working days; the batch was formed
        // on Saturday 09-23, a rest day, so its period counts from Monday (docs/working-days.md) and Monday's payment took 0
        ClockUtil.setCurrentTime(at("2023-09-25T10:00:00+08:00"));
        pay(settlement, instance, "GK-2023-0925", "2023-09-25");
        assertThat(jdbc.queryForMap("SELECT outcome, notice_days, payment_days, approval_to_payment_days, paid_amount FROM board_case "
                + "WHERE case_number = ?", caseNumber))
                .containsEntry("OUTCOME", "PAID").containsEntry("NOTICE_DAYS", 5).containsEntry("PAYMENT_DAYS", 0)
                .containsEntry("APPROVAL_TO_PAYMENT_DAYS", 6);
        assertThatThrownBy(() -> paymentFile.content(settlements.findById(s.getId()).orElseThrow()))
                .as("everything paid: the settlement is closed, no file").isInstanceOf(ConflictException.class);
    }

    private static Date at(String time) {
        return Date.from(Instant.from(ZonedDateTime.parse(time)));
    }
}
