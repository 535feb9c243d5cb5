package cn.huiqi.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.huiqi.enterprise.Enterprise;
import cn.huiqi.enterprise.EnterpriseRegister;
import cn.huiqi.identity.DemoAccounts;
import cn.huiqi.testsupport.HeadlessChromium;
import cn.huiqi.testsupport.TasklistPage;
import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.QuickStartTest;
import cn.huiqi.testsupport.TestUsers;

/**
 * Issue 15 items 1 and 2 in Tasklist, headless Chromium: the locality's verifier lands on the unit's queue, whose
 * list item names the case, the applicant and the amount (the name search finds the task by case number); opens the
 * measure-1 verification (a form with a dynamic list of orders), clicks 完成 without choosing a decision, sees the
 * form's message in Chinese and a Chinese toast that says what to do and does not cover 完成; gives the order a
 * result, chooses 退回补正, types a comment and clicks 完成 again without reloading the page; the task is
 * completed (checked through the engine's REST API). Clicks are WebDriver's own, at the button's centre, as a
 * person's: before the fix the toast lay over 完成 and took them.
 */
@QuickStartTest
class TasklistCompleteAfterErrorBrowserTest {

    private static final String PASSWORD = "Tasklist-Ux-2023";
    private static final String UNIT_QUEUE = "本单位待办 / My unit's tasks";

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
    FilterService filterService;
    @Autowired
    EnterpriseRegister register;

    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private TasklistPage tasklist;

    @BeforeEach
    void openBrowser() {
        chromium = HeadlessChromium.open(1280, 1000);
        browser = chromium.browser();
        wait = chromium.waitUpTo(Duration.ofSeconds(90)); // Tasklist's bundles are large; machines are busy
        tasklist = new TasklistPage(browser, wait, port, "tasklist-complete");
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theVerifierFindsTheTaskAndCompletesItAfterARefusedFirstAttemptWithoutReloading() throws IOException {
        TestUsers.person(identityService, "tlux-ent", "enterprise", PASSWORD);
        TestUsers.person(identityService, "tlux-verifier", "qingshanhu", PASSWORD);
        Enterprise enterprise = register.register(new EnterpriseRegister.Registration("91360111MA38TL15XC",
                "南昌任务中心测试有限公司", "qingshanhu", "钱七", "0791-80000015", null, null, null));
        register.bind(enterprise, "tlux-ent");
        Map<String, Object> order = new HashMap<>();
        order.put("counterparty", "上海某某贸易有限公司");
        order.put("contractNumber", "HT-TLUX-001");
        order.put("signingDate", "2023-08-01");
        order.put("orderAmount", "250000000.00");
        order.put("executionEvidence", "发货单 FH-2023-015");
        String caseNumber = TestUsers.as(identityService, "tlux-ent", () -> runtimeService
                .startProcessInstanceByKey("m1-order-reward", Map.of("orders", List.of(order))).getBusinessKey());
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("Task_LocalityVerification").singleResult();

        // the task's name tells the case, the applicant and the amount; Tasklist's name search finds it by case number
        assertThat(task.getName()).startsWith("属地核实 · " + caseNumber + " · 南昌任务中心测试有限公司 · ¥").doesNotContain("/");
        String unitQueue = filterService.createFilterQuery().filterName(UNIT_QUEUE).singleResult().getId();
        long found = TestUsers.as(identityService, "tlux-verifier", () -> filterService.count(unitQueue,
                taskService.createTaskQuery().taskNameLike("%" + caseNumber + "%")));
        assertThat(found).as("the unit's queue searched by case number").isEqualTo(1);

        chromium.askForChinese();
        tasklist.signIn("tlux-verifier", PASSWORD);

        // Tasklist opens on the unit's queue, whose list item shows the case
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains(caseNumber));
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page.indexOf("本单位待办")).as("the unit's queue listed first").isNotNegative().isLessThan(page.indexOf("我的任务"));
        assertThat(page).contains(caseNumber + " · 南昌任务中心测试有限公司 · ¥");
        tasklist.shot("tasklist-unit-queue");

        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task.getId());
        tasklist.claim();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".fjs-container input[id$='Field_Decision-1']")));

        // 完成 with no decision: the form refuses, in Chinese, and a toast says what to do
        By complete = By.cssSelector("button[ng-click='complete()']");
        WebElement first = wait.until(ExpectedConditions.elementToBeClickable(complete));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", first); // as a person scrolls the form
        first.click(); // WebDriver's own click, at the button's centre, where a person clicks
        WebElement message = tasklist.visible(By.cssSelector(".fjs-container .fjs-form-field-error"));
        wait.until(d -> message.getText().startsWith("此项为必填项"));
        WebElement toast = tasklist.visible(By.cssSelector(".page-notifications .alert"));
        tasklist.shot("tasklist-complete-refused");
        assertThat(toast.getText()).contains("提交任务表单时出错").contains("请按表单中标红的提示填写后再提交");
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).finished().count()).isZero();

        // the order's result (a field of the dynamic list), 退回补正 and a comment; 完成 again on the same page
        tasklist.choose(By.cssSelector(".fjs-container .fjs-form-field-select .fjs-input-group"), "已落地实施");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".fjs-container input[id$='Field_Decision-1']"))).click();
        browser.findElement(By.cssSelector(".fjs-container textarea[id$='Field_Comment']")).sendKeys("请补充第1笔订单的发货单。");
        wait.until(d -> d.findElements(By.cssSelector(".fjs-container .fjs-form-field-error")).isEmpty());
        WebElement button = wait.until(ExpectedConditions.elementToBeClickable(complete));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
        assertThat((Boolean) browser.executeScript("const r = arguments[0].getBoundingClientRect();"
                + "const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                + "return hit === arguments[0] || arguments[0].contains(hit);", button))
                .as("nothing (no toast) lies over 完成").isTrue();
        tasklist.shot("tasklist-complete-filled");
        button.click();

        wait.until(d -> historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).finished().count() == 1);
        HttpApi admin = HttpApi.as(port, "admin", DemoAccounts.PASSWORD); // the verifier may not read history
        assertThat(admin.get("/engine-rest/history/task?taskId=" + task.getId()).body())
                .as("the engine reports the task completed").contains("\"deleteReason\":\"completed\"");
    }
}
