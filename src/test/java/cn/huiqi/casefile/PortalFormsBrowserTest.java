package cn.huiqi.casefile;

import static cn.huiqi.testsupport.HttpApi.expect;
import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.identity.DemoAccounts;
import cn.huiqi.testsupport.HeadlessChromium;
import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.ScreenshotOnFailure;
import cn.huiqi.testsupport.TestEnterprises;

/**
 * The deployed Camunda Forms in the enterprise's pages (apply.html, supplement.html, receipt.html) in headless
 * Chromium at 1280 and 390 px: Chinese validation only, dates as 2023-08-15 echoed 2023年8月15日, amounts with
 * separators echoed in 亿元, a preview before submitting (confirmation when the figures do not qualify, the
 * default-rate label for measure 2), measure 3's own projects to pick from, the receipt with the case number and the
 * due date of the next step, and a supplement after a send-back. Its own H2 (ent-hongdu applies for measure 1 once
 * here, whatever the shared contexts' tests do). Skipped on a machine without Chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:portalforms;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE",
        "camunda.bpm.job-execution.enabled=false"})
class PortalFormsBrowserTest {


    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private HeadlessChromium chromium;
    private PortalPage portal;
    private ChromeDriver browser;
    private WebDriverWait wait;
    @RegisterExtension
    final ScreenshotOnFailure failures = new ScreenshotOnFailure("portal", () -> chromium);

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 390})
    void measureOneWithTwoOrdersFromEmptyToReceipt(int width) {
        String user = width == 1280 ? "ent-hongdu" : TestEnterprises.freshUser(context, "donghu", DemoAccounts.PASSWORD);
        open(width, user, "/apply.html?measure=M1");
        WebElement counterparty = field("签约对方", 0);
        chromium.assertFitsAndKeepsThePolicy(width, "/apply.html");

        // empty: Chinese messages only
        click(By.id("submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form"), "请填写此项"));
        assertNoEnglish(text("form") + text("message"));

        // a first order below every tier: the page asks before opening a case that would close at once
        counterparty.sendKeys("上海浦江贸易有限公司");
        field("合同编号", 0).sendKeys("HT-" + UUID.randomUUID().toString().substring(0, 8));
        field("签订日期", 0).sendKeys("2023-08-15");
        field("订单金额", 0).sendKeys("12,000,000");
        field("落地实施证明", 0).sendKeys("出库单 CK-2023-0815，发票 FP-0815");
        assertThat(echoOf("签订日期", 0)).isEqualTo("2023年8月15日");
        assertThat(echoOf("订单金额", 0)).isEqualTo("¥12,000,000.00 = 1,200万元");
        click(By.id("submit"));
        WebElement confirm = visible(By.id("confirm"));
        assertThat(confirm.getText()).contains("不符合奖励条件").contains("未达到5000万元").contains("确定仍要提交");
        chromium.assertFitsAndKeepsThePolicy(width, "/apply.html (confirmation)");
        click(By.id("confirm-back"));
        assertThat(expect(200, HttpApi.as(port, user, DemoAccounts.PASSWORD).get("/api/cases")).toString())
                .as("no case opened").doesNotContain("M1-");

        // corrected in place (no reload): 1.2亿元, and a second order
        WebElement amount = field("订单金额", 0);
        amount.clear();
        amount.sendKeys("120,000,000");
        assertThat(echoOf("订单金额", 0)).isEqualTo("¥120,000,000.00 = 1.2亿元");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("preview"))); // the old figures' preview is gone
        click(By.cssSelector("button.fjs-repeat-render-add"));
        field("签约对方", 1).sendKeys("江西赣江机电有限公司");
        field("合同编号", 1).sendKeys("HT-" + UUID.randomUUID().toString().substring(0, 8));
        field("签订日期", 1).sendKeys("2023/9/1");
        field("订单金额", 1).sendKeys("30,000,000.50");
        field("落地实施证明", 1).sendKeys("验收单 YS-0901");
        assertThat(echoOf("签订日期", 1)).isEqualTo("2023年9月1日");
        screenshot("apply-m1-" + width);
        click(By.id("submit"));

        wait.until(ExpectedConditions.urlContains("/receipt.html?case="));
        String caseNumber = visible(By.id("case-number")).getText();
        assertThat(caseNumber).startsWith("M1-");
        assertThat(text("measure")).contains("第1条");
        assertThat(text("next-step")).contains("属地核实").contains("东湖区");
        assertThat(text("due")).matches("\\d{4}年\\d{1,2}月\\d{1,2}日前办结（5个工作日）");
        assertThat(text("reward")).contains("¥100,000.00").contains("10万元");
        assertThat(browser.findElement(By.id("print")).getText()).contains("打印回执");
        chromium.assertFitsAndKeepsThePolicy(width, "/receipt.html");
        screenshot("receipt-" + width);
        JsonNode application = expect(200, HttpApi.as(port, user, DemoAccounts.PASSWORD).get("/api/cases/" + caseNumber))
                .get("application");
        assertThat(application.get("orders")).hasSize(2);
        assertThat(application.get("orders").get(1).get("orderAmount").asText()).isEqualTo("30000000.50");
        assertThat(application.get("orders").get(1).get("signingDate").asText()).isEqualTo("2023-09-01");
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 390})
    void measureTwoPreviewSaysTheRateIsALabelledDefault(int width) {
        open(width, "ent-ganjiang", "/apply.html?measure=M2");
        field("2023年7—9月应税销售收入", 0).sendKeys("6亿");
        assertThat(echoOf("2023年7—9月应税销售收入", 0)).isEqualTo("¥600,000,000.00 = 6亿元");
        field("2022年7—9月应税销售收入", 0).sendKeys("500,000,000");
        field("收入证明", 0).sendKeys("增值税纳税申报表 2023年第三季度");
        click(By.id("check"));
        WebElement preview = visible(By.id("preview"));
        assertThat(preview.getText()).contains("符合条件").contains("¥900,000.00").contains("系统默认比例，待政策部门确认");
        assertNoEnglish(text("form"));
        chromium.assertFitsAndKeepsThePolicy(width, "/apply.html?measure=M2");
        screenshot("apply-m2-" + width);
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 390})
    void measureThreePicksOneOfTheEnterprisesOwnProjects(int width) {
        open(width, "ent-anyi", "/apply.html?measure=M3");
        WebElement select = visible(By.cssSelector(".fjs-form-field-select .fjs-input-group, .fjs-form-field-select input"));
        click(select);
        WebElement option = visible(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][contains(., '节能型铝型材挤压生产线技术改造项目')]"));
        assertThat(option.getText()).contains("编号").contains("技术改造");
        click(option);
        field("设备投资证明", 0).sendKeys("设备采购合同 SB-2023-07、发票");
        // the click event alone, no pointer: the page must still take the text the field holds (form-js writes it late)
        ((JavascriptExecutor) browser).executeScript("arguments[0].click()", visible(By.id("check")));
        wait.until(driver -> driver.findElement(By.id("preview")).isDisplayed() || !text("message").isBlank());
        assertThat(text("message")).as("no error").isBlank();
        assertThat(text("preview")).containsAnyOf("符合条件", "不符合");
        assertNoEnglish(text("form"));
        chromium.assertFitsAndKeepsThePolicy(width, "/apply.html?measure=M3");
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 390})
    void aSupplementAfterASendBack(int width) {
        String applicant = TestEnterprises.freshUser(context, "donghu", DemoAccounts.PASSWORD);
        Map<String, Object> order = Map.of("counterparty", "江西测试贸易有限公司", "contractNumber", "HT-SUP-" + UUID.randomUUID(),
                "signingDate", "2023-08-18", "orderAmount", "60000000.00", "executionEvidence", "出库单 CK-2023-0818");
        String caseNumber = expect(201, HttpApi.as(port, applicant, DemoAccounts.PASSWORD).post("/api/measures/M1/applications",
                toJson(Map.of("orders", List.of(order))), "Idempotency-Key", UUID.randomUUID().toString())).get("caseNumber").asText();
        HttpApi verifier = HttpApi.as(port, "donghu-verifier", DemoAccounts.PASSWORD);
        String verification = expect(200, verifier.get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber)).get(0).get("id").asText();
        expect(204, verifier.post("/engine-rest/task/" + verification + "/complete", toJson(Map.of("variables", Map.of(
                "decision", Map.of("value", "sendBack", "type", "String"),
                "comment", Map.of("value", "请补充增值税发票", "type", "String"))))));
        HttpApi enterprise = HttpApi.as(port, applicant, DemoAccounts.PASSWORD);
        String supplement = expect(200, enterprise.get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber)).get(0).get("id").asText();

        open(width, applicant, "/supplement.html?task=" + supplement);
        WebElement note = field("补正说明", 0);
        assertThat(field("案件编号", 0).getDomProperty("value")).isEqualTo(caseNumber);
        assertThat(field("审核意见（原文）", 0).getDomProperty("value")).isEqualTo("请补充增值税发票");
        assertThat(text("task-info")).contains(caseNumber).contains("补正材料");
        click(By.id("submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form"), "请填写此项"));
        assertNoEnglish(text("form"));
        note.sendKeys("已补充增值税发票 FP-2023-0818");
        click(By.id("submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "补正已提交"));
        chromium.assertFitsAndKeepsThePolicy(width, "/supplement.html");
        assertThat(expect(200, enterprise.get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber))).isEmpty();
        assertThat(expect(200, verifier.get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber)).get(0).get("name").asText())
                .contains("属地核实");
    }

    // ---- helpers (PortalPage) -------------------------------------------------------------------------

    private void open(int width, String user, String page) {
        chromium = HeadlessChromium.open(width, 900);
        portal = new PortalPage(chromium, port);
        browser = portal.browser;
        wait = portal.wait;
        portal.signIn(user, page);
        visible(By.cssSelector("#form .fjs-form"));
    }

    private WebElement field(String label, int index) {
        return portal.field(label, index);
    }

    private String echoOf(String label, int index) {
        return portal.echoOf(label, index);
    }

    private void click(By by) {
        portal.click(by);
    }

    private void click(WebElement element) {
        portal.click(element);
    }

    private String text(String id) {
        return portal.text(id);
    }

    private static void assertNoEnglish(String text) {
        PortalPage.assertNoEnglish(text);
    }

    private WebElement visible(By by) {
        return portal.visible(by);
    }

    /** With -Dhuiqi.screenshots=true: kept in target/screenshots for a look (docs/ gets the ones the README shows). */
    private void screenshot(String name) {
        if (HeadlessChromium.SCREENSHOTS) {
            portal.screenshot(Path.of("target", "screenshots", "portal-" + name + ".png"));
        }
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }
}
