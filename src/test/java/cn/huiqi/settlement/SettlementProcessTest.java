package cn.huiqi.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.huiqi.casefile.RewardStatus;
import cn.huiqi.common.ConflictException;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.fund.FundEntry;
import cn.huiqi.fund.FundLedger;
import cn.huiqi.fund.PoolBalance;
import cn.huiqi.testsupport.ProcessTestSupport;

/**
 * Process fund-settlement on its own database, so it settles exactly the cases made here: measure 1
 * over its 500万 pool (pro-rata), measure 2 with a small pool and first-come-first-served (set for this
 * test only), the notice list, the batch of payments, idempotent confirmation and a failed payment.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:settlement;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE",
        "camunda.bpm.job-execution.enabled=false",
        "huiqi.fund.caps.M2=300000.00",
        "huiqi.fund.rules.M2=FIRST_COME_FIRST_SERVED",
        "huiqi.settlement.cases-per-job=4"})
class SettlementProcessTest extends ProcessTestSupport {

    @Autowired
    FundLedger ledger;
    @Autowired
    SettlementLineRepository lines;
    @Autowired
    SettlementViews views;

    @Test
    void twentySixOrdersOfTwoHundredMillionShareTheFiveMillionPoolProRata() throws Exception {
        List<ProcessInstance> approved = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            approved.add(approvedOrder(newEnterpriseUser("donghu"), "donghu")); // one measure 1 application per enterprise
        }
        PoolBalance before = ledger.balance("M1");
        assertThat(before.reserved()).as("25 reservations fit 500万, the 26th waits").isEqualByComparingTo("5000000.00");

        ProcessInstance settlement = settle("M1");

        Settlement s = settlements.findByProcessInstanceId(settlement.getId()).orElseThrow();
        assertThat(s.isScaled()).isTrue();
        assertThat(s.getAsked()).isEqualByComparingTo("5200000.00");
        // 200,000 × 5,000,000 / 5,200,000 = 192,307.6923… → 192,307.69 each; 26 × 0.0023… fen left over
        assertThat(lines.findBySettlementIdOrderById(s.getId())).hasSize(26)
                .allSatisfy(l -> assertThat(l.getGranted()).isEqualByComparingTo("192307.69"));
        assertThat(s.getGranted()).isEqualByComparingTo("4999999.94");
        assertThat(s.getRemainder()).isEqualByComparingTo("0.06");
        PoolBalance after = ledger.balance("M1");
        assertThat(after.committed()).isEqualByComparingTo("4999999.94");
        assertThat(after.reserved()).isEqualByComparingTo("0.00");
        assertThat(after.reserved().add(after.committed()).add(after.paid())).isLessThanOrEqualTo(after.cap());
        assertThat(approved).allSatisfy(i -> {
            assertThat(review(i)).isWaitingAt("Gateway_Notice");
            assertThat(claimOf(i).getSettledAmount()).isEqualByComparingTo("192307.69");
        });

        try (XSSFWorkbook notice = new XSSFWorkbook(new ByteArrayInputStream(views.noticeList(s)))) {
            // ready to publish: title, notice period and where to object above the table, then the table
            Sheet sheet = notice.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("洪府办发〔2023〕81号 M1 支持工业企业拓展国内国际市场 奖励公示名单（第" + s.getId() + "批）");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).startsWith("公示期：").contains("个工作日").contains("24时届满")
                    .contains("公示期长度为系统默认值，待政策部门确认");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue())
                    .isEqualTo("异议受理：公示期内如有异议，请向南昌市工业和信息化局（市工信局），联系电话以公示文件为准提出（由市工信局登记）");
            Row header = sheet.getRow(4);
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("案件编号");
            assertThat(header.getCell(4).getStringCellValue()).isEqualTo("属地");
            assertThat(header.getCell(6).getStringCellValue()).isEqualTo("核定拨付（元）");
            assertThat(header.getCell(7).getStringCellValue()).isEqualTo("核定拨付（大写）");
            assertThat(sheet.getPhysicalNumberOfRows()).as("3 title rows, the header, 26 cases").isEqualTo(30);
            Row first = sheet.getRow(5);
            assertThat(first.getCell(4).getStringCellValue()).as("the locality by name, not its id").isEqualTo("东湖区");
            assertThat(first.getCell(6).getNumericCellValue()).isEqualTo(192307.69);
            assertThat(first.getCell(6).getCellStyle().getDataFormatString()).as("separators").isEqualTo("#,##0.00");
            assertThat(first.getCell(7).getStringCellValue()).isEqualTo("壹拾玖万贰仟叁佰零柒元陆角玖分");
            assertThat(first.getCell(9).getStringCellValue()).as("measure 1's figures are the policy's own").isEmpty();
            // every column at least as wide as its widest text (a Chinese character counts two)
            DataFormatter shown = new DataFormatter();
            for (int r = 4; r <= sheet.getLastRowNum(); r++) {
                for (org.apache.poi.ss.usermodel.Cell cell : sheet.getRow(r)) {
                    String text = shown.formatCellValue(cell);
                    int chars = text.codePoints().map(ch -> ch < 0x2E80 ? 1 : 2).sum();
                    assertThat(sheet.getColumnWidth(cell.getColumnIndex())).as("column %d fits %s", cell.getColumnIndex(), text)
                            .isGreaterThanOrEqualTo(Math.min(60, chars) * 256);
                }
            }
            assertThat(notice.getSheet("说明").getRow(5).getCell(1).getStringCellValue())
                    .isEqualTo("4,999,999.94（肆佰玖拾玖万玖仟玖佰玖拾玖元玖角肆分）");
        }

        // an objection upheld for one case takes it out of the batch and releases its money
        ProcessInstance objected = approved.get(0);
        runtimeService.createMessageCorrelation("case-objection").processInstanceBusinessKey(objected.getBusinessKey())
                .setVariable("objectionReason", "合同存疑").correlate();
        assertThat(review(objected)).isWaitingAt("Task_CityReview");
        assertThat(ledger.balance("M1").committed()).isEqualByComparingTo("4807692.25");

        endNotice(settlement);
        assertThat(settlement).isWaitingAt("Task_ConfirmPayments");
        try (XSSFWorkbook list = new XSSFWorkbook(new ByteArrayInputStream(views.paymentList(s)))) {
            assertThat(list.getSheetAt(0).getRow(0).getCell(3).getStringCellValue()).isEqualTo("开户银行");
            assertThat(list.getSheetAt(0).getPhysicalNumberOfRows()).as("25 to pay, the objected one is out").isEqualTo(26);
            assertThat(list.getSheetAt(0).getRow(1).getCell(4).getStringCellValue()).isEqualTo("1502200009000012345");
            assertThat(list.getSheetAt(0).getRow(0).getCell(6).getStringCellValue()).isEqualTo("拨付金额（大写）");
            assertThat(list.getSheetAt(0).getRow(1).getCell(6).getStringCellValue()).isEqualTo("壹拾玖万贰仟叁佰零柒元陆角玖分");
        }

        // some payments now, the same confirmation twice, another reference refused, a failure kept visible
        ProcessInstance first = approved.get(1);
        String firstNumber = caseOf(first).getCaseNumber();
        assertThatThrownBy(() -> as("czj-finance", () -> payments.confirm(s.getId(), List.of(
                new SettlementPayments.Confirmation(firstNumber, "CZ-0001", "2023-11-30"),
                new SettlementPayments.Confirmation(firstNumber, "CZ-0001", "2023-11-30")), "czj-finance")))
                .as("one case listed twice in one confirmation").isInstanceOf(InvalidInputException.class);
        assertThat(ledger.entriesOf(caseOf(first).getId())).filteredOn(e -> e.getKind() == FundEntry.Kind.PAY).isEmpty();
        confirm(s, first, "CZ-0001");
        confirm(s, first, "CZ-0001");
        assertThat(ledger.entriesOf(caseOf(first).getId())).filteredOn(e -> e.getKind() == FundEntry.Kind.PAY).hasSize(1);
        assertThatThrownBy(() -> confirm(s, first, "CZ-9999")).isInstanceOf(ConflictException.class);
        assertThat(review(first)).isEnded().hasPassed("End_Paid");
        assertThat(caseOf(first).getStatus()).isEqualTo(RewardStatus.PAID.name());

        ProcessInstance failing = approved.get(2);
        as("czj-finance", () -> payments.reportFailure(s.getId(), caseOf(failing).getCaseNumber(), "账户已销户", "czj-finance"));
        Task batch = taskService.createTaskQuery().processInstanceId(settlement.getId()).singleResult();
        assertThatThrownBy(() -> taskService.complete(batch.getId())).hasMessageContaining("未确认支付");
        assertThat(lines.findBySettlementIdAndCaseId(s.getId(), caseOf(failing).getId()).orElseThrow().getFailureReason())
                .isEqualTo("账户已销户");

        // the batch form's figures are read from the settlement when the form is read: stored nowhere, always current
        long open = lines.findBySettlementIdOrderById(s.getId()).stream().filter(SettlementLine::awaitsPayment).count();
        assertThat(formService.getTaskFormVariables(batch.getId()).get("systemPaymentsOpen")).isEqualTo(open + " 笔 / " + open);
        assertThat(formService.getTaskFormVariables(batch.getId()).get("systemGranted")).isEqualTo("4999999.94"); // 26 × 192,307.69
        assertThat(taskService.getVariables(batch.getId())).doesNotContainKeys("systemPaymentsOpen", "systemGranted");
        confirm(s, approved.get(3), "CZ-" + caseOf(approved.get(3)).getCaseNumber());
        assertThat(formService.getTaskFormVariables(batch.getId()).get("systemPaymentsOpen")).isEqualTo((open - 1) + " 笔 / " + (open - 1));
        for (ProcessInstance i : approved.subList(2, approved.size())) {
            if (i != approved.get(3)) {
                confirm(s, i, "CZ-" + caseOf(i).getCaseNumber());
            }
        }
        assertThat(settlement).isEnded();
        assertThat(settlements.findById(s.getId()).orElseThrow().getStatus()).isEqualTo(Settlement.Status.CLOSED);
        PoolBalance paid = ledger.balance("M1");
        assertThat(paid.paid()).isEqualByComparingTo("4807692.25");
        assertThat(paid.committed()).isEqualByComparingTo("0.00");
    }

    @Test
    void firstComeFirstServedFundsInSubmissionOrderAndTheRestIsNotFunded() throws Exception {
        ProcessInstance early = approvedGrowth("ent-jixiang", "qingshanhu");
        ProcessInstance middle = approvedGrowth("ent-ganjiang", "gaoxin");
        ProcessInstance late = approvedGrowth("ent-xiaolan", "xiaolan");

        ProcessInstance settlement = settle("M2");

        assertThat(claimOf(early).getSettledAmount()).isEqualByComparingTo("150000.00");
        assertThat(claimOf(middle).getSettledAmount()).isEqualByComparingTo("150000.00");
        assertThat(claimOf(late).getSettledAmount()).isEqualByComparingTo("0.00");
        assertThat(review(late)).isEnded().hasPassed("End_NotFunded");
        assertThat(late).isEnded().hasPassed("End_NotFunded");
        assertThat(caseOf(late).getStatus()).isEqualTo(RewardStatus.NOT_FUNDED.name());
        assertThat(review(early)).isWaitingAt("Gateway_Notice");
        assertThat(ledger.balance("M2").committed()).isEqualByComparingTo("300000.00");
        assertThat(settlement).isWaitingAt("Timer_NoticePeriod");

        // measure 2's rates are labelled defaults: its figures are provisional in the settlement and its notice list
        Settlement s = settlements.findByProcessInstanceId(settlement.getId()).orElseThrow();
        assertThat(views.view(s, true).lines()).filteredOn(l -> l.granted().signum() > 0).isNotEmpty()
                .allSatisfy(l -> assertThat(l.provisionalZh()).isEqualTo("暂按系统默认比例计算，待政策部门确认"));
        try (XSSFWorkbook notice = new XSSFWorkbook(new ByteArrayInputStream(views.noticeList(s)))) {
            Sheet sheet = notice.getSheetAt(0);
            assertThat(sheet.getRow(4).getCell(9).getStringCellValue()).isEqualTo("备注");
            assertThat(sheet.getRow(5).getCell(9).getStringCellValue()).isEqualTo("暂按系统默认比例计算，待政策部门确认");
            assertThat(sheet.getRow(5).getCell(7).getStringCellValue()).isEqualTo("壹拾伍万元整");
        }
    }

    // ---- driving cases -----------------------------------------------------------------------------

    private ProcessInstance approvedOrder(String enterpriseUser, String locality) {
        Map<String, Object> order = new HashMap<>();
        order.put("counterparty", "上海某某贸易有限公司");
        order.put("contractNumber", "HT-" + UUID.randomUUID());
        order.put("signingDate", "2023-08-01");
        order.put("orderAmount", "250000000.00");
        order.put("executionEvidence", "发货单");
        Map<String, Object> form = new HashMap<>(Map.of("orders", List.of(order)));
        ProcessInstance instance = as(enterpriseUser, () -> runtimeService.startProcessInstanceByKey("m1-order-reward", form));
        completeAs(locality + "-verifier", taskFor(instance, "Task_LocalityVerification", locality), approveAccepting(1));
        complete("Task_CityReview", "gxj", "gxj-reviewer", instance);
        complete("Task_CityReview", "swj", "swj-reviewer", instance);
        return instance;
    }

    private ProcessInstance approvedGrowth(String enterpriseUser, String locality) {
        Map<String, Object> form = Map.of("taxableRevenue", "150000000.00", "priorYearRevenue", "100000000.00",
                "revenueEvidence", "增值税申报表");
        ProcessInstance instance = as(enterpriseUser, () -> runtimeService.startProcessInstanceByKey("m2-growth-reward", new HashMap<>(form)));
        complete("Task_LocalityVerification", locality, locality + "-verifier", instance);
        complete("Task_CityReview", "gxj", "gxj-reviewer", instance);
        return instance;
    }

    private void complete(String activity, String group, String user, ProcessInstance instance) {
        completeAs(user, taskFor(instance, activity, group), Map.of("decision", "approve"));
    }

    private void confirm(Settlement s, ProcessInstance instance, String reference) {
        as("czj-finance", () -> payments.confirm(s.getId(),
                List.of(new SettlementPayments.Confirmation(caseOf(instance).getCaseNumber(), reference, "2023-11-30")), "czj-finance"));
    }
}
