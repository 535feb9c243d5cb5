package cn.huiqi.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseStatus;
import cn.huiqi.casefile.CaseStatusChanged;
import cn.huiqi.common.Label;
import cn.huiqi.common.NotFoundException;
import cn.huiqi.evaluation.EvaluationCirculated;
import cn.huiqi.evaluation.ReviewRequestsAnswered;
import cn.huiqi.identity.Caller;
import cn.huiqi.orderreward.OrderApplicationType;
import cn.huiqi.testsupport.ProcessTestSupport;
import cn.huiqi.testsupport.TestUsers;
import cn.huiqi.timelimit.StepDueSoon;
import cn.huiqi.timelimit.StepOverdue;
import cn.huiqi.timelimit.SupplementDeadlineNear;

/**
 * Issue 12 item 6: each event gives the right messages to the right recipients and nobody else, in the step's
 * transaction; read/unread per user; the SMS log; a rolled-back step neither writes nor sends anything.
 * Each test applies for measure 1 with a fresh enterprise (one application per enterprise).
 */
@ExtendWith(OutputCaptureExtension.class)
class InboxNoticesTest extends ProcessTestSupport {

    @Autowired
    InboxMessageRepository messages;
    @Autowired
    SmsLogRepository smsLog;
    @Autowired
    Inbox inbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationEventPublisher publisher;

