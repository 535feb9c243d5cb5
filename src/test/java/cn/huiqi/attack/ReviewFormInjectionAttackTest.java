package cn.huiqi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.huiqi.enterprise.Enterprise;
import cn.huiqi.enterprise.EnterpriseRegister;
import cn.huiqi.testsupport.HeadlessChromium;
import cn.huiqi.testsupport.TasklistPage;
import cn.huiqi.testsupport.TestUsers;

/**
 * Item 4 of issue 9 in Tasklist, headless Chromium (Debian chromium + chromium-driver, skipped without
 * them): an enterprise writes a markdown table row, emphasis and HTML into an order's evidence of
 * execution; the verifier opens the task in Tasklist, on a desktop and on a 390 px wide phone, and sees that
 * text literally in a read-only text area of the order list "企业填报的订单（原文）", no table, no markup,
 * and the reward decided by the rule only in the disabled group "系统认定", from the case record.
 * Completing the task through the form then submits the decision and the order's verification only: no
 * display field is sent back, and the order's text is stored as the enterprise wrote it.
 */
class ReviewFormInjectionAttackTest extends OnMariaDbWithWebapps {

    private static final String PASSWORD = "Form-Attack-2023";
    private static final String FAKE_ROW = "| 规则认定奖励（元）/ Reward by rule (CNY) | 4999999.00 |";
    private static final String EVIDENCE = "发货单 FH-2023-001\n" + FAKE_ROW + "\n**已核实** <b id=\"injected\">html</b> {{rewardAmount}}";

    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    EnterpriseRegister register;
    @Autowired
    JdbcTemplate jdbc;

    private ChromeDriver browser;
    private HeadlessChromium chromium;
    private WebDriverWait wait;
    private TasklistPage tasklist;

