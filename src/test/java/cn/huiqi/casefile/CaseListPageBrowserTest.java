package cn.huiqi.casefile;

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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.testsupport.HeadlessChromium;
import cn.huiqi.testsupport.SeededCasesOnMariaDb;

/**
 * cases.html over the paged list (Chinese, 1400 and 390 px): a locality verifier sees the first 20 of its cases
 * with the total, pages on, and filters by measure and status and by case number; never wider than the screen and
 * without CSP violations. Skipped on a machine without Chromium.
 */
class CaseListPageBrowserTest extends SeededCasesOnMariaDb {

    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1400, 390})
    void aVerifierPagesAndFiltersItsCases(int width) {
        long total = api("lt-donghu").getJson("/api/cases").get("total").asLong();
        long pages = pages(total);
        JsonNode secondPage = api("lt-donghu").getJson("/api/cases?page=1").get("items");

        chromium = HeadlessChromium.open(width, 900);
        browser = chromium.browser();
        wait = chromium.waitUpTo(Duration.ofSeconds(30));
        browser.get(url("/login.html?next=%2Fcases.html"));
        visible(By.id("login-user")).sendKeys("lt-donghu");
        browser.findElement(By.id("login-password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.urlToBe(url("/cases.html")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-of"), "共 " + total + " 件"));
        assertThat(rows()).hasSize(20);
        assertThat(browser.findElement(By.id("page-of")).getText()).startsWith("第 1 / " + pages + " 页");
        assertThat(browser.findElement(By.id("prev")).isEnabled()).isFalse();
        chromium.assertFitsAndKeepsThePolicy(width, "/cases.html");

        visible(By.id("next")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-of"), "第 2 / " + pages + " 页"));
        assertThat(rows().get(0).getText()).startsWith(secondPage.get(0).get("caseNumber").asText());

        new Select(browser.findElement(By.name("measure"))).selectByValue("M1");
        wait.until(d -> new Select(d.findElement(By.name("status"))).getOptions().size() > 1);
        new Select(browser.findElement(By.name("status"))).selectByValue("CITY_REVIEW");
        browser.findElement(By.cssSelector("#case-filter button[type=submit]")).click();
        long cityReview = api("lt-donghu").getJson("/api/cases?measure=M1&status=CITY_REVIEW").get("total").asLong();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-of"), "第 1 / " + pages(cityReview)
                + " 页，共 " + cityReview + " 件"));
        assertThat(cityReview).isPositive();
        assertThat(rows()).isNotEmpty().allSatisfy(row -> assertThat(row.getText()).startsWith("M1-").contains("市级审核中"));

        String one = secondPage.get(3).get("caseNumber").asText();
        new Select(browser.findElement(By.name("measure"))).selectByValue("");
        // the measure's change reloads the status choices; wait until all measures' statuses are back
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class) // options replaced while read
                .until(d -> new Select(d.findElement(By.name("status"))).getOptions().stream()
                .anyMatch(o -> !o.getAttribute("value").isEmpty()));
        new Select(browser.findElement(By.name("status"))).selectByValue("");
        browser.findElement(By.name("caseNumber")).sendKeys(one);
        browser.findElement(By.cssSelector("#case-filter button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-of"), "共 1 件"));
        assertThat(rows()).hasSize(1);
        assertThat(rows().get(0).getText()).startsWith(one);
        chromium.assertFitsAndKeepsThePolicy(width, "/cases.html");
    }

    private static long pages(long total) {
        return Math.max(1, (total + 19) / 20);
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#cases tbody tr"));
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
