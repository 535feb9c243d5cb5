package cn.huiqi.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
import cn.huiqi.testsupport.TestEnterprises;
import cn.huiqi.testsupport.TestUsers;

/**
 * board.html in headless Chromium (Chinese, 1400 and 390 px): 市工信局 sees every locality's lines, the pools with the 1亿
 * package and three charts, and opens the cases behind a number; a locality sees its own line only and no pools; 市领导's
 * menu offers the board alone. Never wider than the screen, no CSP violation. Skipped on a machine without Chromium.
 */
@IdentityIntegrationTest
class BoardPageBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;

    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @ParameterizedTest(name = "{0} px wide as {1}")
    @CsvSource({"1400, gxj-reviewer", "390, donghu-verifier", "390, leader"})
    void theBoardShowsWhatTheReaderMayReadAndOpensItsCases(int width, String user) {
        String caseNumber = caseAtCityReview();

        chromium = HeadlessChromium.open(width, 900);
        browser = chromium.browser();
        wait = chromium.waitUpTo(Duration.ofSeconds(30));
        browser.get(url("/login.html?next=%2Fboard.html"));
        visible(By.id("login-user")).sendKeys(user);
        browser.findElement(By.id("login-password")).sendKeys(DemoAccounts.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.urlToBe(url("/board.html")));
        wait.until(ExpectedConditions.attributeToBe(By.id("figures-box"), "data-loading", "false"));
        wait.until(d -> !d.findElements(By.cssSelector("#figures tbody tr")).isEmpty());
        List<String> lines = browser.findElements(By.cssSelector("#figures tbody tr td:first-child")).stream().map(WebElement::getText).toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("M1 "));
        assertThat(browser.findElement(By.id("defaults")).getText()).contains("系统默认值，待政策部门确认");
        List<String> localityLines = lines.stream().filter(l -> !l.matches("M\\d+ .*") && !l.startsWith("全部")).toList();
        boolean city = !user.startsWith("donghu");
        if (city) {
            assertThat(localityLines).contains("东湖区");
            assertThat(browser.findElement(By.id("funds")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.cssSelector("#pools tbody")).getText()).contains("统筹资金（1亿元）").contains("100,000,000.00");
            assertThat(browser.findElement(By.id("scope")).getText()).startsWith("范围：全市");
        } else {
            assertThat(localityLines).isNotEmpty().containsOnly("东湖区");
            assertThat(browser.findElement(By.id("funds")).isDisplayed()).isFalse();
        }
        wait.until(d -> d.findElements(By.cssSelector("#trend-chart canvas")).size() == 1);
        assertThat(browser.findElements(By.cssSelector("#count-chart canvas, #stage-chart canvas"))).hasSize(2);
        if ("leader".equals(user)) {
            List<String> menu = browser.findElements(By.cssSelector("#menu li:not([hidden]) > a")).stream()
                    .map(a -> a.getAttribute("href")).toList();
            assertThat(menu).noneMatch(href -> href.endsWith("/cases.html") || href.endsWith("/settlements.html"))
                    .anyMatch(href -> href.endsWith("/board.html"));
        }
        chromium.assertFitsAndKeepsThePolicy(width, "/board.html");

        // the M1 line's applications open its cases (paged); the leader opens none
        WebElement m1Applications = browser.findElements(By.cssSelector("#figures tbody tr.subtotal")).stream()
                .filter(r -> r.getText().startsWith("M1 ")).findFirst().orElseThrow().findElements(By.cssSelector("td a")).get(0);
        m1Applications.click();
        visible(By.id("drill"));
        if ("leader".equals(user)) {
            visible(By.id("drill-none"));
        } else {
            wait.until(d -> d.findElements(By.cssSelector("#drill-cases tbody a")).stream().anyMatch(a -> a.getText().equals(caseNumber)));
        }
        chromium.screen("board-" + user, width);
        chromium.assertFitsAndKeepsThePolicy(width, "/board.html");
    }

    /** A measure 1 case of a new donghu enterprise, verified by the locality: at city review (gxj reviews it). */
    private String caseAtCityReview() {
        String user = TestEnterprises.freshUser(context, "donghu", "pw-" + System.nanoTime());
        Map<String, Object> order = new HashMap<>();
        order.put("counterparty", "上海某某贸易有限公司");
        order.put("contractNumber", "HT-" + java.util.UUID.randomUUID());
        order.put("orderAmount", "60000000.00");
        order.put("signingDate", "2023-08-01");
        order.put("executionEvidence", "发货单 FH-001、增值税发票 12345670");
        Map<String, Object> form = new HashMap<>();
        form.put("orders", new java.util.ArrayList<>(List.of(order)));
        String instance = TestUsers.as(identityService, user, () -> runtimeService.startProcessInstanceByKey("m1-order-reward", form)).getBusinessKey();
        var task = taskService.createTaskQuery().processInstanceBusinessKey(instance).taskDefinitionKey("Task_LocalityVerification").singleResult();
        Map<String, Object> verified = new HashMap<>();
        verified.put("decision", "approve");
        verified.put("orderVerification", new java.util.ArrayList<>(List.of(new HashMap<>(Map.of("line", 1, "result", "accept")))));
        TestUsers.as(identityService, "donghu-verifier", () -> {
            taskService.complete(task.getId(), verified);
            return null;
        });
        return instance;
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
