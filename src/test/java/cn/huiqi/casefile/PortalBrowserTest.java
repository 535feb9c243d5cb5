package cn.huiqi.casefile;

import static cn.huiqi.testsupport.HttpApi.expect;
import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.huiqi.testsupport.HeadlessChromium;
import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.QuickStartTest;

/**
 * Issue 14, the enterprise's side, in headless Chromium at desktop width and at 390 px (a phone), as ent-hongdu of
 * the quick start: an anonymous visitor of /cases.html signs in and comes back; the portal at / shows the
 * enterprise's name and USCC, the measures open for applications with their round's dates, and its applications;
 * the case page says where the case stands in words (the unit by name, the due date), explains the rule's decision
 * (1.2亿元, the “1亿元以上” tier, 10万元) and shows no raw code; the enterprise withdraws with a reason and applies
 * again. With {@code -Dhuiqi.screens=true} the pages are saved to docs/screens/ for the README.
 */
@QuickStartTest
class PortalBrowserTest {

    private static final String USER = "ent-hongdu";
    private static final String PASSWORD = "demo";
    /** What the page must never show: unit ids, enum names, rule keys, login ids, UUIDs. */
    private static final List<String> RAW = List.of("donghu", "gxj", "swj", "TIER_", "LOCALITY_VERIFICATION", "SUPPLEMENT_REQUESTED",
            "WITHDRAWN", "ENTERPRISE", "order-reward", "ent-hongdu", "NONE", "PENDING", "null", "undefined");
    private static final Pattern UUID_LIKE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}");

    @LocalServerPort
    int port;

    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;

    /** A run that failed half-way leaves its case open: withdraw it, so measure 1 takes ent-hongdu's application again. */
    @org.junit.jupiter.api.BeforeEach
    void freeTheEnterprise() {
        HttpApi api = HttpApi.as(port, USER, PASSWORD);
        for (com.fasterxml.jackson.databind.JsonNode c : api.getJson("/api/cases?measure=M1&status=LOCALITY_VERIFICATION&size=100").path("items")) {
            api.post("/api/cases/" + c.path("caseNumber").asText() + "/withdrawal", "{\"reason\":\"测试前清理\"}");
        }
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 390})
    void anEnterpriseSignsInSeesItsPortalFollowsItsCaseWithdrawsAndAppliesAgain(int width) {
        chromium = HeadlessChromium.open(width, 900);
        browser = chromium.browser();
        wait = chromium.waitUpTo(Duration.ofSeconds(30));
        HttpApi api = HttpApi.as(port, USER, PASSWORD);
        String caseNumber = apply(api, 201).get("caseNumber").asText();

        // anonymous /cases.html → the sign-in page → back to /cases.html
        browser.get(url("/cases.html"));
        wait.until(ExpectedConditions.urlContains("/login.html?next=%2Fcases.html"));
        visible(By.id("login-user")).sendKeys(USER);
        browser.findElement(By.id("login-password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.urlToBe(url("/cases.html")));
        assertThat(visible(By.cssSelector("#sign-out button")).getText()).startsWith("退出登录");

        // the portal
        browser.get(url("/"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("enterprise-name"), "南昌洪都精密机械有限公司"));
        assertThat(browser.findElement(By.id("enterprise-uscc")).getText()).isEqualTo("91360102MA35HQ1D2F");
        WebElement m1 = visible(By.id("open-M1"));
        assertThat(m1.getText()).contains("申报期").containsPattern("\\d{4}年\\d{1,2}月\\d{1,2}日 至 \\d{4}年\\d{1,2}月\\d{1,2}日");
        assertThat(m1.findElement(By.cssSelector("a.button")).getAttribute("href")).endsWith("/apply.html?measure=M1");
        WebElement mine = visible(By.cssSelector("#my-cases li[data-case='" + caseNumber + "']"));
        assertThat(mine.getText()).contains("属地核实中");
        assertThat(mine.findElement(By.tagName("a")).getAttribute("href")).endsWith("/case.html?n=" + caseNumber);
        wait.until(d -> !d.findElements(By.cssSelector("#menu > ul > li")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#menu a[href='camunda/app/tasklist/']")).stream().filter(WebElement::isDisplayed))
                .as("no Tasklist for an enterprise").isEmpty();
        assertThat(browser.findElement(By.id("official")).isDisplayed()).isFalse();
        assertNoRawCodes("/");
        chromium.assertFitsAndKeepsThePolicy(width, "/");
        screen("portal-home", width);

        // the case page in plain words
        mine.findElement(By.tagName("a")).click();
        visible(By.cssSelector("#case[data-ready='true']"));
        String sentence = browser.findElement(By.id("status-sentence")).getText();
        assertThat(sentence).contains("属地核实中", "东湖区", "属地核实").containsPattern("应于\\d{4}年\\d{1,2}月\\d{1,2}日前办结");
        assertThat(browser.findElement(By.id("decision")).getText())
                .contains("金额1.2亿元", "最大单笔订单金额1.2亿元，达到“1亿元以上”档，奖励10万元");
        assertThat(browser.findElement(By.id("facts")).getText()).contains("¥120,000,000.00（1.2亿元）", "¥100,000.00（10万元）");
        assertThat(browser.findElement(By.id("history")).getText()).contains("提交申请", "按规则认定：符合条件")
                .doesNotContain("（ ）", "()");
        assertNoRawCodes("/case.html");
        chromium.assertFitsAndKeepsThePolicy(width, "/case.html");
        screen("portal-case", width);

        // withdraw, then apply again
        visible(By.id("withdraw-reason")).sendKeys("订单金额填写有误，更正后重新申请");
        browser.executeScript("window.confirm = () => true");
        browser.findElement(By.id("withdraw-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-sentence"), "已撤回"));
        visible(By.cssSelector("#case[data-ready='true']"));
        assertThat(browser.findElement(By.id("withdraw")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("history")).getText()).contains("企业撤回申请", "订单金额填写有误");
        assertNoRawCodes("/case.html (withdrawn)");
        String again = apply(api, 201).get("caseNumber").asText();
        assertThat(again).isNotEqualTo(caseNumber);
        // leave the enterprise free for the next width
        expect(200, api.post("/api/cases/" + again + "/withdrawal", "{\"reason\":\"测试结束\"}"));
    }

    private com.fasterxml.jackson.databind.JsonNode apply(HttpApi api, int status) {
        Map<String, Object> order = Map.of("counterparty", "上海某贸易有限公司", "contractNumber", "HT-2023-" + System.nanoTime() % 1_000_000_000L,
                "signingDate", "2023-08-18", "orderAmount", "120000000.00", "executionEvidence", "出库单 CK-2023-0818");
        return expect(status, api.post("/api/measures/M1/applications", toJson(Map.of("orders", List.of(order))),
                "Idempotency-Key", UUID.randomUUID().toString()));
    }

    private void assertNoRawCodes(String page) {
        String shown = browser.findElement(By.tagName("main")).getText() + "\n" + browser.findElement(By.tagName("header")).getText();
        for (String raw : RAW) {
            assertThat(shown).as("raw code on " + page).doesNotContain(raw);
        }
        assertThat(UUID_LIKE.matcher(shown).find()).as("a UUID on " + page + ": " + shown).isFalse();
    }

    /** With -Dhuiqi.screens=true: the page as a PNG in docs/screens/ (desktop or phone). */
    private void screen(String name, int width) {
        chromium.screen(name, width);
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
