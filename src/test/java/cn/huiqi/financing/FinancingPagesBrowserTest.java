package cn.huiqi.financing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import cn.huiqi.identity.DemoAccounts;
import cn.huiqi.testsupport.HeadlessChromium;
import cn.huiqi.testsupport.QuickStartTest;
import cn.huiqi.testsupport.TestEnterprises;
import cn.huiqi.testsupport.TestUsers;

/**
 * Measure 8's pages in headless Chromium, in Chinese, at 1400 and 390 px: a fresh enterprise of 东湖区 files a financing
 * demand on /financing.html (consent to all institutions, the three required fields ticked and fixed); once donghu
 * published it, the demo bank's staff (demobank1-staff) sees it on /institution.html with the consented fields only and
 * takes it up; the enterprise then sees 演示银行甲 among the take-ups and in the read log. Nothing wider than the screen,
 * no CSP violation.
 */
@QuickStartTest
class FinancingPagesBrowserTest {

    private static final String PASSWORD = DemoAccounts.PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;

    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1400, 390})
    void anEnterpriseFilesADemandAndTheDemoBankTakesItUp(int width) {
        String user = TestEnterprises.freshUser(context, "donghu", PASSWORD);
        signIn(width, user, "/financing.html");
        visible(By.id("new-demand"));
        chromium.assertFitsAndKeepsThePolicy(width, "financing.html (enterprise)");
        visible(By.id("f-amount")).sendKeys("3000000");
        browser.findElement(By.id("f-term")).sendKeys("12");
        browser.findElement(By.id("f-purpose")).sendKeys("采购原材料：钢材1200吨");
        new Select(browser.findElement(By.id("f-kind"))).selectByValue("CREDIT");
        assertThat(browser.findElement(By.cssSelector("input[name=field][value=AMOUNT]")).isSelected()).isTrue();
        click(By.id("demand-submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "已提交"));
        String n = browser.findElement(By.id("message")).getText().replaceAll("(?s).*编号 (M8-\\d{4}-\\d{6}).*", "$1");
        assertThat(n).startsWith("M8-");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-title"), "待审核"));

        Task screen = taskService.createTaskQuery().processInstanceBusinessKey(n).taskDefinitionKey("Task_Screen").singleResult();
        TestUsers.as(identityService, "donghu-verifier", () -> {
            taskService.complete(screen.getId(), java.util.Map.of("decision", "publish"));
            return null;
        });
        chromium.close();

        signIn(width, "demobank1-staff", "/institution.html");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("market-list"), n));
        WebElement row = browser.findElements(By.cssSelector("#market-list tbody tr")).stream()
                .filter(r -> r.getText().contains(n)).findFirst().orElseThrow();
        assertThat(row.getText()).contains("金额（元）：3000000").doesNotContain("钢材");
        chromium.assertFitsAndKeepsThePolicy(width, "institution.html");
        WebElement takeUp = row.findElement(By.cssSelector("button"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", takeUp);
        takeUp.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "已对接"));
        visible(By.cssSelector("#take-up-list article"));
        chromium.close();

        signIn(width, user, "/financing.html?n=" + n);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("take-ups"), "演示银行甲"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("read-log"), "演示银行甲"));
        assertThat(browser.findElement(By.id("detail-title")).getText()).contains("对接中");
        chromium.assertFitsAndKeepsThePolicy(width, "financing.html (detail)");
    }

    private void signIn(int width, String user, String page) {
        chromium = HeadlessChromium.open(width, 900);
        browser = chromium.browser();
        wait = chromium.waitUpTo(Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        browser.get(url("/login.html?next=" + URLEncoder.encode(page, StandardCharsets.UTF_8)));
        visible(By.id("login-user")).sendKeys(user);
        browser.findElement(By.id("login-password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.urlToBe(url(page)));
        visible(By.id("session-user"));
    }

    private void click(By by) {
        WebElement element = browser.findElement(by);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }
}
