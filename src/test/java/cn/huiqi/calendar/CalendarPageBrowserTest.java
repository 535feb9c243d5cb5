package cn.huiqi.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

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

import cn.huiqi.rules.RulesWebTest;
import cn.huiqi.testsupport.HeadlessChromium;

/**
 * /calendar.html in headless Chromium, in Chinese, at 1400 and 390 px: the 2023 National Day week month by month (rest
 * days, the working Saturday and Sunday), the exceptions with their source; an administrator sets a day through the
 * form (a refused one shows the bilingual reason), a year without its notice carries the warning; officials see it
 * read-only. Nothing wider than the screen, no CSP violation. Days changed here are in 2103.
 */
@RulesWebTest
class CalendarPageBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    WorkingDays workingDays;

    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1400, 390})
    void theYearMonthByMonthEditedByTheAdministratorReadOnlyForOthers(int width) {
        signIn(width, "admin", "/calendar.html?year=2023");
        assertThat(visible(By.cssSelector("#months td[data-date='2023-10-07']")).getAttribute("class")).isEqualTo("work");
        assertThat(browser.findElement(By.cssSelector("#months td[data-date='2023-10-07']")).getText()).contains("班");
        assertThat(browser.findElement(By.cssSelector("#months td[data-date='2023-10-02']")).getAttribute("class")).isEqualTo("rest");
        assertThat(browser.findElement(By.cssSelector("#months td[data-date='2023-10-14']")).getAttribute("class")).isEqualTo("weekend");
        assertThat(browser.findElement(By.cssSelector("#months td[data-date='2023-10-09']")).getAttribute("class")).isEmpty();
        WebElement row = browser.findElement(By.cssSelector("#days tr[data-date='2023-10-08']"));
        assertThat(row.getText()).contains("2023年10月8日").contains("周日").contains("调休上班").contains("国庆节调休").contains("国办发明电〔2022〕16号");
        assertThat(browser.findElement(By.id("notice-source")).getText()).contains("国办发明电〔2022〕16号");
        assertThat(browser.findElement(By.id("warning")).isDisplayed()).isFalse();
        chromium.assertFitsAndKeepsThePolicy(width, "/calendar.html?year=2023");

        // a year with no notice yet: the warning; the administrator makes a Monday a rest day
        browser.get(url("/calendar.html?year=2103"));
        assertThat(visible(By.id("warning")).getText()).startsWith("2103年节假日安排尚未录入");
        String day = width > 600 ? "2103-01-01" : "2103-02-01";
        browser.executeScript("document.getElementById('edit-date').value = arguments[0]", day);
        new Select(browser.findElement(By.id("edit-kind"))).selectByValue("rest");
        browser.findElement(By.id("edit-occasion")).sendKeys(width > 600 ? "元旦" : "春节");
        browser.findElement(By.id("edit-source")).sendKeys("浏览器测试通知");
        click(By.id("edit-submit"));
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#months td[data-date='" + day + "']"), "class", "rest"));
        assertThat(visible(By.id("message")).getText()).contains("已保存");
        assertThat(workingDays.isWorkingDay(LocalDate.parse(day))).isFalse();
        assertThat(visible(By.cssSelector("#changes tbody tr")).getText()).contains("admin");

        // refused: Friday 2103-01-05 is a working day anyway
        browser.executeScript("document.getElementById('edit-date').value = '2103-01-05'");
        new Select(browser.findElement(By.id("edit-kind"))).selectByValue("work");
        click(By.id("edit-submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "本来就是工作日"));
        assertThat(browser.findElement(By.id("message")).getText()).doesNotContain("【").doesNotContain("kind").contains("working day anyway");
        assertThat(workingDays.isWorkingDay(LocalDate.parse("2103-01-05"))).isTrue();
        chromium.assertFitsAndKeepsThePolicy(width, "/calendar.html?year=2103");
        chromium.close();
        chromium = null;

        // an official reads the same year, without the forms
        signIn(width, "gxj-reviewer", "/calendar.html?year=2103");
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#months td[data-date='" + day + "']"), "class", "rest"));
        assertThat(browser.findElement(By.id("edit")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("import")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("changes")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("#days button"))).isEmpty();
        chromium.assertFitsAndKeepsThePolicy(width, "/calendar.html?year=2103 (read-only)");
    }

    private void signIn(int width, String user, String page) {
        chromium = HeadlessChromium.open(width, 900);
        browser = chromium.browser();
        wait = chromium.waitUpTo(Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class); // the page renders the year again after each change
        browser.get(url("/login.html?next=" + java.net.URLEncoder.encode(page, java.nio.charset.StandardCharsets.UTF_8)));
        visible(By.id("login-user")).sendKeys(user);
        browser.findElement(By.id("login-password")).sendKeys("demo");
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
