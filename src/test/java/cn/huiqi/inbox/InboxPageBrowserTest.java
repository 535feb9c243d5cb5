package cn.huiqi.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import org.camunda.bpm.engine.IdentityService;

import cn.huiqi.common.Label;
import cn.huiqi.identity.IdentityIntegrationTest;
import cn.huiqi.testsupport.HeadlessChromium;
import cn.huiqi.testsupport.TestUsers;

/**
 * The inbox page and the header's unread badge in headless Chromium (Chinese, 1400 and 390 px): the badge counts
 * the unread messages on every page, inbox.html lists them newest first, Chinese first, marks one read and then all,
 * never wider than the screen and without CSP violations. Skipped on a machine without Chromium.
 */
@IdentityIntegrationTest
class InboxPageBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Notices notices;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    IdentityService identityService;

    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1400, 390})
    void theBadgeCountsUnreadMessagesAndThePageMarksThemRead(int width) {
        String user = "inbox-page-" + width;
        String password = "pw-" + System.nanoTime();
        TestUsers.person(identityService, user, "inbox-page-unit-" + width, password);
        transactions.executeWithoutResult(status -> {
            notices.post(NoticeKind.NEW_TASK, Recipient.unit("inbox-page-unit-" + width), null,
                    Label.of("新任务：属地核实 M1-2023-000001", "New task: Locality verification M1-2023-000001"),
                    Label.of("案件 M1-2023-000001（南昌洪都精密机械有限公司，M1 支持工业企业拓展国内国际市场）进入“属地核实”步骤，请在任务列表中办理。",
                            "case M1-2023-000001 (南昌洪都精密机械有限公司, M1 …) has reached the step \"Locality verification\"; please act on it."),
                    "camunda/app/tasklist/");
            notices.post(NoticeKind.STEP_OVERDUE, Recipient.user(user), null,
                    Label.of("已超期：市级审核 M1-2023-000002", "Overdue: City review M1-2023-000002"),
                    Label.of("一个很长的没有空格的字符串" + "超".repeat(80), "x".repeat(200)), "cases.html");
        });

        chromium = HeadlessChromium.open(width, 900);
        browser = chromium.browser();
        wait = chromium.waitUpTo(Duration.ofSeconds(30));
        browser.get(url("/login.html?next=%2Fcases.html"));
        visible(By.id("login-user")).sendKeys(user);
        browser.findElement(By.id("login-password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.urlToBe(url("/cases.html")));
        wait.until(ExpectedConditions.textToBe(By.id("inbox-badge"), "2"));
        chromium.assertFitsAndKeepsThePolicy(width, "/cases.html");

        visible(By.id("inbox-link")).click();
        wait.until(ExpectedConditions.urlToBe(url("/inbox.html")));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#inbox li.inbox-item.unread"), 2));
        List<WebElement> items = browser.findElements(By.cssSelector("#inbox li.inbox-item"));
        assertThat(items.get(0).getText()).as("newest first, Chinese first").startsWith("已超期：市级审核 M1-2023-000002");
        assertThat(items.get(1).findElement(By.cssSelector(".inbox-head strong")).getText()).isEqualTo("新任务：属地核实 M1-2023-000001");
        chromium.assertFitsAndKeepsThePolicy(width, "/inbox.html");

        items.get(1).findElement(By.cssSelector("button.mark-read")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#inbox li.inbox-item.unread"), 1));
        wait.until(ExpectedConditions.textToBe(By.id("inbox-badge"), "1"));
        visible(By.id("read-all")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#inbox li.inbox-item.unread"), 0));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("inbox-badge")));
        visible(By.id("unread-only")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#inbox li.inbox-empty"), 1));
        chromium.assertFitsAndKeepsThePolicy(width, "/inbox.html");
    }

    private WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
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
}
