package cn.huiqi.timelimit;

import static cn.huiqi.testsupport.HttpApi.expect;
import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import cn.huiqi.identity.DemoAccounts;
import cn.huiqi.identity.IdentityIntegrationTest;
import cn.huiqi.testsupport.HeadlessChromium;
import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.TestEnterprises;

/**
 * A case's time limits on /cases.html in headless Chromium (Chinese, 1400 and 390 px): the locality's verifier opens a
 * new measure-1 case and sees the running step 属地核实 with its limit of 5 working days, marked as a default awaiting
 * confirmation, and its last day; the lead unit sees its 督办 section. Skipped on a machine without Chromium.
 */
@IdentityIntegrationTest
class CaseStepTimesBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1400, 390})
    void theVerifierSeesTheRunningStepWithItsLimitAndTheLeadUnitItsSupervision(int width) {
        String applicant = TestEnterprises.freshUser(context, "donghu", DemoAccounts.PASSWORD);
        Map<String, Object> order = Map.of("counterparty", "江西测试贸易有限公司", "contractNumber", "HT-STEPS-" + UUID.randomUUID(),
                "signingDate", "2023-08-18", "orderAmount", "60000000.00", "executionEvidence", "出库单 CK-2023-0818");
        String caseNumber = expect(201, HttpApi.as(port, applicant, DemoAccounts.PASSWORD).post("/api/m1/applications",
                toJson(Map.of("orders", List.of(order))), "Idempotency-Key", UUID.randomUUID().toString())).get("caseNumber").asText();

        chromium = HeadlessChromium.open(width, 900);
        browser = chromium.browser();
        wait = chromium.waitUpTo(Duration.ofSeconds(30));
        signIn("donghu-verifier");
        browser.get(url("/cases.html#" + caseNumber));
        browser.navigate().refresh();

        WebElement step = visible(By.cssSelector("#detail table.steps tbody tr"));
        assertThat(step.getText()).contains("属地核实").contains("5 个工作日").matches("(?s).*\\d{4}年\\d{1,2}月\\d{1,2}日.*");
        assertThat(visible(By.cssSelector("#detail .steps-note")).getText()).contains("默认值，待政策部门确认");
        chromium.assertFitsAndKeepsThePolicy(width, "/cases.html");

        browser.manage().deleteAllCookies();
        signIn("gxj-reviewer");
        assertThat(visible(By.id("supervision")).getText()).contains("督办");
        chromium.assertFitsAndKeepsThePolicy(width, "/cases.html");
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
