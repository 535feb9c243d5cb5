package cn.huiqi.evaluation;

import static cn.huiqi.testsupport.HttpApi.expect;
import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.attack.EvaluationSheets;
import cn.huiqi.identity.DemoAccounts;
import cn.huiqi.testsupport.HeadlessChromium;
import cn.huiqi.testsupport.HttpApi;

/**
 * Issue 16 item 5 in headless Chromium at 1280 and 390 px, as the quick start's demo users: 市工信局 opens a measure-6
 * round on /evaluations.html; a bad statistics file is refused whole and its row/column problems are listed; a good
 * one fills the overview of every locality; gxj scores "1269" and starts the confirmation; 东湖区 sees only its own
 * figures (the API sends no others) with the deadline on the working-day clock, and confirms them; 西湖区 disputes one
 * with a reason and gxj keeps it with a reason; once the others are
 * confirmed by silence, gxj enters a safety veto and sees the ranking per group with figures, scores, awards, the veto
 * mark, the tie-break rule and both charts (canvas), while 东湖区 sees its own line only; tjj sees the import only.
 * With {@code -Dhuiqi.screens=true} the pages are saved to docs/screens/evaluation-*-(desktop|phone).png for the README.
 * Skipped on a machine without Chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:evaluationpage;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE",
        "camunda.bpm.job-execution.enabled=false"})
class EvaluationPageBrowserTest {

    static final List<String> LOCALITIES = List.of("donghu", "xihu", "qingyunpu", "qingshanhu", "xinjian", "honggutan", "nanchangxian",
            "anyi", "jinxian", "gaoxin", "jingkai", "xiaolan", "wanli");

    @LocalServerPort
    int port;
    @Autowired
    ManagementService managementService;

    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 390})
    void gxjOpensAndImportsALocalityConfirmsItsOwnFigures(int width) throws IOException {
        // one round per measure and period: each width opens its own year
        String year = width == 1280 ? "2023" : "2024";
        HttpApi gxj = HttpApi.as(port, "gxj-reviewer", DemoAccounts.PASSWORD);
        open(width);

        signIn("gxj-reviewer", "/evaluations.html");
        WebElement openForm = visible(By.cssSelector("#open-form summary"));
        openForm.click();
        new Select(visible(By.id("open-measure"))).selectByValue("M6");
        setValue("open-from", year + "-01-01");
        setValue("open-to", year + "-12-31");
        browser.findElement(By.id("open-name")).clear();
        browser.findElement(By.id("open-name")).sendKeys(year + "年工业发展综合评价（页面测试）");
        browser.findElement(By.id("open-submit")).click();
        message("已开设评价轮次");
        long id = Long.parseLong(wait.until(d -> {
            String hash = (String) browser.executeScript("return location.hash");
            return hash != null && hash.length() > 1 ? hash.substring(1) : null;
        }));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("round-title"), year + "年工业发展综合评价"));
        visible(By.cssSelector("#indicators-box summary")).click();
        assertThat(visible(By.id("indicators")).getText()).contains("规上工业增加值增速").contains("系统默认值");
        assertThat(browser.findElement(By.id("template-link")).getAttribute("href")).endsWith("/api/evaluations/" + id + "/figures/template.xlsx");

        byte[] template = gxj.getBytes("/api/evaluations/" + id + "/figures/template.xlsx").body();

        // a bad file: nothing stored, every problem by row and column
        byte[] bad = fill(template, (unit, header) -> unit.equals("donghu") && header.contains("[VA_GROWTH]") ? "abc"
                : unit.equals("xihu") && header.contains("[INVEST_GROWTH]") ? (Object) 900 : plausible(unit, header));
        upload(bad, "统计数据-有误.xlsx");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-summary"), "文件未导入"));
        List<String> problems = browser.findElements(By.cssSelector("#import-errors li")).stream().map(WebElement::getText).toList();
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("第5行 C列：").contains("“abc”不是数值").contains("Row 5, column C");
        assertThat(problems.get(1)).startsWith("第6行 D列：").contains("超出合理范围");
        shoot(width, "evaluation-import-errors", By.id("import-box"));
        chromium.assertFitsAndKeepsThePolicy(width, "/evaluations.html (import errors)");
        assertThat(gxj.getJson("/api/evaluations/" + id).get("figures")).isEmpty();

        // a good file: the overview of every locality
        upload(fill(template, EvaluationPageBrowserTest::plausible), "统计数据.xlsx");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-summary"), "已导入：新增 65 项"));
        WebElement donghuRow = visible(By.cssSelector("#overview tbody tr[data-unit='donghu']"));
        wait.until(d -> d.findElements(By.cssSelector("#overview tbody tr")).size() == 13);
        assertThat(donghuRow.getText()).contains("东湖区").contains("数据不全（缺1项）").contains("6.5");

        // gxj scores "1269": one through the form, the others through the API
        new Select(browser.findElement(By.id("score-unit"))).selectByValue("donghu");
        new Select(browser.findElement(By.id("score-indicator"))).selectByValue("CHAIN_1269");
        browser.findElement(By.id("score-value")).sendKeys("85.5");
        browser.findElement(By.id("score-submit")).click();
        message("已保存：东湖区");
        for (String unit : LOCALITIES.subList(1, LOCALITIES.size())) {
            expect(200, gxj.post("/api/evaluations/" + id + "/figures/by-lead-bureau",
                    toJson(Map.of("unit", unit, "indicator", "CHAIN_1269", "value", 80 + LOCALITIES.indexOf(unit)))));
        }
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#overview tbody tr[data-unit='donghu']"), "已导入待确认"));
        visible(By.id("confirmation-start")).click();
        message("已开始数据确认");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("round-facts"), "个工作日"));
        assertThat(browser.findElement(By.id("round-facts")).getText()).contains("24时前").contains("5个工作日").contains("系统默认值");
        shoot(width, "evaluation-overview", By.id("overview-box"));
        chromium.assertFitsAndKeepsThePolicy(width, "/evaluations.html (overview)");

        // 东湖区: its own figures only, confirms them
        HttpApi donghu = HttpApi.as(port, "donghu-verifier", DemoAccounts.PASSWORD);
        JsonNode seen = donghu.getJson("/api/evaluations/" + id);
        assertThat(seen.get("figures")).hasSize(6).allSatisfy(f -> assertThat(f.get("unit").asText()).isEqualTo("donghu"));
        signIn("donghu-verifier", "/evaluations.html#" + id);
        WebElement own = visible(By.id("own"));
        wait.until(d -> own.findElements(By.cssSelector("tbody tr")).size() == 6);
        assertThat(browser.findElement(By.id("own-title")).getText()).startsWith("东湖区");
        assertThat(browser.findElement(By.id("own-deadline")).getText()).contains("24时前").contains("5个工作日");
        assertThat(browser.findElement(By.id("overview-box")).isDisplayed()).as("no overview of the others for a locality").isFalse();
        assertThat(browser.findElement(By.id("import-box")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("gxj-box")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("西湖区").doesNotContain("南昌高新");
        shoot(width, "evaluation-locality", By.id("own-box"));
        chromium.assertFitsAndKeepsThePolicy(width, "/evaluations.html (locality)");
        visible(By.id("confirm-own")).click();
        message("已确认 6 项数据");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("own-deadline"), "本地区数据已全部确认"));
        assertThat(donghu.getJson("/api/evaluations/" + id).get("figures")).allSatisfy(f -> assertThat(f.get("status").asText()).isEqualTo("CONFIRMED"));
        assertThat(browser.findElement(By.id("confirm-own")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector("#menu a[href='evaluations.html']")).isDisplayed()).as("in a locality's menu").isTrue();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ranking-closed"), "全部确认后才能评分排名"));

        // 西湖区 disputes a figure with its reason; gxj keeps it, with a reason
        signIn("xihu-verifier", "/evaluations.html#" + id);
        new Select(visible(By.id("dispute-figure"))).selectByIndex(0);
        browser.findElement(By.id("dispute-reason")).sendKeys("统计口径有误（页面测试）");
        browser.findElement(By.id("dispute-submit")).click();
        message("已提出异议");
        settled();
        assertThat(browser.findElement(By.id("own")).getText()).contains("有异议").contains("统计口径有误（页面测试）");
        signIn("gxj-reviewer", "/evaluations.html#" + id);
        assertThat(browser.findElement(By.cssSelector("#overview tbody tr[data-unit='xihu']")).getText()).contains("有异议");
        assertThat(new Select(visible(By.id("resolve-figure"))).getFirstSelectedOption().getText()).contains("西湖区").contains("统计口径有误");
        browser.findElement(By.id("resolve-reason")).sendKeys("经市统计局核实，维持原数据");
        browser.findElement(By.id("resolve-submit")).click();
        message("异议已处理");
        settled();
        assertThat(browser.findElement(By.id("resolve-form")).isDisplayed()).isFalse();

        // the others confirm by silence: the engine's clock passes the deadline and the deadline's job runs
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(40))));
        try {
            managementService.executeJob(managementService.createJobQuery().list().stream()
                    .filter(j -> j instanceof JobEntity e && "huiqi-evaluation-confirmation".equals(e.getJobHandlerType())
                            && Long.toString(id).equals(e.getJobHandlerConfigurationRaw()))
                    .findFirst().orElseThrow().getId());
        } finally {
            ClockUtil.reset();
        }

        // gxj: a safety veto (measure 6), then the ranking per group with figures, scores, awards and the charts
        signIn("gxj-reviewer", "/evaluations.html#" + id);
        new Select(visible(By.id("veto-unit"))).selectByValue("xiaolan");
        browser.findElement(By.id("veto-reason")).sendKeys("发生较大安全生产事故（页面测试）");
        browser.findElement(By.id("veto-evidence")).sendKeys("洪应急〔" + year + "〕1号");
        browser.findElement(By.id("veto-submit")).click();
        message("已录入安全生产否决");
        settled();
        assertThat(browser.findElement(By.cssSelector("#overview tbody tr[data-unit='xihu']")).getText()).contains("异议已处理");
        assertThat(browser.findElement(By.cssSelector("#overview tbody tr[data-unit='anyi']")).getText()).contains("逾期视为确认");
        WebElement xiaolan = visible(By.cssSelector("table.ranking tr[data-unit='xiaolan']"));
        assertThat(xiaolan.getText()).contains("安全生产否决：不予奖励").contains("¥0.00");
        assertThat(browser.findElements(By.cssSelector("table.ranking"))).hasSize(3);
        assertThat(browser.findElements(By.cssSelector("table.ranking tbody tr"))).hasSize(13);
        WebElement first = browser.findElement(By.cssSelector("table.ranking[data-group='DISTRICT'] tbody tr"));
        assertThat(first.getText()).startsWith("1").contains("%").contains(" 分").contains("¥");
        assertThat(browser.findElement(By.id("ranking-note")).getText()).contains("并列时按").contains("系统默认值")
                .contains("在保障生产安全的前提下").contains("不顺延给下一名").contains("地区评价指标得分规则 第").contains("地区评价奖励金额规则 第");
        // officials read labels: no DMN key, indicator code or group key anywhere on the page (collapsed parts included)
        String whole = browser.findElement(By.tagName("main")).getAttribute("textContent");
        assertThat(whole).as("the page at " + width + " px").doesNotContain("locality-indicator-score", "evaluation-award", "VA_GROWTH",
                "INVEST_GROWTH", "NEW_ABOVE_SCALE", "CHAIN_1269", "DEVELOPMENT_ZONE", "HIGHER_IS_BETTER", "DISTRICT", "COUNTY")
                .contains("地区评价指标得分规则");
        assertThat(browser.findElement(By.id("round-facts")).getText()).contains("地区分组", "区：", "湾里管理局", "本轮开设时记录")
                .contains("地区评价指标得分规则 第");
        assertThat(browser.findElement(By.id("ranking-sheet")).getAttribute("href")).endsWith("/api/evaluations/" + id + "/score-sheet.xlsx");
        wait.until(d -> !d.findElements(By.cssSelector("#totals-chart canvas")).isEmpty() && !d.findElements(By.cssSelector("#profile-chart canvas")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#totals-chart canvas")).getSize().getWidth()).isGreaterThan(200);
        shoot(width, "evaluation-ranking", By.id("ranking-box"));
        shoot(width, "evaluation-charts", By.cssSelector("#ranking-box .charts"));
        chromium.assertFitsAndKeepsThePolicy(width, "/evaluations.html (ranking)");

        // 东湖区 before the circulation: its own line only (the API sends no other)
        signIn("donghu-verifier", "/evaluations.html#" + id);
        wait.until(d -> d.findElements(By.cssSelector("table.ranking tbody tr")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("table.ranking tbody tr")).getAttribute("data-unit")).isEqualTo("donghu");
        assertThat(browser.findElement(By.id("ranking-note")).getText()).contains("排名通报前，只显示本地区的得分与名次");
        assertThat(browser.findElement(By.id("ranking-sheet-link")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("西湖区").doesNotContain("南昌小蓝");
        chromium.assertFitsAndKeepsThePolicy(width, "/evaluations.html (a locality's ranking)");

        // 市统计局: the template and the import, none of gxj's actions
        signIn("tjj-stats", "/evaluations.html#" + id);
        visible(By.cssSelector("#overview tbody tr[data-unit='wanli']"));
        assertThat(browser.findElement(By.id("import-box")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("template-link")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("gxj-box")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("open-form")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("own-box")).isDisplayed()).isFalse();
        chromium.assertFitsAndKeepsThePolicy(width, "/evaluations.html (statistics bureau)");
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private void upload(byte[] file, String name) throws IOException {
        Path dir = Files.createTempDirectory("huiqi-evaluation-upload");
        Path path = dir.resolve(name);
        Files.write(path, file);
        WebElement input = visible(By.id("import-file"));
        input.sendKeys(path.toString());
        browser.findElement(By.id("import-submit")).click();
    }

    /** The template with {@code value(unit, column header)} in each figure cell (null leaves it blank). */
    static byte[] fill(byte[] template, BiFunction<String, String, Object> value) {
        return EvaluationSheets.fill(template, value, List.of());
    }

    /** Growth figures 6.5, 6.75, … by locality; counts whole. */
    static Object plausible(String unit, String header) {
        int i = LOCALITIES.indexOf(unit);
        return header.contains("[NEW_ABOVE_SCALE]") ? (Object) (5 + i) : (Object) (6.5 + i * 0.25);
    }

    private void open(int width) {
        chromium = HeadlessChromium.open(width, 900);
        browser = chromium.browser();
        wait = chromium.waitUpTo(Duration.ofSeconds(30));
    }

    /** The round shown has finished loading (no request of the page still open). */
    private void settled() {
        wait.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return document.querySelector('#round[data-loading]') === null")));
    }

    private void signIn(String user, String next) {
        if (browser.getCurrentUrl().contains("/evaluations.html")) {
            settled();
        }
        browser.manage().deleteAllCookies();
        String path = next.contains("#") ? next.substring(0, next.indexOf('#')) : next;
        browser.get(url("/login.html?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
        visible(By.id("login-user")).sendKeys(user);
        browser.findElement(By.id("login-password")).sendKeys(DemoAccounts.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.urlContains(path));
        if (path.contains("/evaluations.html")) {
            settled(); // nothing moves under a click later
        }
    }

    /** Waits for the page's message to say {@code text}; a failure says what it said instead. */
    private void message(String text) {
        try {
            wait.until(d -> d.findElement(By.id("message")).getText().contains(text));
        } catch (TimeoutException e) {
            try {
                Files.write(Path.of("target", "evaluation-failure.png"), browser.getScreenshotAs(OutputType.BYTES));
            } catch (IOException | RuntimeException ignored) {
                // the time-out matters
            }
            throw new TimeoutException("#message says: " + browser.findElement(By.id("message")).getText()
                    + " (page: target/evaluation-failure.png)", e);
        }
    }

    private void setValue(String id, String value) {
        browser.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    private WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** With -Dhuiqi.screens=true: the page as a PNG in docs/screens/ (desktop or phone). */
    private void shoot(int width, String name, By part) throws IOException {
        if (!Boolean.getBoolean("huiqi.screens")) {
            return;
        }
        browser.executeScript("arguments[0].scrollIntoView()", browser.findElement(part));
        Path target = Path.of("docs/screens", name + (width < 600 ? "-phone" : "-desktop") + ".png");
        Files.createDirectories(target.getParent());
        Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }
}
