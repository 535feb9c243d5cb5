package cn.huiqi.financing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

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

/**
 * Measure 8's event and guide-fund pages in headless Chromium, in Chinese, at 1400 and 390 px (quick start: the demo
 * banks). jrb-reviewer opens /financing-events.html from its menu, creates an event with 市工信局 co-organising, invites
 * 演示银行甲 and marks it held; demobank1-staff then sees the event with the number of registered demands and nothing of
 * them. On /guide-funds.html an enterprise reads the three funds (managers labelled 系统默认值，待确认) and requests
 * equity financing; ctjt-reviewer refers it to a fund. Nothing wider than the screen, no CSP violation.
 */
@QuickStartTest
class FinancingEventsPagesBrowserTest {

    private static final String PASSWORD = DemoAccounts.PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1400, 390})
    void jrbOrganisesAnEventAndTheInvitedBankSeesIt(int width) {
        signIn(width, "jrb-reviewer", "/");
        wait.until(d -> d.findElement(By.cssSelector("#menu a[href='financing-events.html']")).isDisplayed());
        browser.get(url("/financing-events.html"));
        visible(By.id("new-title"));
        click(By.id("new-submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "活动名称不能为空"));
        String title = "电子信息产业链产融对接会" + width;
        browser.findElement(By.id("new-title")).sendKeys(title);
        browser.executeScript("document.getElementById('new-held-on').value = new Intl.DateTimeFormat('en-CA',"
                + " {timeZone: 'Asia/Shanghai'}).format(new Date())");
        browser.findElement(By.id("new-place")).sendKeys("南昌市民中心");
        browser.findElement(By.id("new-theme")).sendKeys("电子信息产业链");
        click(By.id("co-gxj"));
        click(By.id("new-submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-title"), title));
        assertThat(browser.findElement(By.id("detail-line")).getText()).contains("筹备中").contains("协办：市工信局");
        new Select(browser.findElement(By.id("invite-institution"))).selectByValue("demobank1");
        click(By.id("invite-submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("invited-list"), "演示银行甲（演示）"));
        chromium.assertFitsAndKeepsThePolicy(width, "/financing-events.html");
        click(By.id("mark-held"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-line"), "已举办"));
        chromium.screen("financing-events", width);
        chromium.close();

        signIn(width, "demobank1-staff", "/financing-events.html");
        WebElement row = visible(By.xpath("//table[@id='event-list']//tr[td[1][text()='" + title + "']]"));
        row.findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("registered-count"), "已报名 0 项需求"));
        assertThat(browser.findElement(By.id("registration-list")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("new-box")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector("#menu a[href='camunda/app/tasklist/']")).isDisplayed()).isFalse();
        chromium.assertFitsAndKeepsThePolicy(width, "/financing-events.html");
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1400, 390})
    void anEnterpriseRequestsEquityAndCtjtRefersIt(int width) {
        String enterprise = TestEnterprises.freshUser(context, "donghu", PASSWORD);
        signIn(width, enterprise, "/guide-funds.html");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("fund-list"), "江西映山红股权投资基金"));
        assertThat(browser.findElement(By.id("fund-list")).getText()).contains("南昌市现代产业引导基金").contains("南昌市VR产业母基金")
                .contains("系统默认值，待确认");
        click(By.id("request-submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "融资用途及企业简况不能为空"));
        new Select(browser.findElement(By.id("request-fund"))).selectByValue("nc-vr");
        browser.findElement(By.id("request-amount")).sendKeys("20000000");
        browser.findElement(By.id("request-purpose")).sendKeys("VR头显产线扩产，寻求股权融资");
        click(By.id("request-submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "申请已提交"));
        String id = browser.findElement(By.id("message")).getText().replaceAll("\\D+", " ").trim().split(" ")[0];
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("request-list"), "待筛选"));
        chromium.assertFitsAndKeepsThePolicy(width, "/guide-funds.html");
        chromium.close();

        signIn(width, "ctjt-reviewer", "/guide-funds.html");
        visible(By.cssSelector("button[data-request='" + id + "']"));
        click(By.cssSelector("button[data-request='" + id + "']"));
        visible(By.id("step-form"));
        new Select(browser.findElement(By.id("step-status"))).selectByValue("REFERRED");
        new Select(browser.findElement(By.id("step-fund"))).selectByValue("nc-vr");
        click(By.id("step-submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("step-title"), "已推荐至基金管理人"));
        assertThat(browser.findElement(By.id("step-log")).getText()).contains("推荐至基金 nc-vr").contains("ctjt-reviewer");
        chromium.screen("guide-funds", width);
        chromium.assertFitsAndKeepsThePolicy(width, "/guide-funds.html");
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
