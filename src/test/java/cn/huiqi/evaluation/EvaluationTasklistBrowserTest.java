package cn.huiqi.evaluation;

import static cn.huiqi.testsupport.HttpApi.expect;
import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.identity.DemoAccounts;
import cn.huiqi.testsupport.HeadlessChromium;
import cn.huiqi.testsupport.TasklistPage;
import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.QuickStartTest;
import cn.huiqi.testsupport.TestUsers;

/**
 * Issue 16: 市工信局 completes the evaluation steps in Tasklist (headless Chromium, 1280 px, the quick start's demo
 * accounts). A measure-6 round is brought to 拟定奖励方案 through the API and the engine (gxj-reviewer imports nothing
 * but scores "1269", so it is one of the round's figure actors); gxj-reviewer completes 拟定奖励方案 with its form;
 * the same person opens 复核奖励方案, chooses 同意 and is refused with the bilingual four-eyes sentence (no engine
 * wording, no 500); gxj-checker, who touched nothing of the round, completes it and the round moves to 市政府审定.
 */
@QuickStartTest
class EvaluationTasklistBrowserTest {

    private static final String PREPARER = "gxj-reviewer";
    private static final String CHECKER = "gxj-checker";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private TasklistPage tasklist;

    @BeforeEach
    void openBrowser() {
        chromium = HeadlessChromium.open(1280, 1000);
        browser = chromium.browser();
        wait = chromium.waitUpTo(Duration.ofSeconds(90)); // Tasklist's bundles are large; machines are busy
        tasklist = new TasklistPage(browser, wait, port, "evaluation-tasklist");
    }

