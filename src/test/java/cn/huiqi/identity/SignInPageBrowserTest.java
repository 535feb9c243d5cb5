package cn.huiqi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import cn.huiqi.testsupport.HeadlessChromium;

/**
 * The sign-in page in headless Chromium, at desktop width and at 390 px (a phone), in Chinese: a page with
 * data sends the browser to sign in, a wrong password is told, the right one leads back to the page, which
 * shows the user and a sign-out button; and no page of the app breaks its Content-Security-Policy (the
 * browser's console reports every violation). Skipped (not failed) on a machine without Chromium.
 */
@IdentityIntegrationTest
class SignInPageBrowserTest {


    @LocalServerPort
    int port;

    private ChromeDriver browser;
    private HeadlessChromium chromium;
    private WebDriverWait wait;

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1400, 390})
    void aPageSendsTheBrowserToSignInInChineseAndBackAndNoPageBreaksItsPolicy(int width) {
        open(width);
        browser.get(url("/cases.html"));

        wait.until(ExpectedConditions.urlContains("/login.html?next=%2Fcases.html"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("登录");
        assertThat(browser.findElement(By.id("login")).getText()).contains("账号").contains("密码");
        WebElement submit = browser.findElement(By.id("login-submit"));
        assertThat(submit.isDisplayed()).isTrue();
        assertThat(submit.getText()).startsWith("登录");
        assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth"))
                .as("nothing wider than the screen").isLessThanOrEqualTo(width);

        visible(By.id("login-user")).sendKeys("ent-hongdu");
        browser.findElement(By.id("login-password")).sendKeys("not-the-password");
        submit.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "账号或密码错误"));

        browser.findElement(By.id("login-password")).sendKeys(DemoAccounts.PASSWORD);
        submit.click();
        wait.until(ExpectedConditions.urlToBe(url("/cases.html")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("session-user"), "张伟"));
        assertThat(browser.findElement(By.cssSelector("#sign-out button")).getText()).isEqualTo("退出登录 Sign out");
        assertNoPolicyViolations("/cases.html");

        for (String page : List.of("/", "/projects.html", "/fund.html", "/settlements.html", "/rules.html", "/swagger-ui/index.html")) {
            browser.get(url(page));
            wait.until(d -> "complete".equals(browser.executeScript("return document.readyState")));
            if (!page.startsWith("/swagger")) {
                visible(By.id("session-user"));
            } else {
                visible(By.cssSelector(".swagger-ui .info"));
            }
            assertNoPolicyViolations(page);
        }

        browser.get(url("/cases.html"));
        // the paged list has loaded (its requests are done), so none of them ends in a 401 after signing out
        wait.until(d -> !d.findElement(By.id("page-of")).getDomProperty("textContent").isEmpty());
        visible(By.cssSelector("#sign-out button")).click();
        wait.until(ExpectedConditions.urlContains("/login.html?signedOut"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "已退出登录"));
        browser.get(url("/cases.html"));
        wait.until(ExpectedConditions.urlContains("/login.html?next="));
        assertNoPolicyViolations("/login.html");
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1400})
    void theRulesPagesDecisionTableEditorKeepsThePolicy(int width) {
        open(width);
        browser.get(url("/rules.html"));
        visible(By.id("login-user")).sendKeys("policy-staff");
        browser.findElement(By.id("login-password")).sendKeys(DemoAccounts.PASSWORD);
        browser.findElement(By.id("login-submit")).click();

        visible(By.cssSelector("#decisions a[data-key='order-reward']")).click();
        visible(By.id("edit")).click();
        visible(By.cssSelector("#dmn-editor[data-ready='true']"));
        visible(By.cssSelector("#dmn-editor td[data-row-id='rule-tier-50m']"));
        assertNoPolicyViolations("/rules.html (editor)");
    }

    private void assertNoPolicyViolations(String page) {
        List<String> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Content-Security-Policy")
                        || message.contains("Refused to"))
                .toList();
        assertThat(problems).as("CSP violations on " + page).isEmpty();
    }

    private void open(int width) {
        chromium = HeadlessChromium.open(width, 900);
        browser = chromium.browser();
        wait = chromium.waitUpTo(Duration.ofSeconds(30));
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
