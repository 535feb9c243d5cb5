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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.huiqi.testsupport.HeadlessChromium;
import cn.huiqi.testsupport.HttpApi;

/**
 * The pages' shared module (static/huiqi.js, bundled from frontend/src/pages) in headless Chromium, in
 * Chinese, at desktop width and at 390 px: its formats in the browser itself (¥, 万元, dates in Beijing time),
 * the fund page's figures and the API's rule label, the top menu (with the measures of GET /api/measures when
 * that answers, the fixed pages without), a refused request shown in both languages, no page wider than the
 * screen and no CSP violation. Skipped (not failed) on a machine without Chromium.
 */
@IdentityIntegrationTest
class SharedPageModuleBrowserTest {

    /** What policy staff are offered: measure 9's board (兑现看板) too — they read it, as gxj, czj and auditors do. */
    private static final List<String> MENU = List.of("./", "cases.html", "projects.html", "fund.html", "settlements.html", "evaluations.html",
            "assistance-figures.html", "board.html", "rules.html", "calendar.html", "camunda/app/tasklist/");

    @LocalServerPort
    int port;

    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1400, 390})
    void everyPageUsesTheModuleForFiguresLabelsErrorsAndTheMenu(int width) {
        chromium = HeadlessChromium.open(width, 900);
        browser = chromium.browser();
        wait = chromium.waitUpTo(Duration.ofSeconds(30));
        browser.get(url("/login.html?next=%2Ffund.html"));
        visible(By.id("login-user")).sendKeys("policy-staff");
        browser.findElement(By.id("login-password")).sendKeys(DemoAccounts.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.urlToBe(url("/fund.html")));

        // the formats, as the browser's own Intl and the module compute them
        assertThat(browser.executeScript("return [Huiqi.money('1234567.89'), Huiqi.money(5000000), Huiqi.wan('5000000.00'),"
                + " Huiqi.money('2.675'), Huiqi.date('2023-08-15'), Huiqi.dateTime('2023-08-15T06:05:00Z'), Huiqi.percent('0.4567')]"))
                .isEqualTo(List.of("¥1,234,567.89", "¥5,000,000.00", "500.00万元", "¥2.68", "2023年8月15日", "2023年8月15日 14:05", "45.67%"));

        // the fund page: measure 1's cap of 500万 in ¥ and in 万元, the rule as the API labels it
        WebElement m1 = visible(By.xpath("//table[@id='pools']//tr[td[1]/strong[text()='M1']]"));
        assertThat(m1.findElement(By.xpath("td[2]")).getText()).contains("¥5,000,000.00").contains("500.00万元");
        assertThat(m1.findElement(By.xpath("td[8]")).getText()).isEqualTo("按比例缩减 / pro-rata scaling");
        assertThat(browser.findElements(By.cssSelector("#measure option")).size()).as("measures to filter by").isGreaterThan(1);

        // the menu: every page of the app, this one marked; the policy's measures where the catalogue answers
        List<String> links = browser.findElements(By.cssSelector("#menu > ul > li:not([hidden]) > a")).stream()
                .map(a -> a.getAttribute("href").substring(url("/").length())).toList();
        assertThat(links).isEqualTo(MENU.stream().map(p -> p.equals("./") ? "" : p).toList());
        assertThat(browser.findElement(By.cssSelector("#menu a[aria-current='page']")).getAttribute("href")).endsWith("/fund.html");
        if (HttpApi.anonymous(port).get("/api/measures").statusCode() == 200) {
            visible(By.cssSelector("#menu details summary")).click();
            assertThat(visible(By.cssSelector("#menu details a[href='./#measure-M1']")).getText()).startsWith("M1 ");
        } else {
            assertThat(browser.findElements(By.cssSelector("#menu details"))).as("no measures without the catalogue").isEmpty();
        }
        chromium.assertFitsAndKeepsThePolicy(width, "/fund.html");

        // policy staff read settlements but are not offered 发起结算; a failed request shows in both languages
        browser.get(url("/settlements.html#987654321"));
        visible(By.id("session-user"));
        WebElement message = visible(By.cssSelector("#message.error"));
        wait.until(d -> !message.getText().isBlank());
        assertThat(message.getText()).matches("(?s).*\\p{IsHan}.* / .*[A-Za-z].*");
        assertThat(browser.findElement(By.id("start")).isDisplayed()).as("policy staff do not start settlements").isFalse();
        chromium.assertFitsAndKeepsThePolicy(width, "/settlements.html");

        // the project library's dates and amounts
        browser.get(url("/projects.html?month=2023-09"));
        WebElement planned = visible(By.cssSelector("#rows tbody tr td:nth-child(7)"));
        assertThat(planned.getText()).matches("\\d{4}年\\d{1,2}月\\d{1,2}日 — \\d{4}年\\d{1,2}月\\d{1,2}日");
        assertThat(browser.findElement(By.cssSelector("#rows tbody tr td:nth-child(6)")).getText()).matches("¥[\\d,]+\\.\\d{2}");
        chromium.assertFitsAndKeepsThePolicy(width, "/projects.html");

        for (String page : List.of("/", "/cases.html", "/rules.html")) {
            browser.get(url(page));
            visible(By.id("session-user"));
            visible(By.id("menu"));
            chromium.assertFitsAndKeepsThePolicy(width, page);
        }
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