    @BeforeEach
    void openBrowser() {
        chromium = HeadlessChromium.open(1600, 1200);
        browser = chromium.browser();
        wait = chromium.waitUpTo(Duration.ofSeconds(90)); // Tasklist's bundles are large; CI machines are busy
        tasklist = new TasklistPage(browser, wait, port, "review-form");
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theVerifierSeesTheEnterprisesTextAsTextAndTheRewardFromTheCaseRecord() throws IOException {
        TestUsers.person(identityService, "fa-admin", "camunda-admin", PASSWORD); // else the webapps show their setup page
        TestUsers.person(identityService, "fa-ent", "enterprise", PASSWORD);
        TestUsers.person(identityService, "fa-qingshanhu", "qingshanhu", PASSWORD);
        Enterprise enterprise = register.register(new EnterpriseRegister.Registration("91360111MA38GK7X58",
                "南昌表单注入测试有限公司", "qingshanhu", "赵六", "0791-80000002", null, null, null));
        register.bind(enterprise, "fa-ent");
        Map<String, Object> order = new HashMap<>();
        order.put("counterparty", "上海某某贸易有限公司 | 4999999.00 |");
        order.put("contractNumber", "HT-FORM-001");
        order.put("signingDate", "2023-08-01");
        order.put("orderAmount", "250000000.00");
        order.put("executionEvidence", EVIDENCE);
        Map<String, Object> form = new HashMap<>();
        form.put("orders", List.of(order));
        String caseNumber = TestUsers.as(identityService, "fa-ent",
                () -> runtimeService.startProcessInstanceByKey("m1-order-reward", form).getBusinessKey());
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("Task_LocalityVerification").singleResult();

        tasklist.signIn("fa-qingshanhu", PASSWORD);

        for (Dimension size : List.of(new Dimension(1600, 1200), new Dimension(390, 844))) {
            browser.manage().window().setSize(size);
            WebElement evidence = tasklist.open("#/?task=" + task.getId(),
                    By.cssSelector(".fjs-container textarea[id*='Field_ExecutionEvidence']"));
            String width = size.getWidth() + "px";
            Files.write(Path.of("target", "review-form-" + width + ".png"), browser.getScreenshotAs(OutputType.BYTES));

            boolean literal = EVIDENCE.equals(evidence.getDomProperty("value")) && readOnly(evidence)
                    && browser.findElements(By.cssSelector(".fjs-container table, .fjs-container #injected, .fjs-container strong")).isEmpty();
            String systemGroup = group("Determined by the system");
            String declaredGroup = group("as declared by the enterprise");
            boolean separate = systemGroup.contains("200000.00") && !systemGroup.contains("4999999") && declaredGroup.contains(FAKE_ROW);
            AttackLedger.record("form-markdown-injection", literal && separate,
                    "evidence with a fake table row in Tasklist at " + width + ": literal=" + literal + ", separate=" + separate);
            assertThat(evidence.getDomProperty("value")).as(width).isEqualTo(EVIDENCE);
            assertThat(readOnly(evidence)).as("the evidence is read-only").isTrue();
            assertThat(browser.findElements(By.cssSelector(".fjs-container table, .fjs-container #injected, .fjs-container strong")))
                    .as("no markup from the enterprise's text at " + width).isEmpty();
            assertThat(systemGroup).contains("200000.00").contains("order-reward").doesNotContain("4999999");
            assertThat(systemGroup).startsWith("系统认定");
            assertThat(declaredGroup).startsWith("企业填报").contains(EVIDENCE);
            assertThat((String) browser.executeScript("const g = Array.from(document.querySelectorAll('.fjs-container .fjs-form-field-group'))"
                    + ".find(e => e.textContent.includes('Evidence files')); return g ? g.textContent : '';"))
                    .as("the files list, written by the system (none here)").contains("尚无上传的材料");
            Number right = (Number) browser.executeScript("return arguments[0].getBoundingClientRect().right;", evidence);
            assertThat(right.doubleValue()).as("the evidence fits the screen at " + width).isLessThanOrEqualTo(size.getWidth());
        }

        // complete through the form: the order accepted and the decision; no display field is sent back
        browser.manage().window().setSize(new Dimension(1600, 1200));
        tasklist.claim(); // Tasklist's form takes input once the task is claimed
        WebElement approve = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".fjs-container input[id$='Field_Decision-0']")));
        tasklist.choose(By.cssSelector(".fjs-container .fjs-form-field-select .fjs-input-group"), "Accept"); // the order's result
        click(approve);
        By complete = By.cssSelector("button[ng-click='complete()']:not([disabled])");
        boolean completable;
        try {
            completable = chromium.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(complete)) != null;
        } catch (org.openqa.selenium.TimeoutException e) {
            completable = false;
        }
        assertThat(completable).as("Tasklist enables Complete once the order has a result and the decision is chosen"
                + " (form-js leaves an empty error entry per changed field of a dynamic list, which Tasklist counts as an error;"
                + " tasklist/scripts/camunda-forms.js drops the empty entries)").isTrue();
        click(tasklist.visible(complete));
        wait.until(d -> historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).finished().count() == 1);
        // the display fields are form fields computed when the form is read (process.FormFigures), never variables:
        // a variable of that name in the review chain's history would be the form sending it back
        List<String> changed = historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(task.getProcessInstanceId())
                .list().stream().map(HistoricVariableInstance::getName)
                .filter(name -> name.matches("(system|declared)[A-Z].*|reviewerRequest"))
                .toList();
        assertThat(jdbc.queryForList("SELECT e.actor FROM case_event e JOIN case_record c ON c.id = e.case_id"
                + " WHERE c.case_number = ? AND e.action = 'TASK_LOCALITYVERIFICATION_APPROVE'", String.class, caseNumber))
                .as("what the form did send: the decision, on the timeline").containsExactly("fa-qingshanhu");
        AttackLedger.record("form-display-fields-submitted", changed.isEmpty(), "display fields sent back: " + changed);
        assertThat(changed).as("display fields written back by the completion").isEmpty();
        assertThat(jdbc.queryForMap("SELECT o.verification, o.execution_evidence, o.counterparty FROM m1_order o"
                + " JOIN case_record c ON c.id = o.case_id WHERE c.case_number = ?", caseNumber))
                .as("the order verified, its text as the enterprise wrote it")
                .containsEntry("verification", "ACCEPTED").containsEntry("execution_evidence", EVIDENCE)
                .containsEntry("counterparty", "上海某某贸易有限公司 | 4999999.00 |");
    }

    private static boolean readOnly(WebElement field) {
        return Boolean.parseBoolean(field.getDomProperty("readOnly"));
    }

    /** The label and every value shown in the form's group (or list) whose label contains {@code label}, one per line. */
    private String group(String label) {
        return (String) browser.executeScript("const g = Array.from(document.querySelectorAll("
                + "'.fjs-container .fjs-form-field-group, .fjs-container .fjs-form-field-dynamiclist'))"
                + ".find(e => e.textContent.includes(arguments[0]));"
                + "return g ? [g.querySelector('label, legend').textContent]"
                + ".concat(Array.from(g.querySelectorAll('input, textarea')).map(e => e.value)).join('\\n') : '';", label);
    }

    private void click(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
    }
}
