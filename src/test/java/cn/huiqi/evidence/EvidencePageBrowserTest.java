package cn.huiqi.evidence;

import static cn.huiqi.testsupport.HttpApi.expect;
import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import cn.huiqi.identity.DemoAccounts;
import cn.huiqi.identity.IdentityIntegrationTest;
import cn.huiqi.testsupport.HeadlessChromium;
import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.TestEnterprises;
import cn.huiqi.testsupport.TestUsers;

/**
 * The evidence widget on /cases.html in headless Chromium (1280 and 390 px): a measure-1 case sent back by the locality;
 * the enterprise opens it, sees what is still missing, picks 发票 for order 1 and uploads a PNG; the file appears marked
 * 补正后新增, and the locality's verifier sees it marked the same way, with a download link. Nothing wider than the
 * screen, no CSP violation. Skipped on a machine without Chromium.
 */
@IdentityIntegrationTest
class EvidencePageBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    IdentityService identityService;
    @Autowired
    TaskService taskService;

    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 390})
    void theEnterpriseSupplementsAFileAndTheVerifierSeesItMarkedAsNew(int width) throws IOException {
        String applicant = TestEnterprises.freshUser(context, "donghu", DemoAccounts.PASSWORD);
        Map<String, Object> order = Map.of("counterparty", "江西测试贸易有限公司", "contractNumber", "HT-EVID-" + UUID.randomUUID(),
                "signingDate", "2023-08-18", "orderAmount", "60000000.00", "executionEvidence", "出库单 CK-2023-0818");
        String caseNumber = expect(201, HttpApi.as(port, applicant, DemoAccounts.PASSWORD).post("/api/m1/applications",
                toJson(Map.of("orders", List.of(order))), "Idempotency-Key", UUID.randomUUID().toString())).get("caseNumber").asText();
        String task = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("Task_LocalityVerification").singleResult().getId();
        TestUsers.as(identityService, "donghu-verifier", () -> {
            taskService.complete(task, Map.of("decision", "sendBack", "comment", "请补充第1笔订单的发票"));
            return null;
        });
        Path png = Files.createTempFile("增值税发票-", ".png");
        byte[] bytes = new byte[3000];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 0, bytes, 0, 8);
        Files.write(png, bytes);

        chromium = HeadlessChromium.open(width, 900);
        browser = chromium.browser();
        wait = chromium.waitUpTo(Duration.ofSeconds(30));
        try {
            signIn(applicant);
            browser.get(url("/cases.html#" + caseNumber));
            browser.navigate().refresh();
            WebElement upload = visible(By.cssSelector("#evidence form.evidence-upload"));
            assertThat(visible(By.cssSelector("#evidence .missing")).getText()).contains("发票（订单1）");
            new Select(upload.findElement(By.name("kind"))).selectByValue("INVOICE");
            new Select(upload.findElement(By.name("orderIndex"))).selectByValue("1");
            upload.findElement(By.name("file")).sendKeys(png.toString());
            upload.findElement(By.cssSelector("button[type=submit]")).click();
            try {
                chromium.waitUpTo(Duration.ofSeconds(90)).until(ExpectedConditions.or(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#evidence .evidence-files li.added")),
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#evidence .evidence-message.error"))));
            } finally {
                Files.write(Path.of("target", "evidence-upload-" + width + "px.png"), browser.getScreenshotAs(OutputType.BYTES));
            }
            assertThat(browser.findElements(By.cssSelector("#evidence .evidence-message.error"))).as("upload errors")
                    .extracting(WebElement::getText).isEmpty();
            WebElement added = visible(By.cssSelector("#evidence .evidence-files li.added"));
            assertThat(added.getText()).contains("发票（订单1）").contains(png.getFileName().toString()).contains("补正后新增").contains("PNG");
            assertThat(visible(By.cssSelector("#evidence .evidence-message")).getText()).contains("已上传");
            Files.write(Path.of("target", "evidence-enterprise-" + width + "px.png"), browser.getScreenshotAs(OutputType.BYTES));
            chromium.assertFitsAndKeepsThePolicy(width, "/cases.html (evidence, enterprise)");

            browser.manage().deleteAllCookies();
            signIn("donghu-verifier");
            browser.get(url("/cases.html#" + caseNumber));
            browser.navigate().refresh();
            WebElement seen = visible(By.cssSelector("#evidence .evidence-files li.added"));
            assertThat(seen.getText()).contains("补正后新增");
            assertThat(seen.findElement(By.tagName("a")).getDomAttribute("href")).matches("api/evidence/\\d+");
            assertThat(browser.findElements(By.cssSelector("#evidence form.evidence-upload"))).as("the verifier uploads nothing").isEmpty();
            chromium.assertFitsAndKeepsThePolicy(width, "/cases.html (evidence, verifier)");
        } finally {
            Files.deleteIfExists(png);
        }
    }

    private void signIn(String user) {
        browser.get(url("/login.html?next=%2Fcases.html"));
        visible(By.id("login-user")).sendKeys(user);
        browser.findElement(By.id("login-password")).sendKeys(DemoAccounts.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.urlToBe(url("/cases.html")));
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