    @AfterEach
    void closeBrowser() {
        ClockUtil.reset();
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void thePreparerIsRefusedTheCheckInTasklistAndASecondGxjPersonCompletesIt() throws IOException {
        long id = roundAtProposal();
        Task propose = roundTask(id, "Task_Propose");

        chromium.askForChinese();
        signIn(PREPARER);

        // 拟定奖励方案: the form says where to look and names the round; an optional note; 完成
        openAndClaim(propose);
        WebElement form = tasklist.visible(By.cssSelector(".fjs-container"));
        wait.until(d -> form.getText().contains("2024年工业发展综合评价（任务中心测试）"));
        assertThat(form.getText()).contains("拟定奖励方案").contains("/ Evaluations").contains("双人复核");
        browser.findElement(By.cssSelector(".fjs-container textarea[id$='Field_Reason']")).sendKeys("按评分排名拟定。");
        tasklist.shot("evaluation-tasklist-propose");
        complete();
        wait.until(d -> finished(propose));

        // 复核奖励方案 by the preparer: refused, the four-eyes sentence in Chinese first, nothing completed
        Task check = roundTask(id, "Task_CheckProposal");
        openAndClaim(check);
        // each step's fields are its own (task-local): the preparer's note is not offered as the checker's reason
        assertThat(tasklist.visible(By.cssSelector(".fjs-container textarea[id$='Field_Reason']")).getAttribute("value")).isEmpty();
        tasklist.visible(By.cssSelector(".fjs-container input[id$='Field_Outcome-0']")).click();
        complete();
        WebElement toast = tasklist.visible(By.cssSelector(".page-notifications .alert"));
        wait.until(d -> toast.getText().contains("双人复核"));
        tasklist.shot("evaluation-tasklist-four-eyes");
        assertThat(toast.getText()).contains("双人复核：奖励方案由您拟定，须由市工信局另一名工作人员复核")
                .contains("Four eyes: you prepared this proposal")
                .doesNotContain("Cannot").doesNotContain("Exception").doesNotContain("ENGINE-").doesNotContain(check.getId());
        assertThat(finished(check)).isFalse();
        // the toast lies over the task's header: closed with its ×, as a person does
        WebElement close = toast.findElements(By.cssSelector(".close")).stream().filter(WebElement::isDisplayed).findFirst()
                .orElseThrow(() -> new AssertionError("no × on the toast: " + toast.getAttribute("outerHTML")));
        close.click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".page-notifications .alert")));
        tasklist.visible(By.xpath("//*[@ng-click='unclaim()']")).click(); // gives it back to the group
        wait.until(d -> taskService.createTaskQuery().taskId(check.getId()).singleResult().getAssignee() == null);

        // the second gxj person completes it; the round goes to 市政府审定
        signIn(CHECKER);
        openAndClaim(check);
        tasklist.visible(By.cssSelector(".fjs-container input[id$='Field_Outcome-0']")).click();
        complete();
        wait.until(d -> finished(check));
        assertThat(roundTask(id, "Task_CityApproval")).isNotNull();
        JsonNode process = HttpApi.as(port, PREPARER, DemoAccounts.PASSWORD).getJson("/api/evaluations/" + id + "/process");
        assertThat(process.toString()).contains(PREPARER).contains(CHECKER);

        // /evaluations.html: the process panel names the step, its due date on the working-day clock, preparer and checker
        signInToPage(CHECKER, "/evaluations.html#" + id);
        WebElement facts = tasklist.visible(By.id("process-facts"));
        wait.until(d -> facts.getText().contains("市政府审定"));
        assertThat(facts.getText()).contains("前办结，按工作日历计算").contains("拟定人").contains(PREPARER).contains("复核人").contains(CHECKER);

        // approved and circulated: 东湖区 asks for a recheck on the page within the window
        completeAs(CHECKER, roundTask(id, "Task_CityApproval"), Map.of("outcome", "approved", "documentNumber", "洪府字〔2025〕1号",
                "approvalDate", "2025-01-15"));
        signInToPage("donghu-verifier", "/evaluations.html#" + id);
        WebElement hint = tasklist.visible(By.id("review-hint"));
        assertThat(hint.getText()).contains("申请复核").contains("前");
        assertThat(browser.findElement(By.id("process-facts")).getText()).contains("洪府字〔2025〕1号").contains("复核期截止")
                .doesNotContain(PREPARER);
        browser.findElement(By.id("review-reason")).sendKeys("本区研发投入数据漏报一家企业（任务中心测试）");
        browser.findElement(By.id("review-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "已申请复核"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("review-requests"), "本区研发投入数据漏报一家企业"));
        tasklist.shot("evaluation-review-request");
        assertThat(browser.findElement(By.id("review-requests")).getText()).contains("东湖区").contains("待处理");

        // the window ends, gxj keeps the ranking, the awards are decided: an awarded locality sees its own case with its status
        java.sql.Timestamp reviewDue = jdbc.queryForObject("SELECT review_due FROM evaluation_round WHERE id = ?", java.sql.Timestamp.class, id);
        ClockUtil.setCurrentTime(Date.from(reviewDue.toInstant().plusSeconds(1)));
        try {
            managementService.executeJob(managementService.createJobQuery().processInstanceId(roundInstance(id)).activityId("Timer_ReviewWindow")
                    .singleResult().getId());
        } finally {
            ClockUtil.reset();
        }
        completeAs(CHECKER, roundTask(id, "Task_HandleReviewRequests"), Map.of("outcome", "keep", "reason", "经市统计局核实，维持原数据"));
        JsonNode all = HttpApi.as(port, PREPARER, DemoAccounts.PASSWORD).getJson("/api/evaluations/" + id + "/process").get("awardCases");
        assertThat(all).as("award cases").isNotEmpty();
        String awarded = all.get(all.size() - 1).get("unit").asText();
        JsonNode own = HttpApi.as(port, awarded + "-verifier", DemoAccounts.PASSWORD).getJson("/api/evaluations/" + id + "/process").get("awardCases");
        assertThat(own).as(awarded + " sees its own award case only").hasSize(1);
        assertThat(own.get(0).get("statusZh").asText()).isNotBlank();
        signInToPage(awarded + "-verifier", "/evaluations.html#" + id);
        WebElement award = tasklist.visible(By.cssSelector("#process-awards tbody tr"));
        assertThat(award.getText()).contains(own.get(0).get("caseNumber").asText()).contains("¥").contains(own.get(0).get("statusZh").asText());
        tasklist.shot("evaluation-award-cases");
        assertThat(browser.findElement(By.id("review-form")).isDisplayed()).as("no 申请复核 after the window").isFalse();
        signInToPage("donghu-verifier", "/evaluations.html#" + id);
        assertThat(browser.findElement(By.id("review-requests")).getText()).contains("维持排名").contains("经市统计局核实，维持原数据");
    }

    private String roundInstance(long id) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("EVAL-" + id).processDefinitionKey("evaluation-round")
                .singleResult().getId();
    }

    private void signInToPage(String user, String next) {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/login.html?next=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8));
        tasklist.visible(By.id("login-user"));
        // the form posts through login.js (at the end of the page): clicked before it ran, the browser would send the form itself
        wait.until(d -> Boolean.TRUE.equals(browser.executeScript("return document.getElementById('login').onsubmit !== null")));
        browser.findElement(By.id("login-user")).sendKeys(user);
        browser.findElement(By.id("login-password")).sendKeys(DemoAccounts.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.urlContains("/evaluations.html"));
        wait.until(d -> Boolean.TRUE.equals(browser.executeScript("return document.querySelector('#round[data-loading]') === null")));
    }

    // ---- the round, through the API and the engine -------------------------------------------------------

    /** A measure-6 round at "拟定奖励方案": opened, no veto, figures imported, confirmed by silence, scored. */
    private long roundAtProposal() {
        HttpApi gxj = HttpApi.as(port, PREPARER, DemoAccounts.PASSWORD);
        long id = expect(201, gxj.post("/api/evaluations", toJson(Map.of("measure", "M6", "name", "2024年工业发展综合评价（任务中心测试）",
                "periodFrom", "2024-01-01", "periodTo", "2024-12-31")))).get("id").asLong();
        completeAs(PREPARER, roundTask(id, "Task_SafetyVetoCheck"), Map.of("outcome", "none"));
        byte[] template = HttpApi.as(port, "tjj-stats", DemoAccounts.PASSWORD).getBytes("/api/evaluations/" + id + "/figures/template.xlsx").body();
        HttpResponse<String> imported = upload("/api/evaluations/" + id + "/figures/import", "统计数据.xlsx",
                EvaluationPageBrowserTest.fill(template, EvaluationPageBrowserTest::plausible));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        for (String unit : EvaluationPageBrowserTest.LOCALITIES) {
            expect(200, gxj.post("/api/evaluations/" + id + "/figures/by-lead-bureau", toJson(Map.of("unit", unit, "indicator", "CHAIN_1269",
                    "value", 80 + EvaluationPageBrowserTest.LOCALITIES.indexOf(unit)))));
        }
        completeAs(PREPARER, roundTask(id, "Task_CloseDataEntry"), Map.of());
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
        String roundInstance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("EVAL-" + id)
                .processDefinitionKey("evaluation-round").singleResult().getId();
        Job score = managementService.createJobQuery().processInstanceId(roundInstance).activityId("Task_Score").singleResult();
        assertThat(score).as("round " + id + " waits for scoring").isNotNull();
        managementService.executeJob(score.getId());
        return id;
    }

    private void completeAs(String user, Task task, Map<String, Object> variables) {
        TestUsers.complete(identityService, taskService, user, task.getId(), variables);
    }

    private Task roundTask(long id, String step) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey("EVAL-" + id).taskDefinitionKey(step).singleResult();
        assertThat(task).as("round " + id + " at " + step + "; open: "
                + taskService.createTaskQuery().processInstanceBusinessKey("EVAL-" + id).list().stream().map(Task::getTaskDefinitionKey).toList())
                .isNotNull();
        return task;
    }

    private boolean finished(Task task) {
        return historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).finished().count() == 1;
    }

    private HttpResponse<String> upload(String path, String fileName, byte[] file) {
        String boundary = "----huiqi" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "application/json")
                .header("X-Requested-With", "huiqi")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("tjj-stats:" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    // ---- Tasklist ----------------------------------------------------------------------------------------

    private void signIn(String user) {
        browser.manage().deleteAllCookies();
        tasklist.signIn(user, DemoAccounts.PASSWORD);
    }

    private void openAndClaim(Task task) {
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task.getId());
        tasklist.claim();
        tasklist.visible(By.cssSelector(".fjs-container"));
    }

    private void complete() {
        WebElement button = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']")));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
    }
}
