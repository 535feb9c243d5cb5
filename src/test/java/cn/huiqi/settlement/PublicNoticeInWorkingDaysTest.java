package cn.huiqi.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.huiqi.calendar.WorkingDays;
import cn.huiqi.testsupport.ProcessTestSupport;

/**
 * 公示 in working days (docs/working-days.md): the notice starts when the settlement has announced its cases, its first
 * day is the working day after, its last day the 5th working day, and the timer fires at 24:00 Asia/Shanghai of that day
 * — on the engine's clock (ClockUtil), across the 2023 National Day week and across an ordinary weekend.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:public_notice;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE",
        "camunda.bpm.job-execution.enabled=false"})
class PublicNoticeInWorkingDaysTest extends ProcessTestSupport {

    @Autowired
    SettlementViews views;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    org.camunda.bpm.engine.ManagementService managementService;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void aNoticeStartingOnFriday20230922RunsToTheWorkingSaturday1007AndEndsAtItsMidnight() throws Exception {
        ProcessInstance instance = approvedOrder();
        ProcessInstance settlement = settleAt("2023-09-22T10:00:00+08:00");

        Settlement s = settlements.findByProcessInstanceId(settlement.getId()).orElseThrow();
        // Mon 09-25, 26, 27, 28 (4 days), 09-29..10-06 rest (中秋节、国庆节), Sat 10-07 调休上班 = the 5th
        assertThat(s.getNoticeFirstDay()).isEqualTo(LocalDate.parse("2023-09-25"));
        assertThat(s.getNoticeLastDay()).isEqualTo(LocalDate.parse("2023-10-07"));
        Job timer = timer(settlement);
        assertThat(timer.getDuedate().toInstant()).isEqualTo(ZonedDateTime.parse("2023-10-08T00:00:00+08:00").toInstant());

        ClockUtil.setCurrentTime(at("2023-10-07T23:59:59+08:00"));
        assertThat(executableTimers(settlement)).as("the last day is still under notice").isEmpty();
        ClockUtil.setCurrentTime(at("2023-10-08T00:00:00+08:00"));
        assertThat(executableTimers(settlement)).hasSize(1);

        SettlementView.Notice notice = views.view(s, false).notice();
        assertThat(notice.workingDays()).isEqualTo(5);
        assertThat(notice.endsAt()).isEqualTo(timer.getDuedate().toInstant());
        assertThat(notice.objectionContactZh()).contains("市工信局").contains("联系电话以公示文件为准");
        assertThat(notice.objectionPath()).isEqualTo("/api/cases/{caseNumber}/objections");
        assertThat(cells(views.noticeList(s))).contains("2023年9月25日至2023年10月7日（5个工作日，2023年10月7日24时届满；公示期长度为系统默认值，待政策部门确认）")
                .anySatisfy(c -> assertThat(c).startsWith("公示期内如有异议，请向").contains("市工信局"));

        endNotice(settlement);
        assertThat(settlements.findById(s.getId()).orElseThrow().getStatus()).isEqualTo(Settlement.Status.DISBURSEMENT);
        assertThat(review(instance)).isWaitingAt("Message_PaymentConfirmed");
    }

    @Test
    void aNoticeStartingOnAFridayBeforeAnOrdinaryWeekendEndsTheNextFriday() {
        approvedOrder();
        ProcessInstance settlement = settleAt("2023-09-15T16:30:00+08:00");

        Settlement s = settlements.findByProcessInstanceId(settlement.getId()).orElseThrow();
        assertThat(s.getNoticeFirstDay()).isEqualTo(LocalDate.parse("2023-09-18"));
        assertThat(s.getNoticeLastDay()).isEqualTo(LocalDate.parse("2023-09-22"));
        assertThat(timer(settlement).getDuedate().toInstant()).isEqualTo(ZonedDateTime.parse("2023-09-23T00:00:00+08:00").toInstant())
                .isEqualTo(workingDays.endOf(LocalDate.parse("2023-09-22")));
    }

    @Test
    void instancesOfTheModelBeforeWorkingDaysWaitTheSameNotice() {
        // version(s) of fund-settlement with timeDuration ${publicNotice.duration}: the time left until the same end
        ClockUtil.setCurrentTime(at("2023-09-22T10:00:00+08:00"));
        assertThat(java.time.Duration.parse(publicNotice.getDuration())).isEqualTo(java.time.Duration.between(
                at("2023-09-22T10:00:00+08:00").toInstant(), at("2023-10-08T00:00:00+08:00").toInstant()));
    }

    @Autowired
    PublicNotice publicNotice;

    private ProcessInstance settleAt(String time) {
        ClockUtil.setCurrentTime(at(time));
        return settle("M1");
    }

    private Job timer(ProcessInstance settlement) {
        assertThat(settlement).isWaitingAt("Timer_NoticePeriod");
        return managementService.createJobQuery().processInstanceId(settlement.getId()).activityId("Timer_NoticePeriod").singleResult();
    }

    private List<Job> executableTimers(ProcessInstance settlement) {
        return managementService.createJobQuery().processInstanceId(settlement.getId()).timers().executable().list();
    }

    private static Date at(String time) {
        return Date.from(Instant.from(ZonedDateTime.parse(time)));
    }

    private ProcessInstance approvedOrder() {
        String user = newEnterpriseUser("donghu");
        ProcessInstance instance = as(user, () -> runtimeService.startProcessInstanceByKey("m1-order-reward", orders("60000000.00", "2023-08-01")));
        completeAs("donghu-verifier", taskFor(instance, "Task_LocalityVerification", "donghu"), approveAccepting(1));
        completeAs("gxj-reviewer", taskFor(instance, "Task_CityReview", "gxj"), decision("approve", null));
        completeAs("swj-reviewer", taskFor(instance, "Task_CityReview", "swj"), decision("approve", null));
        return instance;
    }

    private static List<String> cells(byte[] xlsx) throws Exception {
        List<String> texts = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (int sheet = 0; sheet < book.getNumberOfSheets(); sheet++) { // the list, then 说明 (notes)
                for (Row row : book.getSheetAt(sheet)) {
                    for (Cell cell : row) {
                        texts.add(cell.toString());
                    }
                }
            }
        }
        return texts;
    }
}
