package cn.huiqi.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.identity.DemoAccounts;
import cn.huiqi.testsupport.HeadlessChromium;
import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.QuickStartTest;
import cn.huiqi.testsupport.TestEnterprises;

/**
 * Measure 7's pages in headless Chromium, in Chinese, at 1400 and 390 px. The enterprise (a fresh one in 东湖区) opens
 * /demands.html from the portal: the categories by their Chinese names, 要素类别 only for 水电气要素保障, a form sent empty
 * refused in Chinese; it raises a demand and sees it in its list and detail, adds information, and switches 无事不扰 on.
 * The locality (donghu-verifier) opens /assistance.html from its menu: records a visit whose problem becomes a demand,
 * imports a 12345 file (one new demand) and the same file again (nothing new), and the visit plan lists the enterprise
 * that asked not to be disturbed as skipped with the reason. Once donghu has accepted and answered a demand, the
 * enterprise reads the reply on /demands.html and rates it with the revisit form (满意): the demand is closed. A handling unit sees its demands but records no visits;
 * policy staff have no 企业帮扶 entry. Nothing wider than the screen, no CSP violation.
 * The steps that need m7core's APIs (/api/assistance/…) are skipped (assumption) while those are not served.
 * With {@code -Dhuiqi.screens=true} the pages are saved to docs/screens/ (assistance-*.png).
 */
@QuickStartTest
class AssistancePagesBrowserTest {

