package cn.huiqi.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.huiqi.enterprise.Enterprise;
import cn.huiqi.enterprise.EnterpriseRegister;
import cn.huiqi.enterprise.Uscc;
import cn.huiqi.testsupport.HeadlessChromium;
import cn.huiqi.testsupport.ProcessTestSupport;
import cn.huiqi.testsupport.QuickStartTest;
import cn.huiqi.testsupport.TasklistPage;
import cn.huiqi.testsupport.TestUsers;

/**
 * The m1 city review in Tasklist, headless Chromium, in Chinese: the commerce bureau's reviewer opens the review after
 * the industry bureau has not accepted order 2. The form shows order 2 as 不予认可 both in the result and in the
 * read-only 打开本表时的结果 column; the reviewer accepts it again with a reason and approves. Tasklist's form sends the
 * read-only column with the rows (form-js submits read-only fields, not disabled ones), so the server counts the
 * reviewer's row as the reviewer's own change: both orders count again (CNY 200,000). Without that column the
 * server would have read the row as "shown before the other bureau's change and left as it was" and kept 50,000
 * (orderreward.OrderVerification).
 */
@QuickStartTest
class TasklistCityReviewUndoBrowserTest {

    private static final String PASSWORD = "Tasklist-Undo-2023";

    @LocalServerPort
    int port;
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

    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private TasklistPage tasklist;

    @BeforeEach
    void openBrowser() {
        chromium = HeadlessChromium.open(1280, 1000);
        browser = chromium.browser();
        wait = chromium.waitUpTo(Duration.ofSeconds(90)); // Tasklist's bundles are large; machines are busy
        tasklist = new TasklistPage(browser, wait, port, "tasklist-city-undo");
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theSecondBureauAcceptsAgainAnOrderTheFirstDidNotAccept() throws IOException {
        TestUsers.person(identityService, "undo-ent", "enterprise", PASSWORD);
        TestUsers.person(identityService, "undo-verifier", "qingshanhu", PASSWORD);
        TestUsers.person(identityService, "undo-gxj", "gxj", PASSWORD);
        TestUsers.person(identityService, "undo-swj", "swj", PASSWORD);
        String first17 = "91360111MA38CRW01"; // no other test registers it (the quick-start contexts share one database)
        Enterprise enterprise = register.register(new EnterpriseRegister.Registration(first17 + Uscc.checkCharacter(first17),
                "南昌城市审核测试有限公司", "qingshanhu", "孙八", "0791-80000016", null, null, null));
        register.bind(enterprise, "undo-ent");
        Map<String, Object> orders = ProcessTestSupport.orders("60000000.00", "2023-08-01", "250000000.00", "2023-09-01");
        String caseNumber = TestUsers.as(identityService, "undo-ent", () -> runtimeService
                .startProcessInstanceByKey("m1-order-reward", orders).getBusinessKey());
        complete("undo-verifier", task(caseNumber, "Task_LocalityVerification", "qingshanhu"), ProcessTestSupport.approveAccepting(2));
        assertThat(rewardOf(caseNumber)).isEqualByComparingTo("200000.00");
        Map<String, Object> notAccepted = ProcessTestSupport.decision("approve", null);
        notAccepted.put("orderVerification", List.of(Map.of("line", 2, "result", "notAccept", "reason", "出口报关单与合同不符")));
        complete("undo-gxj", task(caseNumber, "Task_CityReview", "gxj"), notAccepted);
        assertThat(rewardOf(caseNumber)).isEqualByComparingTo("50000.00");

        Task swj = task(caseNumber, "Task_CityReview", "swj");
        chromium.askForChinese();
        tasklist.signIn("undo-swj", PASSWORD);
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + swj.getId());
        tasklist.claim();
        WebElement approve = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".fjs-container input[id$='Field_Decision-0']")));

        // the task's name shows the amount as the industry bureau's change left it
        assertThat(browser.findElement(By.tagName("body")).getText()).contains(caseNumber + " · 南昌城市审核测试有限公司 · ¥50,000.00");
        // order 2 as the industry bureau left it, in the result and in the read-only column
        By secondResult = rowField("select", "核实结果", 2);
        By secondWhenOpened = rowField("select", "打开本表时的结果", 2);
        wait.until(d -> d.findElement(secondResult).getText().contains("不予认可"));
        assertThat(browser.findElement(secondWhenOpened).getText()).contains("不予认可");
        tasklist.shot("tasklist-city-review-opened");

        tasklist.choose(secondResult, "已落地实施");
        // the field shows the industry bureau's reason: the reviewer replaces it with their own
        WebElement reason = browser.findElement(By.xpath(
                "(//div[contains(@class,'fjs-form-field-textfield')][.//label[contains(., '理由')]])[2]//input"));
        assertThat(reason.getAttribute("value")).isEqualTo("出口报关单与合同不符");
        reason.sendKeys(Keys.chord(Keys.CONTROL, "a"), "补交的出口报关单与合同一致");
        wait.until(d -> "补交的出口报关单与合同一致".equals(reason.getAttribute("value")));
        approve.click();
        WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']")));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", complete);
        tasklist.shot("tasklist-city-review-filled");
        complete.click();

        wait.until(d -> historyService.createHistoricTaskInstanceQuery().taskId(swj.getId()).finished().count() == 1);
        assertThat(rewardOf(caseNumber)).as("order 2 counts again: the reviewer's own change").isEqualByComparingTo("200000.00");
        assertThat(jdbc.queryForObject("SELECT verification_reason FROM m1_order o JOIN case_record c ON c.id = o.case_id "
                + "WHERE c.case_number = ? AND o.line_no = 2", String.class, caseNumber)).isEqualTo("补交的出口报关单与合同一致");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_event e JOIN case_record c ON c.id = e.case_id "
                + "WHERE c.case_number = ? AND e.action = 'ORDER_VERIFICATION_CHANGED' AND e.actor = 'undo-swj'", Long.class, caseNumber))
                .isEqualTo(1);
    }

    /** The field labelled so in the n-th row (1-based) of the orders' dynamic list. */
    private static By rowField(String type, String label, int row) {
        return By.xpath("(//div[contains(@class,'fjs-form-field-" + type + "')][.//label[contains(., '" + label + "')]])[" + row
                + "]//div[contains(@class,'fjs-input-group')]");
    }

    private Task task(String caseNumber, String step, String group) {
        return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(step).taskCandidateGroup(group)
                .singleResult();
    }

    private void complete(String user, Task task, Map<String, Object> variables) {
        TestUsers.complete(identityService, taskService, user, task.getId(), variables);
    }

    private BigDecimal rewardOf(String caseNumber) {
        return jdbc.queryForObject("SELECT r.reward_amount FROM reward_claim r JOIN case_record c ON c.id = r.case_id "
                + "WHERE c.case_number = ?", BigDecimal.class, caseNumber);
    }
}
