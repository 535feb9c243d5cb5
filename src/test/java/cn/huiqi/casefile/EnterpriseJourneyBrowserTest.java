package cn.huiqi.casefile;

import static cn.huiqi.testsupport.HttpApi.expect;
import static cn.huiqi.testsupport.HttpApi.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
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
 * Issue 14 "Must show": an enterprise's whole measure-1 case in headless Chromium at 1280 and 390 px. It signs in,
 * applies from the portal with two orders and a contract for each, reads its receipt; the locality sends the case back;
 * the enterprise finds the supplement waiting on the portal, adds an invoice and submits; the locality sees the invoice
 * marked as added after the send-back; the case is reviewed, settled, noticed and paid over REST as the units do it;
 * the enterprise reads "已拨付" and the amount in words on its case page. With {@code -Dhuiqi.screenshots=true} each page
 * is saved as docs/screens/journey-&lt;step&gt;-&lt;width&gt;.png. Its own H2 (ent-hongdu applies for measure 1 once here;
 * the 390 px run is a fresh Donghu enterprise). Skipped on a machine without Chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:journey;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE",
        "camunda.bpm.job-execution.enabled=false"})
class EnterpriseJourneyBrowserTest {

    private static final String VERIFIER = "donghu-verifier";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private HeadlessChromium chromium;
    private PortalPage portal;
    private Path files;
    @RegisterExtension
    final ScreenshotOnFailure failures = new ScreenshotOnFailure("journey", () -> chromium);

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 390})
    void appliesWithFilesIsSentBackSupplementsAndIsPaid(int width) throws IOException {
        String user = width == 1280 ? "ent-hongdu" : named(TestEnterprises.freshUser(context, "donghu", DemoAccounts.PASSWORD));
        HttpApi enterprise = HttpApi.as(port, user, DemoAccounts.PASSWORD);
        files = Files.createTempDirectory("huiqi-journey");
        chromium = HeadlessChromium.open(width, 900);
        portal = new PortalPage(chromium, port);

        // 1. signs in, lands on the portal, applies for measure 1 with two orders and a contract for each
        portal.signIn(user, "/");
        WebElement apply = portal.visible(By.cssSelector("#open-M1 a.button"));
        assertThat(apply.getText()).contains("申请");
        assertThat(portal.browser.findElement(By.tagName("header")).getText()).as("a name, not the login").doesNotContain(user);
        page(width, "/", "portal");
        portal.click(apply);
        portal.wait.until(ExpectedConditions.urlContains("/apply.html?measure=M1"));
        portal.field("签约对方", 0).sendKeys("上海浦江贸易有限公司");
        portal.field("合同编号", 0).sendKeys("HT-" + UUID.randomUUID().toString().substring(0, 8));
        portal.field("签订日期", 0).sendKeys("2023-08-15");
        portal.field("订单金额", 0).sendKeys("120,000,000");
        portal.field("落地实施证明", 0).sendKeys("出库单 CK-2023-0815");
        portal.click(By.cssSelector("button.fjs-repeat-render-add"));
        portal.field("签约对方", 1).sendKeys("江西赣江机电有限公司");
        portal.field("合同编号", 1).sendKeys("HT-" + UUID.randomUUID().toString().substring(0, 8));
        portal.field("签订日期", 1).sendKeys("2023-09-01");
        portal.field("订单金额", 1).sendKeys("30,000,000");
        portal.field("落地实施证明", 1).sendKeys("验收单 YS-0901");
        uploadDraft("CONTRACT", 1, pdf("购销合同-1.pdf"));
        uploadDraft("CONTRACT", 2, pdf("购销合同-2.pdf"));
        assertThat(portal.browser.findElements(By.cssSelector("#evidence-slot .evidence-files li"))).hasSize(2);
        page(width, "/apply.html", "apply");
        portal.click(By.id("submit"));

        portal.wait.until(ExpectedConditions.urlContains("/receipt.html?case="));
        String caseNumber = portal.visible(By.id("case-number")).getText();
        assertThat(caseNumber).startsWith("M1-");
        assertThat(portal.text("next-step")).contains("属地核实").contains("东湖区");
        assertThat(portal.text("due")).matches("\\d{4}年\\d{1,2}月\\d{1,2}日前办结（5个工作日）");
        page(width, "/receipt.html", "receipt");
        assertThat(expect(200, enterprise.get("/api/cases/" + caseNumber + "/evidence")).get("files")).hasSize(2);

        // 2. the locality sends it back (退回补正), as Tasklist completes its form
        HttpApi verifier = HttpApi.as(port, VERIFIER, DemoAccounts.PASSWORD);
        expect(204, verifier.post("/engine-rest/task/" + task(verifier, caseNumber, "Task_LocalityVerification") + "/complete",
                toJson(Map.of("variables", Map.of("decision", Map.of("value", "sendBack", "type", "String"),
                        "comment", Map.of("value", "请补充第1笔订单的增值税发票", "type", "String"))))));

        // 3. the portal shows it waiting; the enterprise adds an invoice and submits the supplement
        portal.browser.get(portal.url("/"));
        WebElement waiting = portal.visible(By.xpath("//section[@id='waiting']//li[contains(., '" + caseNumber + "')]"));
        assertThat(waiting.getText()).contains("补正材料");
        portal.browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", waiting);
        page(width, "/ (waiting)", "portal-waiting");
        portal.click(waiting.findElement(By.cssSelector("a.button")));
        portal.wait.until(ExpectedConditions.urlContains("/supplement.html?task="));
        assertThat(portal.field("审核意见（原文）", 0).getDomProperty("value")).isEqualTo("请补充第1笔订单的增值税发票");
        WebElement upload = portal.visible(By.cssSelector("#evidence-slot form.evidence-upload"));
        new Select(upload.findElement(By.name("kind"))).selectByValue("INVOICE");
        new Select(upload.findElement(By.name("orderIndex"))).selectByValue("1");
        upload.findElement(By.name("file")).sendKeys(pdf("增值税发票-1.pdf").toString());
        portal.click(upload.findElement(By.cssSelector("button[type=submit]")));
        portal.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#evidence-slot .evidence-message"), "已上传"));
        assertThat(portal.visible(By.cssSelector("#evidence-slot li.added")).getText()).contains("增值税发票-1.pdf").contains("补正后新增");
        portal.field("补正说明", 0).sendKeys("已补充第1笔订单的增值税发票");
        page(width, "/supplement.html", "supplement");
        // leaves the note first, as a tap elsewhere does: at 1280 px a click straight from the note gives 提交补正 the
        // focus in headless Chromium but no click event (the page moves by 57 px meanwhile; cause not found)
        portal.browser.executeScript("document.activeElement.blur()");
        portal.click(By.id("submit"));
        portal.wait.until(driver -> !portal.text("message").isBlank());
        assertThat(portal.text("message")).contains("补正已提交");

        // 4. the reviewer's view: the invoice, and only it, marked as added since the send-back, in the list and the task form
        JsonNode evidence = expect(200, verifier.get("/api/cases/" + caseNumber + "/evidence"));
        assertThat(evidence.get("files")).hasSize(3);
        long invoice = -1;
        for (JsonNode file : evidence.get("files")) {
            boolean isInvoice = file.get("fileName").asText().equals("增值税发票-1.pdf");
            assertThat(file.get("addedAfterLatestSendBack").asBoolean()).as(file.get("fileName").asText()).isEqualTo(isInvoice);
            if (isInvoice) {
                invoice = file.get("id").asLong();
            }
        }
        String verification = task(verifier, caseNumber, "Task_LocalityVerification");
        String links = expect(200, verifier.get("/engine-rest/task/" + verification + "/form-variables"))
                .get("systemEvidence").get("value").asText();
        assertThat(links.lines().filter(line -> line.contains("补正后新增")).toList()).singleElement().asString()
                .contains("/api/evidence/" + invoice + ")");

        // 5. verified, reviewed by both city bureaus, settled, noticed, paid
        Map<String, Object> verified = new LinkedHashMap<>();
        verified.put("decision", Map.of("value", "approve", "type", "String"));
        verified.put("orderVerification", Map.of("value", "[{\"line\":1,\"result\":\"accept\"},{\"line\":2,\"result\":\"accept\"}]", "type", "Json"));
        expect(204, verifier.post("/engine-rest/task/" + verification + "/complete", toJson(Map.of("variables", verified))));
        for (String reviewer : List.of("gxj-reviewer", "swj-reviewer")) {
            HttpApi city = HttpApi.as(port, reviewer, DemoAccounts.PASSWORD);
            expect(204, city.post("/engine-rest/task/" + task(city, caseNumber, "Task_CityReview") + "/complete",
                    toJson(Map.of("variables", Map.of("decision", Map.of("value", "approve", "type", "String"))))));
        }
        HttpApi gxj = HttpApi.as(port, "gxj-reviewer", DemoAccounts.PASSWORD);
        JsonNode started = expect(202, gxj.post("/api/settlements", "{\"measure\":\"M1\"}"));
        String settlementProcess = started.get("processInstanceId").asText();
        runJobsOf(settlementProcess, false);
        assertThat(expect(200, enterprise.get("/api/cases/" + caseNumber)).get("status").asText()).isEqualTo("PUBLIC_NOTICE");
        runJobsOf(settlementProcess, true); // the notice period is over: the operator fires its timer (Cockpit / REST)
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        expect(200, HttpApi.as(port, "czj-finance", DemoAccounts.PASSWORD).post("/api/settlements/" + started.get("settlementId").asLong()
                + "/payments", toJson(Map.of("payments", List.of(Map.of("caseNumber", caseNumber, "paymentReference",
                "CZ-" + width, "paymentDate", today))))));

        portal.browser.get(portal.url("/case.html?n=" + caseNumber));
        portal.wait.until(ExpectedConditions.attributeToBe(By.id("case"), "data-ready", "true"));
        assertThat(portal.text("status-sentence")).isEqualTo("当前：已拨付 10万元，案件已办结。");
        assertThat(portal.text("facts")).contains("¥100,000.00");
        String shown = portal.text("case");
        for (String raw : List.of("PAID", "DISBURSEMENT", "TIER_", "donghu", "gxj-", "swj-", "czj-", VERIFIER, "Task_", "null", "undefined")) {
            assertThat(shown).as("no raw code on case.html").doesNotContain(raw);
        }
        assertThat(shown).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}");
        page(width, "/case.html", "case-paid");
    }

    /** A fresh user is named by its login; the header (and the screenshot) shows a person's name instead. */
    private String named(String userId) {
        IdentityService identity = context.getBean(IdentityService.class);
        User user = identity.createUserQuery().userId(userId).singleResult();
        user.setFirstName("陈静");
        user.setLastName("东湖企业");
        identity.saveUser(user);
        return userId;
    }

    /** Picks the kind and the order in the page's evidence widget, chooses the file and uploads it. */
    private void uploadDraft(String kind, int order, Path file) {
        WebElement slot = portal.visible(By.cssSelector("#evidence-slot .evidence-upload"));
        int before = portal.browser.findElements(By.cssSelector("#evidence-slot .evidence-files li")).size();
        new Select(slot.findElement(By.name("kind"))).selectByValue(kind);
        new Select(slot.findElement(By.name("orderIndex"))).selectByValue(String.valueOf(order));
        slot.findElement(By.name("file")).sendKeys(file.toString());
        portal.click(slot.findElement(By.tagName("button")));
        portal.wait.until(driver -> driver.findElements(By.cssSelector("#evidence-slot .evidence-files li")).size() == before + 1);
        assertThat(portal.text("evidence-slot")).contains(file.getFileName().toString());
    }

    /** A small real PDF (one empty page), named so. */
    private Path pdf(String name) throws IOException {
        String body = "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n"
                + "3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n";
        return Files.write(files.resolve(name), body.getBytes(StandardCharsets.US_ASCII));
    }

    /** The one task of this step of the case the user sees. */
    private static String task(HttpApi user, String caseNumber, String step) {
        JsonNode tasks = expect(200, user.get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber + "&taskDefinitionKey=" + step));
        assertThat(tasks).as(step + " of " + caseNumber).hasSize(1);
        return tasks.get(0).get("id").asText();
    }

    /** The operator runs the settlement's due jobs from Cockpit / REST (with its timers: the notice period ends). */
    private void runJobsOf(String processInstanceId, boolean timers) {
        HttpApi admin = HttpApi.as(port, "admin", DemoAccounts.PASSWORD);
        if (timers) {
            for (JsonNode timer : expect(200, admin.get("/engine-rest/job?timers=true&processInstanceId=" + processInstanceId))) {
                expect(204, admin.post("/engine-rest/job/" + timer.get("id").asText() + "/execute", ""));
            }
        }
        for (int round = 0; round < 100; round++) {
            JsonNode due = expect(200, admin.get("/engine-rest/job?executable=true&processInstanceId=" + processInstanceId));
            if (due.isEmpty()) {
                return;
            }
            for (JsonNode job : due) {
                expect(204, admin.post("/engine-rest/job/" + job.get("id").asText() + "/execute", ""));
            }
        }
        throw new AssertionError("the jobs of " + processInstanceId + " never end");
    }

    /** The page fits the width and keeps the CSP; saved to docs/screens when asked to. */
    private void page(int width, String name, String step) {
        chromium.assertFitsAndKeepsThePolicy(width, name);
        if (HeadlessChromium.SCREENSHOTS) {
            portal.screenshot(Path.of("docs", "screens", "journey-" + step + "-" + width + ".png"));
        }
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        if (files != null) {
            org.springframework.util.FileSystemUtils.deleteRecursively(files);
        }
    }
}