    @Test
    void officialsHearOfTheirTasksAndTheEnterpriseOfItsSupplementAndRejection(CapturedOutput output) {
        String applicant = newEnterpriseUser("donghu");
        long enterprise = mobile(applicant, "13800000001");
        ProcessInstance instance = apply(applicant, OrderApplicationType.PROCESS_KEY, orders("60000000.00", "2023-08-15"));
        CaseRecord caseRecord = caseOf(instance);

        assertThat(notices(caseRecord)).containsExactly("NEW_TASK→UNIT:donghu");
        InboxMessage newTask = messages.findByCaseIdOrderByIdAsc(caseRecord.getId()).get(0);
        assertThat(newTask.title().zh()).isEqualTo("新任务：属地核实 " + caseRecord.getCaseNumber());
        assertThat(newTask.body().zh()).contains(caseRecord.getCaseNumber(), "测试企业", "M1", "属地核实").doesNotContain("60000000", "6000");
        assertThat(newTask.getLink()).startsWith("camunda/app/tasklist/default/#/?task=");

        completeAs("donghu-verifier", taskFor(instance, "Task_LocalityVerification", "donghu"), decision("sendBack", "请补充合同原件"));
        // the supplement task is the applicant's own: its 补正 message speaks for it, no "new task" to the login
        assertThat(notices(caseRecord)).containsExactly("NEW_TASK→UNIT:donghu", "SUPPLEMENT_REQUESTED→ENTERPRISE:" + enterprise);
        InboxMessage supplement = last(caseRecord);
        assertThat(supplement.body().zh()).contains("退回补正", "请补充合同原件").doesNotContain("donghu-verifier");

        completeAs(applicant, singleTask(instance, "Task_LocalitySupplement"), java.util.Map.of("supplementNote", "已补充合同原件"));
        completeAs("donghu-verifier", taskFor(instance, "Task_LocalityVerification", "donghu"), approveAccepting(1));
        completeAs("gxj-reviewer", taskFor(instance, "Task_CityReview", "gxj"), decision("reject", "订单未实际履行"));

        assertThat(notices(caseRecord)).containsExactly("NEW_TASK→UNIT:donghu", "SUPPLEMENT_REQUESTED→ENTERPRISE:" + enterprise,
                "NEW_TASK→UNIT:donghu", "NEW_TASK→UNIT:gxj", "NEW_TASK→UNIT:swj", "REJECTED→ENTERPRISE:" + enterprise);
        InboxMessage rejected = last(caseRecord);
        assertThat(rejected.title().zh()).isEqualTo("已驳回：" + caseRecord.getCaseNumber());
        assertThat(rejected.body().zh()).contains("订单未实际履行");
        for (InboxMessage m : messages.findByCaseIdOrderByIdAsc(caseRecord.getId())) {
            if (m.recipient().kind() == Recipient.Kind.ENTERPRISE) {
                assertThat(m.title().both() + m.body().both()).as("an enterprise's message names no official's login")
                        .doesNotContain("donghu-verifier", "gxj-reviewer", "swj-reviewer");
            }
        }

        // SMS: the enterprise kinds only, to the register's number, after the step committed
        assertThat(smsOf(caseRecord)).extracting(SmsLogEntry::getStatus, SmsLogEntry::getPhoneMasked, SmsLogEntry::getProvider)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SmsLogEntry.Status.SENT, "138****0001", "log"),
                        org.assertj.core.groups.Tuple.tuple(SmsLogEntry.Status.SENT, "138****0001", "log"));
        assertThat(smsOf(caseRecord).get(1).getContent()).isEqualTo("【惠企】已驳回：" + caseRecord.getCaseNumber()
                + "（案件 " + caseRecord.getCaseNumber() + "），详情请登录惠企系统查看。");
        assertThat(output).contains("SMS to 138****0001: 【惠企】已驳回").doesNotContain("13800000001");
    }

    @Test
    void theEnterpriseHearsOfItsPublicNoticeAndPaymentAndFinanceOfItsPaymentTask() {
        String applicant = newEnterpriseUser("gaoxin");
        long enterprise = mobile(applicant, "13600000004");
        java.util.Map<String, Object> form = new java.util.HashMap<>();
        form.put("taxableRevenue", "123456789.99");
        form.put("priorYearRevenue", "100000000.00");
        form.put("revenueEvidence", "2023年第三季度增值税申报表");
        ProcessInstance instance = apply(applicant, cn.huiqi.growthreward.GrowthApplicationType.PROCESS_KEY, form);
        CaseRecord caseRecord = caseOf(instance);
        completeAs("gaoxin-verifier", taskFor(instance, "Task_LocalityVerification", "gaoxin"), decision("approve", null));
        completeAs("gxj-reviewer", taskFor(instance, "Task_CityReview", "gxj"), decision("approve", null));
        ProcessInstance settlement = settle("M2");
        endNotice(settlement);
        pay(settlement, instance, "CZ-INBOX-1", "2023-12-01");

        assertThat(notices(caseRecord)).containsExactly("NEW_TASK→UNIT:gaoxin", "NEW_TASK→UNIT:gxj",
                "PUBLIC_NOTICE→ENTERPRISE:" + enterprise, "PAID→ENTERPRISE:" + enterprise);
        assertThat(last(caseRecord).body().zh()).contains(caseRecord.getCaseNumber(), "已拨付").doesNotContain("czj-finance", "CZ-INBOX-1");
        assertThat(smsOf(caseRecord)).extracting(SmsLogEntry::getStatus).containsExactly(SmsLogEntry.Status.SENT, SmsLogEntry.Status.SENT);
        // the settlement's payment task has no case: finance is told of it by the process's name
        List<InboxMessage> toFinance = messages.findAll().stream().filter(m -> m.getKind() == NoticeKind.NEW_TASK
                && m.recipient().equals(Recipient.unit("czj")) && m.getCaseId() == null).toList();
        assertThat(toFinance).isNotEmpty();
        assertThat(toFinance.get(toFinance.size() - 1).body().zh()).startsWith("流程“资金结算与批量拨付”").contains("确认支付");
    }

    @Test
    void eachReaderSeesOnlyItsOwnMessagesReadOrUnreadForItself() {
        String applicant = newEnterpriseUser("donghu");
        ProcessInstance instance = apply(applicant, OrderApplicationType.PROCESS_KEY, orders("60000000.00", "2023-08-16"));
        CaseRecord caseRecord = caseOf(instance);
        completeAs("donghu-verifier", taskFor(instance, "Task_LocalityVerification", "donghu"), decision("sendBack", "请补充发票"));
        long toUnit = messages.findByCaseIdOrderByIdAsc(caseRecord.getId()).get(0).getId();
        long toEnterprise = last(caseRecord).getId();
        TestUsers.person(identityService, "donghu-second", "donghu", "pw-" + System.nanoTime());

        Caller verifier = caller("donghu-verifier");
        Caller colleague = caller("donghu-second");
        Caller enterpriseUser = caller(applicant);
        assertThat(ids(verifier)).contains(toUnit).doesNotContain(toEnterprise);
        assertThat(ids(colleague)).contains(toUnit).doesNotContain(toEnterprise);
        assertThat(ids(enterpriseUser)).contains(toEnterprise).doesNotContain(toUnit);
        for (String outsider : List.of("xihu-verifier", "gxj-reviewer", "czj-finance", "policy-staff", "admin", "audit-staff", "ent-hongdu")) {
            assertThat(ids(caller(outsider))).as(outsider).doesNotContain(toUnit, toEnterprise);
            assertThatThrownBy(() -> inbox.markRead(caller(outsider), toUnit)).as(outsider).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> inbox.markRead(caller(outsider), toEnterprise)).as(outsider).isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> inbox.markRead(verifier, toEnterprise)).isInstanceOf(NotFoundException.class);

        long before = inbox.unread(colleague);
        inbox.markRead(verifier, toUnit);
        inbox.markRead(verifier, toUnit);
        assertThat(read(verifier, toUnit)).isTrue();
        assertThat(read(colleague, toUnit)).as("read marks are per user").isFalse();
        assertThat(inbox.unread(colleague)).isEqualTo(before);
        assertThat(inbox.page(verifier, true, 0, 100).items()).extracting(Inbox.MessageView::id).doesNotContain(toUnit);
        inbox.markAllRead(colleague, Long.MAX_VALUE);
        assertThat(inbox.unread(colleague)).isZero();
        assertThat(inbox.page(enterpriseUser, true, 0, 100).items()).extracting(Inbox.MessageView::id).contains(toEnterprise);
        assertThat(inbox.page(enterpriseUser, false, 0, 100).items().get(0).id()).as("newest first").isEqualTo(toEnterprise);
    }

    @Test
    void timeLimitEventsReachTheStepsUnitTheLeadUnitAndTheApplicant(CapturedOutput output) {
        String applicant = newEnterpriseUser("xihu");
        long enterprise = mobile(applicant, "13900000002");
        ProcessInstance instance = apply(applicant, OrderApplicationType.PROCESS_KEY, orders("60000000.00", "2023-08-17"));
        CaseRecord caseRecord = caseOf(instance);
        String taskId = taskFor(instance, "Task_LocalityVerification", "xihu").getId();
        Instant due = Instant.parse("2023-10-11T15:59:59Z");

        inTransaction(() -> publisher.publishEvent(new StepDueSoon(caseRecord.getId(), taskId, "Task_LocalityVerification", "xihu", due)));
        inTransaction(() -> publisher.publishEvent(new StepOverdue(caseRecord.getId(), taskId, "Task_LocalityVerification", "xihu", "gxj", due)));
        inTransaction(() -> publisher.publishEvent(new SupplementDeadlineNear(caseRecord.getId(), LocalDate.of(2023, 10, 11))));
        inTransaction(() -> publisher.publishEvent(new CaseStatusChanged(caseRecord, "SUPPLEMENT_REQUESTED", withdrawn())));

        assertThat(notices(caseRecord)).containsExactly("NEW_TASK→UNIT:xihu", "STEP_DUE_SOON→UNIT:xihu", "STEP_OVERDUE→UNIT:xihu",
                "SUPERVISION→UNIT:gxj", "SUPPLEMENT_DEADLINE_NEAR→ENTERPRISE:" + enterprise, "WITHDRAWN→ENTERPRISE:" + enterprise);
        List<InboxMessage> all = messages.findByCaseIdOrderByIdAsc(caseRecord.getId());
        assertThat(all.get(1).title().zh()).isEqualTo("即将到期：属地核实 " + caseRecord.getCaseNumber());
        assertThat(all.get(1).body().zh()).contains("2023年10月11日");
        assertThat(all.get(3).title().zh()).isEqualTo("督办：属地核实 " + caseRecord.getCaseNumber());
        assertThat(all.get(4).body().zh()).contains("2023年10月11日", "视为撤回");
        assertThat(all.get(5).title().zh()).isEqualTo("视为撤回：" + caseRecord.getCaseNumber());
        assertThat(smsOf(caseRecord)).extracting(SmsLogEntry::getStatus).containsExactly(SmsLogEntry.Status.SENT, SmsLogEntry.Status.SENT);
        assertThat(output).contains("SMS to 139****0002: 【惠企】补正期限将至");
    }

    @Test
    void aRolledBackStepLeavesNoMessageAndSendsNothing(CapturedOutput output) {
        String applicant = newEnterpriseUser("qingshanhu");
        mobile(applicant, "13700000003");
        ProcessInstance instance = apply(applicant, OrderApplicationType.PROCESS_KEY, orders("60000000.00", "2023-08-18"));
        CaseRecord caseRecord = caseOf(instance);
        List<String> before = notices(caseRecord);

        transactions.executeWithoutResult(status -> {
            publisher.publishEvent(new SupplementDeadlineNear(caseRecord.getId(), LocalDate.of(2023, 10, 11)));
            publisher.publishEvent(new CaseStatusChanged(caseRecord, "SUPPLEMENT_REQUESTED", withdrawn()));
            status.setRollbackOnly();
        });
        // a step that fails in the engine: the reviewer's send-back without a reason is refused, the transaction rolls back
        assertThatThrownBy(() -> completeAs("qingshanhu-verifier", taskFor(instance, "Task_LocalityVerification", "qingshanhu"),
                decision("sendBack", null))).isInstanceOf(cn.huiqi.common.InvalidInputException.class);

        assertThat(notices(caseRecord)).isEqualTo(before);
        assertThat(smsOf(caseRecord)).isEmpty();
        assertThat(output).doesNotContain("137****0003");

        // without a mobile number in the register: logged as skipped, nothing sent
        mobile(applicant, "0791-86000009");
        inTransaction(() -> publisher.publishEvent(new SupplementDeadlineNear(caseRecord.getId(), LocalDate.of(2023, 10, 11))));
        assertThat(smsOf(caseRecord)).extracting(SmsLogEntry::getStatus, SmsLogEntry::getPhoneMasked)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SmsLogEntry.Status.SKIPPED, "079****0009"));
    }

    @Test
    void theCirculatedRankingReachesEveryLocalityAndTjjAndAnAnsweredReviewItsLocalityWithoutFigures() {
        long before = messages.findAll().stream().mapToLong(InboxMessage::getId).max().orElse(0);
        List<String> localities = List.of("donghu", "xihu", "anyi");
        inTransaction(() -> publisher.publishEvent(new EvaluationCirculated(901, "M5", "2023年前三季度制造业试点区评价",
                LocalDate.of(2023, 10, 18), 5, localities)));
        inTransaction(() -> publisher.publishEvent(new ReviewRequestsAnswered(901, "M5", "2023年前三季度制造业试点区评价", List.of("xihu"), true)));
        inTransaction(() -> publisher.publishEvent(new ReviewRequestsAnswered(901, "M5", "2023年前三季度制造业试点区评价", List.of("anyi"), false)));

        List<InboxMessage> written = messages.findAll().stream().filter(m -> m.getId() > before)
                .sorted(java.util.Comparator.comparing(InboxMessage::getId)).toList();
        assertThat(written).extracting(m -> m.getKind() + "→" + m.recipient().kind() + ":" + m.recipient().id()).containsExactly(
                "EVALUATION_CIRCULATED→UNIT:donghu", "EVALUATION_CIRCULATED→UNIT:xihu", "EVALUATION_CIRCULATED→UNIT:anyi",
                "EVALUATION_CIRCULATED→UNIT:tjj", "EVALUATION_REVIEW_ANSWERED→UNIT:xihu", "EVALUATION_REVIEW_ANSWERED→UNIT:anyi");
        InboxMessage toDonghu = written.get(0);
        assertThat(toDonghu.title().zh()).isEqualTo("评价结果通报：2023年前三季度制造业试点区评价");
        assertThat(toDonghu.body().zh()).contains("已通报", "2023年10月18日24时", "5 个工作日", "系统默认值", "申请复核");
        assertThat(toDonghu.body().en()).contains("circulated", "2023-10-18");
        assertThat(toDonghu.getLink()).isEqualTo("evaluations.html#901");
        assertThat(toDonghu.getCaseId()).isNull();
        assertThat(written.get(3).body().zh()).contains("已通报各地区").doesNotContain("申请复核。");
        assertThat(written.get(4).title().zh()).isEqualTo("复核申请已处理：2023年前三季度制造业试点区评价");
        assertThat(written.get(4).body().zh()).contains("已更正数据", "重新评分");
        assertThat(written.get(5).body().zh()).contains("维持原排名");
        for (InboxMessage m : written) {
            assertThat(m.title().both() + m.body().both()).as("no figure, score, rank or award of anyone")
                    .doesNotContainPattern("\\d+(\\.\\d+)?\\s*(分|元|万|%|名)").doesNotContain("donghu", "xihu", "anyi", "gxj-");
            assertThat(smsLog.findByMessageIdIn(List.of(m.getId()))).as("units get no SMS").isEmpty();
        }
        // a locality's member reads its own messages; another locality's member and an enterprise do not
        TestUsers.person(identityService, "anyi-eval-reader", "anyi", "pw-" + System.nanoTime());
        assertThat(ids(caller("anyi-eval-reader"))).contains(written.get(2).getId(), written.get(5).getId())
                .doesNotContain(written.get(0).getId(), written.get(1).getId(), written.get(3).getId(), written.get(4).getId());
        assertThat(ids(caller(newEnterpriseUser("donghu")))).doesNotContainAnyElementsOf(written.stream().map(InboxMessage::getId).toList());
    }

    @Test
    void mobileNumbersAreRecognisedAndMasked() {
        assertThat(MobileNumbers.mobile("+86 138-0000-0000")).contains("13800000000");
        assertThat(MobileNumbers.mobile("8613800000000")).contains("13800000000");
        assertThat(MobileNumbers.mobile("0791-86000001")).isEmpty();
        assertThat(MobileNumbers.mobile("12800000000")).isEmpty();
        assertThat(MobileNumbers.mobile(null)).isEmpty();
        assertThat(MobileNumbers.mask("13800000000")).isEqualTo("138****0000");
    }

    private void inTransaction(Runnable work) {
        transactions.executeWithoutResult(status -> work.run());
    }

    private static CaseStatus withdrawn() {
        return new CaseStatus() {
            public String name() { return "WITHDRAWN"; }
            public Label label() { return Label.of("视为撤回", "Withdrawn"); }
            public boolean isFinal() { return true; }
        };
    }

    /** Gives the user's enterprise this registered contact number; answers the enterprise id. */
    private long mobile(String userId, String phone) {
        long enterprise = jdbc.queryForObject("SELECT enterprise_id FROM enterprise_user WHERE user_id = ?", Long.class, userId);
        jdbc.update("UPDATE enterprise SET contact_phone = ? WHERE id = ?", phone, enterprise);
        return enterprise;
    }

    private List<String> notices(CaseRecord caseRecord) {
        return messages.findByCaseIdOrderByIdAsc(caseRecord.getId()).stream()
                .map(m -> m.getKind() + "→" + m.recipient().kind() + ":" + m.recipient().id()).toList();
    }

    private InboxMessage last(CaseRecord caseRecord) {
        List<InboxMessage> all = messages.findByCaseIdOrderByIdAsc(caseRecord.getId());
        return all.get(all.size() - 1);
    }

    private List<SmsLogEntry> smsOf(CaseRecord caseRecord) {
        List<Long> ids = messages.findByCaseIdOrderByIdAsc(caseRecord.getId()).stream().map(InboxMessage::getId).toList();
        return ids.isEmpty() ? List.of() : smsLog.findByMessageIdIn(ids).stream()
                .sorted(java.util.Comparator.comparing(SmsLogEntry::getId)).toList();
    }

    private Caller caller(String userId) {
        return new Caller(userId, identityService.createGroupQuery().groupMember(userId).list().stream().map(g -> g.getId()).toList());
    }

    private List<Long> ids(Caller caller) {
        return inbox.page(caller, false, 0, 100).items().stream().map(Inbox.MessageView::id).toList();
    }

    private boolean read(Caller caller, long id) {
        return inbox.page(caller, false, 0, 100).items().stream().filter(m -> m.id() == id).findFirst().orElseThrow().read();
    }
}