    private static final String PASSWORD = DemoAccounts.PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1400, 390})
    void theEnterpriseRaisesADemandAndAsksNotToBeDisturbed(int width) {
        String user = TestEnterprises.freshUser(context, "donghu", PASSWORD);
        // from the portal's card 我的诉求（措施7）
        signIn(width, user, "/");
        click(By.id("demands-link"));
        wait.until(ExpectedConditions.urlToBe(url("/demands.html")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("enterprise-name"), "测试企业"));
        // the menu: 我的诉求 for an enterprise, no 企业帮扶, no Tasklist
        wait.until(d -> d.findElement(By.cssSelector("#menu a[href='demands.html']")).isDisplayed());
        assertThat(browser.findElement(By.cssSelector("#menu a[href='assistance.html']")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector("#menu a[href='camunda/app/tasklist/']")).isDisplayed()).isFalse();

        Select category = new Select(browser.findElement(By.id("demand-category")));
        List<String> names = category.getOptions().stream().skip(1).map(WebElement::getText).toList();
        assertThat(names).containsExactly("用工招工", "融资信贷", "用地规划", "水电气要素保障", "物流运输", "审批手续", "政策咨询与兑现",
                "技术创新", "市场开拓", "安全环保", "其他");
        assertThat(browser.findElement(By.id("utility-choice")).isDisplayed()).isFalse();
        category.selectByValue("UTILITIES");
        assertThat(visible(By.id("utility-choice")).getText()).contains("要素类别");
        assertThat(new Select(browser.findElement(By.id("demand-utility"))).getOptions().stream().skip(1).map(WebElement::getText))
                .containsExactly("供电", "供水", "燃气");
        click(By.id("demand-submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "【要素类别】请填写此项"));
        assertThat(browser.findElement(By.id("message")).getText()).contains("【标题】请填写此项").contains("【诉求内容】请填写此项");
        category.selectByValue("RECRUITMENT");
        assertThat(browser.findElement(By.id("utility-choice")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("no-visit")).getText()).contains("例行走访将跳过本企业").contains("与诉求有关的联系不受影响");
        chromium.assertFitsAndKeepsThePolicy(width, "/demands.html");

        HttpApi enterprise = HttpApi.as(port, user, PASSWORD);
        assumeTrue(served(enterprise.get("/api/assistance/no-visit?enterpriseId=" + enterpriseOf(enterprise).path("id").asText())),
                "m7core's /api/assistance APIs are not served yet");

        // raise a demand: it is listed, its detail shows the first timeline line
        String title = "招聘数控技工二十名" + width;
        browser.findElement(By.id("demand-title")).sendKeys(title);
        browser.findElement(By.id("demand-description")).sendKeys("扩产后缺少数控技工，希望人社部门协助组织专场招聘。");
        click(By.id("demand-submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "诉求已提交"));
        WebElement row = visible(By.xpath("//table[@id='demand-list']//tr[td[3][text()='" + title + "']]"));
        assertThat(row.getText()).contains("M7-").contains("用工招工").contains("待受理");
        assertThat(visible(By.id("detail-title")).getText()).contains(title);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-timeline"), "企业提出诉求"));
        screen("assistance-demands", width);

        // 补充说明: a line of the timeline
        browser.findElement(By.id("addition-text")).sendKeys("另需焊工五名。");
        click(By.id("addition-submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-timeline"), "另需焊工五名"));

        // 无事不扰 on, still on after a reload
        click(By.id("no-visit-switch"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("no-visit-state"), "已开启"));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("no-visit-state"), "已开启"));
        assertThat(browser.findElement(By.id("no-visit-switch")).isSelected()).isTrue();
        chromium.assertFitsAndKeepsThePolicy(width, "/demands.html (a demand, no-visit on)");
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1400, 390})
    void theLocalityRecordsAVisitImportsTicketsOnceAndSkipsWhoAskedNotToBeDisturbed(int width) throws IOException {
        String user = TestEnterprises.freshUser(context, "donghu", PASSWORD);
        HttpApi enterpriseApi = HttpApi.as(port, user, PASSWORD);
        JsonNode enterprise = enterpriseOf(enterpriseApi);

        signIn(width, "donghu-verifier", "/assistance.html");
        wait.until(d -> d.findElement(By.cssSelector("#menu a[href='assistance.html']")).isDisplayed());
        assertThat(visible(By.id("unit-line")).getText()).contains("东湖区");
        assertThat(visible(By.id("visit-box")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("hotline-box")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("plan-box")).isDisplayed()).isTrue();
        chromium.assertFitsAndKeepsThePolicy(width, "/assistance.html");

        assumeTrue(served(enterpriseApi.get("/api/assistance/no-visit?enterpriseId=" + enterprise.path("id").asText())),
                "m7core's /api/assistance APIs are not served yet");
        HttpApi.expect(200, enterpriseApi.put("/api/assistance/no-visit",
                "{\"enterpriseId\":" + enterprise.path("id").asText() + ",\"on\":true}"));

        // a visit with one problem: a demand on the enterprise's behalf
        browser.findElement(By.id("visit-search")).sendKeys(enterprise.path("name").asText());
        chooseVisitedEnterprise(enterprise.path("id").asText(), enterprise.path("name").asText());
        browser.findElement(By.id("visit-visitors")).sendKeys("王敏（东湖区工信局）");
        browser.findElement(By.id("visit-findings")).sendKeys("生产正常，订单饱满；反映用电容量不足。");
        click(By.id("visit-add-problem"));
        WebElement problem = visible(By.cssSelector("#visit-problems .visit-problem"));
        new Select(problem.findElement(By.className("problem-category"))).selectByValue("UTILITIES");
        new Select(problem.findElement(By.className("problem-utility"))).selectByValue("ELECTRICITY");
        problem.findElement(By.className("problem-title")).sendKeys("新增生产线用电容量不足");
        problem.findElement(By.className("problem-description")).sendKeys("需增容至 2000 千伏安。");
        click(By.id("visit-submit"));
        wait.until(d -> !d.findElement(By.id("visit-result")).getText().isEmpty());
        assertThat(browser.findElement(By.id("visit-result")).getText()).startsWith("走访记录已保存");
        assertThat(browser.findElement(By.id("visit-result")).getText()).contains("M7-");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("visit-list"), "王敏"));

        // a 12345 file: one new demand; the same file again: nothing new
        Path file = hotlineFile(enterprise.path("uscc").asText());
        browser.findElement(By.id("hotline-file")).sendKeys(file.toAbsolutePath().toString());
        click(By.id("hotline-submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("hotline-summary"), "新建诉求 1 件"));
        browser.findElement(By.id("hotline-file")).sendKeys(file.toAbsolutePath().toString());
        click(By.id("hotline-submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("hotline-summary"), "新建诉求 0 件"));
        assertThat(browser.findElement(By.id("hotline-summary")).getText()).contains("已导入过的工单 1 张");
        screen("assistance-hotline", width);

        // the visit plan: the enterprise is skipped, and says why
        new Select(browser.findElement(By.id("plan-unit"))).selectByValue("donghu");
        click(By.id("plan-show"));
        WebElement skipped = visible(By.xpath("//table[@id='plan-skipped']//tr[td[1][text()='" + enterprise.path("name").asText() + "']]"));
        assertThat(skipped.getText()).contains("无事不扰");
        assertThat(browser.findElement(By.id("plan-list")).getText()).doesNotContain(enterprise.path("name").asText());
        chromium.assertFitsAndKeepsThePolicy(width, "/assistance.html (visit, import, plan)");
        screen("assistance-plan", width);
        Files.deleteIfExists(file);
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1400, 390})
    void theEnterpriseReadsTheReplyAndRatesItWithTheRevisitForm(int width) {
        String user = TestEnterprises.freshUser(context, "donghu", PASSWORD);
        String caseNumber = DemandTestCases.open(context, user); // 其他, locality level: donghu handles it
        completeAs("donghu-verifier", caseNumber, "Task_Accept", java.util.Map.of("decision", "accept"));
        completeAs("donghu-verifier", caseNumber, "Task_Handle",
                java.util.Map.of("action", "reply", "replyOutcome", "SOLVED", "text", "已协调区人社局，招聘会安排在下周三。"));

        signIn(width, user, "/demands.html?n=" + caseNumber);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-reply"), "已协调区人社局，招聘会安排在下周三。"));
        WebElement task = visible(By.cssSelector("#detail-tasks .demand-task"));
        assertThat(task.getText()).contains("回访评价");
        WebElement satisfied = visible(By.xpath("//*[@id='detail-tasks']//label[normalize-space()='满意 / Satisfied']"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", satisfied);
        screen("assistance-revisit", width);
        click(By.cssSelector("#detail-tasks .demand-task button.primary"));

        cn.huiqi.casefile.CaseRecordRepository cases = context.getBean(cn.huiqi.casefile.CaseRecordRepository.class);
        wait.until(d -> "CLOSED".equals(cases.findByCaseNumber(caseNumber).orElseThrow().getStatus()));
        Demand demand = context.getBean(DemandRepository.class).findById(cases.findByCaseNumber(caseNumber).orElseThrow().getId()).orElseThrow();
        assertThat(demand.getRating()).isEqualTo(Rating.SATISFIED);
        wait.until(d -> d.findElements(By.cssSelector("#detail-tasks .demand-task")).isEmpty());
        assertThat(browser.findElement(By.tagName("body")).getText()).as("the page in Chinese").contains("已办结");
        chromium.assertFitsAndKeepsThePolicy(width, "/demands.html (the revisit, rated)");
    }

    private void completeAs(String user, String caseNumber, String step, java.util.Map<String, Object> variables) {
        org.camunda.bpm.engine.TaskService tasks = context.getBean(org.camunda.bpm.engine.TaskService.class);
        org.camunda.bpm.engine.task.Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(step).singleResult();
        assertThat(task).as(caseNumber + " at " + step).isNotNull();
        cn.huiqi.testsupport.TestUsers.as(context.getBean(org.camunda.bpm.engine.IdentityService.class), user, () -> {
            tasks.complete(task.getId(), variables);
            return null;
        });
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1400})
    void aHandlingUnitSeesItsDemandsAndPolicyStaffHaveNoEntry(int width) {
        signIn(width, "rsj-handler", "/assistance.html");
        wait.until(d -> d.findElement(By.cssSelector("#menu a[href='assistance.html']")).isDisplayed());
        assertThat(visible(By.id("unit-demands")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("visit-box")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("hotline-box")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("plan-box")).isDisplayed()).isFalse();
        chromium.assertFitsAndKeepsThePolicy(width, "/assistance.html (handling unit)");
        browser.get(url("/"));
        wait.until(d -> d.findElement(By.cssSelector("#links a[href='assistance.html']")).isDisplayed());
        chromium.close();
        chromium = null;

        signIn(width, "policy-staff", "/assistance.html");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "本页供属地、市工信局与诉求办理单位使用"));
        wait.until(d -> !d.findElements(By.cssSelector("#menu > ul > li")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#menu a[href='assistance.html']")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector("#menu a[href='demands.html']")).isDisplayed()).isFalse();
        browser.get(url("/"));
        visible(By.id("official")); // shown once every link has been checked against the role
        assertThat(browser.findElement(By.cssSelector("#links a[href='assistance.html']")).isDisplayed()).isFalse();
    }

    /** The enterprise the user acts for (id, name, uscc). */
    private static JsonNode enterpriseOf(HttpApi api) {
        return api.getJson("/api/enterprises?size=1").path("items").get(0);
    }

    private static boolean served(java.net.http.HttpResponse<String> response) {
        return response.statusCode() == 200;
    }

    /** The hotline template from the API with one ticket in place of its example row. */
    private Path hotlineFile(String uscc) throws IOException {
        byte[] template = HttpApi.as(port, "donghu-verifier", PASSWORD).getBytes("/api/assistance/hotline-imports/template").body();
        String ticket = "GD" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        Path file = Files.createTempFile("hotline-", ".xlsx");
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template)); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(0);
            // the template's example row is replaced by the ticket
            Row row = sheet.getRow(1) != null ? sheet.getRow(1) : sheet.createRow(1);
            for (int i = 0; i < header.getLastCellNum(); i++) {
                String column = header.getCell(i) == null ? "" : header.getCell(i).getStringCellValue();
                String value = column.contains("工单编号") ? ticket
                        : column.contains("受理时间") ? "2026-11-20 09:30"
                        : column.contains("信用代码") ? uscc
                        : column.contains("类别") ? "物流运输"
                        : column.contains("标题") ? "厂区门前道路货车限行"
                        : column.contains("内容") ? "货车白天限行影响发货，希望调整通行时段。" : "";
                row.createCell(i).setCellValue(value);
            }
            workbook.write(out);
        }
        return file;
    }

    private void signIn(int width, String user, String page) {
        chromium = HeadlessChromium.open(width, 900);
        browser = chromium.browser();
        wait = chromium.waitUpTo(Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        browser.get(url("/login.html?next=" + URLEncoder.encode(page, StandardCharsets.UTF_8)));
        visible(By.id("login-user")).sendKeys(user);
        browser.findElement(By.id("login-password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.urlToBe(url(page)));
        visible(By.id("session-user"));
    }

    /**
     * The search's answer replaces the list's options (the page's first list, then one per pause in typing): the
     * enterprise is chosen once the answer to its full name is in, in the wait, on the list as it is at that look.
     */
    private void chooseVisitedEnterprise(String id, String name) {
        wait.until(d -> {
            WebElement list = d.findElement(By.id("visit-enterprise"));
            List<WebElement> found = list.findElements(By.cssSelector("option:not([value=''])"));
            if (found.isEmpty() || !found.stream().allMatch(option -> option.getText().contains(name))) {
                return false; // not yet the answer to the full name
            }
            if (!id.equals(list.getDomProperty("value"))) {
                new Select(list).selectByValue(id);
            }
            return id.equals(list.getDomProperty("value"));
        });
    }

    private void click(By by) {
        WebElement element = browser.findElement(by);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
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
