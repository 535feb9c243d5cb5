package cn.huiqi.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.huiqi.identity.DemoAccounts;
import cn.huiqi.testsupport.HeadlessChromium;
import cn.huiqi.testsupport.KnownDemands;

/**
 * Issue 17 item 7 in headless Chromium at 1400 and 390 px, as the quick start's demo users, over the known set of
 * demands ({@link KnownDemands}): 市工信局 sees every unit's figures with the totals, opens the demands behind a number,
 * groups by category and exports; the charts are drawn (canvas); 东湖区 sees only its own locality. Nothing is wider than
 * the window, the page keeps the Content Security Policy. Skipped on a machine without Chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:assistancefigures;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE",
        "camunda.bpm.job-execution.enabled=false"})
class AssistanceFiguresPageBrowserTest {

    private static final String PAGE = "/assistance-figures.html?by=unit&from=2021-03-01&to=2021-03-31";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1400, 390})
    void gxjReadsEveryUnitDrillsDownAndExportsALocalitySeesItsOwn(int width) {
        ClockUtil.setCurrentTime(Date.from(KnownDemands.NOW));
        KnownDemands.seed(jdbc);
        chromium = HeadlessChromium.open(width, 900);
        browser = chromium.browser();
        wait = chromium.waitUpTo(Duration.ofSeconds(30));

        signIn("gxj-reviewer", PAGE);
        wait.until(d -> d.findElements(By.cssSelector("#figures tbody tr")).size() == 5);
        List<String> rows = browser.findElements(By.cssSelector("#figures tbody tr")).stream().map(WebElement::getText).toList();
        assertThat(rows).anyMatch(r -> r.startsWith("市人力资源和社会保障局") && r.contains("66.7%") && r.contains("100.0%"));
        assertThat(rows).anyMatch(r -> r.startsWith("东湖区") && r.contains("—"));
        String totals = browser.findElement(By.cssSelector("#figures tfoot")).getText();
        assertThat(totals).startsWith("合计").contains("71.4%").contains("83.3%");
        assertThat(browser.findElement(By.id("scope")).getText()).contains("2021-03-01 至 2021-03-31");
        wait.until(d -> !d.findElements(By.cssSelector("#count-chart canvas")).isEmpty()
                && !d.findElements(By.cssSelector("#rate-chart canvas")).isEmpty());
        chromium.assertFitsAndKeepsThePolicy(width, "/assistance-figures.html (by unit)");
        shoot(width, "assistance-figures");

        // the number of rsj's overdue demands opens that demand
        WebElement overdue = browser.findElement(By.cssSelector("#figures tbody a[data-key='rsj'][data-figure='overdueNow']"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", overdue);
        overdue.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("drill")));
        assertThat(browser.findElement(By.id("drill-title")).getText()).contains("市人力资源和社会保障局").contains("当前超时").contains("1 件");
        List<WebElement> cases = browser.findElements(By.cssSelector("#drill-cases tbody a"));
        assertThat(cases).extracting(WebElement::getText).containsExactly(KnownDemands.NUMBERS.get(3));
        assertThat(cases.get(0).getAttribute("href")).endsWith("case.html?n=" + KnownDemands.NUMBERS.get(3));
        assertThat(browser.findElement(By.cssSelector("#drill-cases tbody")).getText()).contains("东湖区").contains("用工招工").contains("办理中");

        // by category, and the export follows the filters
        new Select(browser.findElement(By.id("by"))).selectByValue("category");
        wait.until(d -> d.findElement(By.cssSelector("#figures tbody")).getText().contains("水电气要素保障"));
        assertThat(browser.findElements(By.cssSelector("#figures tbody tr"))).hasSize(4);
        assertThat(browser.findElement(By.id("export")).getAttribute("href"))
                .endsWith("/api/assistance/figures.xlsx?by=category&from=2021-03-01&to=2021-03-31");
        chromium.assertFitsAndKeepsThePolicy(width, "/assistance-figures.html (by category)");

        // 东湖区: its own locality only
        signIn("donghu-verifier", "/assistance-figures.html?by=locality&from=2021-03-01&to=2021-03-31");
        wait.until(d -> d.findElements(By.cssSelector("#figures tbody tr")).size() == 1
                && d.findElement(By.cssSelector("#figures tbody")).getText().startsWith("东湖区"));
        assertThat(browser.findElement(By.cssSelector("#figures tfoot")).getText()).startsWith("合计").contains("80.0%");
        chromium.assertFitsAndKeepsThePolicy(width, "/assistance-figures.html (donghu)");
    }

    /** With -Dhuiqi.screens=true: the page as a PNG in docs/screens/ (desktop or phone). */
    private void shoot(int width, String name) {
        if (!Boolean.getBoolean("huiqi.screens")) {
            return;
        }
        try {
            Path target = Path.of("docs/screens", name + (width < 600 ? "-phone" : "-desktop") + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void signIn(String user, String next) {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/login.html?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user"))).sendKeys(user);
        browser.findElement(By.id("login-password")).sendKeys(DemoAccounts.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.urlContains("/assistance-figures.html"));
        wait.until(d -> "false".equals(d.findElement(By.id("figures-box")).getAttribute("data-loading")));
    }

    @AfterEach
    void closeBrowser() {
        ClockUtil.reset();
        if (chromium != null) {
            chromium.close();
        }
    }
}
