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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.huiqi.identity.DemoAccounts;
import cn.huiqi.testsupport.HeadlessChromium;
import cn.huiqi.testsupport.QuickStartTest;

/**
 * Measure 8's figures page in headless Chromium, in Chinese, at 1400 and 390 px (quick start): jrb-reviewer reads the
 * figures by institution and by guarantee kind with the charts and the xlsx link; nothing wider than the screen, no CSP
 * violation.
 */
@QuickStartTest
class FinancingFiguresPageBrowserTest {

    @LocalServerPort
    int port;

    private HeadlessChromium chromium;

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1400, 390})
    void jrbReadsTheFigures(int width) {
        chromium = HeadlessChromium.open(width, 900);
        ChromeDriver browser = chromium.browser();
        WebDriverWait wait = chromium.waitUpTo(Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        browser.get(url("/login.html?next=" + URLEncoder.encode("/financing-figures.html", StandardCharsets.UTF_8)));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user"))).sendKeys("jrb-reviewer");
        browser.findElement(By.id("login-password")).sendKeys(DemoAccounts.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.urlContains("/financing-figures.html"));
        wait.until(ExpectedConditions.attributeToBe(By.id("figures-box"), "data-loading", "false"));
        assertThat(browser.findElement(By.id("figures")).getText()).contains("融资需求").contains("授信金额").contains("平均用时");
        assertThat(browser.findElement(By.id("export")).getAttribute("href")).endsWith("api/financing/figures.xlsx?by=institution");

        new Select(browser.findElement(By.id("by"))).selectByValue("guarantee");
        wait.until(ExpectedConditions.attributeContains(By.id("export"), "href", "by=guarantee"));
        wait.until(ExpectedConditions.attributeToBe(By.id("figures-box"), "data-loading", "false"));
        assertThat(browser.findElements(By.cssSelector("#count-chart canvas, #count-chart svg"))).isNotEmpty();
        chromium.screen("financing-figures", width);
        chromium.assertFitsAndKeepsThePolicy(width, "/financing-figures.html");
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
