package cn.huiqi.webapps;

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
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.huiqi.enterprise.Enterprise;
import cn.huiqi.enterprise.EnterpriseRegister;
import cn.huiqi.testsupport.HeadlessChromium;
import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.QuickStartTest;
import cn.huiqi.testsupport.TestUsers;

/**
 * Issue 15 item 1 in Tasklist, headless Chromium: the locality's verifier clicks 完成 on the measure-1
 * verification (a form with a dynamic list of orders) without choosing a decision, sees the form's message in
 * Chinese and a Chinese toast, chooses 退回补正, types a comment and clicks 完成 again without reloading the
 * page; the task is completed (checked through the engine's REST API).
 */
@QuickStartTest
class TasklistCompleteAfterErrorBrowserTest {

    private static final String PASSWORD = "Tasklist-Ux-2023";

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

    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        chromium = HeadlessChromium.open(1280, 1000);
        browser = chromium.browser();
        wait = new WebDriverWait(browser, Duration.ofSeconds(90)); // Tasklist's bundles are large; machines are busy
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theVerifierCompletesAfterAFailedFirstAttemptWithoutReloading() throws IOException {
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

        // an official's browser asks for Chinese (headless Chromium ignores --lang)
        browser.executeCdpCommand("Network.setUserAgentOverride", Map.of("userAgent",
                String.valueOf(browser.executeScript("return navigator.userAgent")), "acceptLanguage", "zh-CN,zh"));
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        visible(By.cssSelector("input[ng-model='username']")).sendKeys("tlux-verifier");
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form button[type='submit']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task.getId());
        visible(By.xpath("//*[@ng-click='claim()']")).click();
        visible(By.xpath("//*[@ng-click='unclaim()']"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".fjs-container input[id$='Field_Decision-1']")));

        By complete = By.cssSelector("button[ng-click='complete()']");
        browser.executeScript("window.__sent = []; const open = XMLHttpRequest.prototype.open;"
                + "XMLHttpRequest.prototype.open = function (m, u) { window.__sent.push(m + ' ' + u); return open.apply(this, arguments); };");
        click(wait.until(ExpectedConditions.elementToBeClickable(complete)));
        WebElement message = visible(By.cssSelector(".fjs-container .fjs-form-field-error"));
        shot("tasklist-complete-error");
        System.out.println("TLUX message: " + message.getText() + " | toast: " + browser.findElements(By.cssSelector(".notifications .alert, [cam-notifications] .alert")).stream().map(WebElement::getText).toList());
        System.out.println("TLUX state after 1st click: " + state());
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).finished().count()).isZero();

        click(visible(By.cssSelector(".fjs-container input[id$='Field_Decision-1']"))); // 退回补正
        WebElement comment = visible(By.cssSelector(".fjs-container textarea[id$='Field_Comment']"));
        comment.sendKeys("请补充第1笔订单的发货单。");
        wait.until(d -> d.findElements(By.cssSelector(".fjs-container .fjs-form-field-error")).isEmpty());
        shot("tasklist-complete-filled");
        System.out.println("TLUX state before 2nd click: " + state());
        for (int i = 0; i < 3; i++) {
            try {
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(complete));
            } catch (RuntimeException e) {
                System.out.println("TLUX not clickable: " + state());
            }
            click(browser.findElement(complete));
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.out.println("TLUX after click " + (i + 2) + ": " + state() + " sent " + browser.executeScript("return window.__sent.join(' | ')"));
        }
        shot("tasklist-complete-after");

        wait.until(d -> historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).finished().count() == 1);
        HttpApi verifier = HttpApi.as(port, "tlux-verifier", PASSWORD);
        assertThat(verifier.get("/engine-rest/history/task?taskId=" + task.getId()).body())
                .as("the engine reports the task completed").contains("\"deleteReason\":\"completed\"");
    }

    private Object state() {
        return browser.executeScript("const b = document.querySelector(\"button[ng-click='complete()']\");"
                + "const ng = window.angular; const s = ng && ng.element(b).scope();"
                + "return JSON.stringify({disabledDom: b.disabled, ng: !!ng, inProgress: s && s.completeInProgress, invalid: s && s.$invalid,"
                + " disabledNg: s && s.disableCompleteButton && s.disableCompleteButton(),"
                + " errors: Array.from(document.querySelectorAll('.fjs-form-field-error')).map(e => e.textContent)});");
    }

    private void click(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
    }

    private void shot(String name) throws IOException {
        Files.write(Path.of("target", name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private WebElement visible(By by) {
        try {
            return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
        } catch (RuntimeException e) {
            try {
                shot("tasklist-complete-failure");
                Files.writeString(Path.of("target", "tasklist-complete-failure.html"), browser.getPageSource());
            } catch (IOException | RuntimeException ignored) {
                // the original failure matters
            }
            throw e;
        }
    }
}
