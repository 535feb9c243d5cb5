package cn.huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.HeadlessChromium;

/**
 * The rules page in headless Chromium (Debian chromium + chromium-driver at /usr/bin, installed by
 * scripts/test.sh), at 1280 and 390 px: an anonymous visitor is sent to the shared sign-in page and comes back;
 * every rule is also a plain-Chinese sentence; a version with labelled default rates is confirmed with a note;
 * policy staff change one cell in camunda-dmn-js's decision-table editor (its labels in Chinese), run the
 * what-if, write the change note, publish, and see the new version listed. Skipped (not failed) without Chromium.
 */
@RulesWebTest
class RulesPageBrowserTest {


    @LocalServerPort
    int port;

    private ChromeDriver browser;
    private HeadlessChromium chromium;
    private WebDriverWait wait;

    /** Labels camunda-dmn-js renders in English unless translated (frontend/src/dmn-translations.js). */
    private static final List<String> ENGLISH_EDITOR_LABELS = List.of("Hit policy", "Hit policy:", "View DRD", "Add rule",
            "Input", "Output", "Annotation", "Annotations", "When", "And", "Then", "Unique", "First", "Priority", "Any",
            "Collect", "Rule order", "Output order", "Edit", "Add input", "Add output");

    private void openBrowser(int width) {
        chromium = HeadlessChromium.open(width, 1000);
        browser = chromium.browser();
        wait = chromium.waitUpTo(Duration.ofSeconds(30));
    }

    private void signIn(String next) {
        browser.get("http://localhost:" + port + next);
        wait.until(ExpectedConditions.urlContains("/login.html?next="));
        visible(By.id("login-user")).sendKeys("policy-staff");
        browser.findElement(By.id("login-password")).sendKeys("demo");
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.urlContains("/rules.html"));
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1280, 390})
    void anonymousSignsInOnTheSharedPageAndReadsEachRuleAsASentenceAndConfirmsTheDefaultRates(int width) {
        HttpApi staffApi = HttpApi.as(port, "policy-staff", "demo");
        int m3 = Drafts.detail(staffApi, "investment-reward").get("decision").get("current").get("version").asInt();
        boolean confirmedBefore = staffApi.getJson("/api/rules/investment-reward/versions/" + m3 + "/confirmation")
                .hasNonNull("confirmedBy");
        openBrowser(width);

        signIn("/rules.html");
        assertThat(browser.findElements(By.cssSelector("main #login-user"))).as("no own login form").isEmpty();
        visible(By.cssSelector("#decisions a[data-key='order-reward']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-title"), "order-reward"));
        assertThat(visible(By.cssSelector("#sentences li[data-rule-id='rule-tier-50m']")).getText())
                .endsWith("最大单笔订单金额5000万元以上（含）、1亿元以下（不含）：奖励5万元");
        assertThat(browser.findElement(By.id("confirmation")).isDisplayed()).as("order-reward has no default rates").isFalse();
        chromium.assertFitsAndKeepsThePolicy(width, "rules.html#order-reward");

        browser.findElement(By.cssSelector("#decisions a[data-key='investment-reward']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-title"), "investment-reward"));
        assertThat(visible(By.cssSelector("#sentences li[data-rule-id='rule-new-25m']")).getText())
                .startsWith("项目类型为新建项目，2023年7—9月生产设备投资额2500万元以上（含）、5000万元以下（不含）")
                .endsWith("（系统默认值，待确认）");
        visible(By.id("confirmation"));
        if (!confirmedBefore) {
            assertThat(browser.findElement(By.id("confirmation-state")).getText()).contains("系统默认值，待确认");
            visible(By.id("confirm-rates")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "请填写确认说明"));
            browser.findElement(By.id("confirm-note")).sendKeys("浏览器测试：按政策部门意见确认默认比例");
            browser.findElement(By.id("confirm-rates")).click();
        }
        wait.withMessage(() -> "the page said: " + browser.findElement(By.id("message")).getText() + " / "
                        + browser.findElement(By.id("confirmation-state")).getText())
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("confirmation-state"), "已确认（policy-staff"));
        assertThat(browser.findElement(By.id("confirm-form")).isDisplayed()).isFalse();
        chromium.assertFitsAndKeepsThePolicy(width, "rules.html#investment-reward");

        browser.findElement(By.cssSelector("#decisions a[data-key='responsible-units']")).click();
        assertThat(visible(By.cssSelector("#sentences li[data-rule-id='rule-m1']")).getText())
                .isEqualTo("措施1：市级审核单位为市工信局、市商务局；牵头单位为市工信局；资金拨付单位为市财政局");
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void policyStaffChangeACellRunTheWhatIfAndPublish() {
        HttpApi staffApi = HttpApi.as(port, "policy-staff", "demo");
        JsonNode before = Drafts.detail(staffApi, "order-reward");
        int inForce = before.get("decision").get("current").get("version").asInt();
        openBrowser(1280);
        signIn("/rules.html");

        visible(By.cssSelector("#decisions a[data-key='order-reward']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-title"), "order-reward"));
        assertThat(browser.findElement(By.id("detail-title")).getText()).contains("现行第 " + inForce + " 版");
        visible(By.id("edit")).click();
        visible(By.cssSelector("#dmn-editor[data-ready='true']"));
        visible(By.cssSelector("#dmn-editor .hit-policy"));
        String shown = (String) browser.executeScript("const e = document.getElementById('dmn-editor');"
                + "return e.innerText + '\\n' + [...e.querySelectorAll('[title]')].map(x => x.title).join('\\n');");
        List<String> lines = Arrays.stream(shown.split("\\n")).map(String::trim).toList();
        assertThat(lines).as("camunda-dmn-js labels in Chinese").doesNotContainAnyElementsOf(ENGLISH_EDITOR_LABELS);
        assertThat(shown).contains("命中策略").contains("唯一");

        // the 50m tier's reward cell of camunda-dmn-js's decision table
        WebElement cell = visible(By.cssSelector("#dmn-editor td[data-row-id='rule-tier-50m'][data-col-id='output-reward-amount']"));
        cell.click();
        WebElement editable = cell.findElement(By.cssSelector("[contenteditable='true']"));
        editable.click();
        editable.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        editable.sendKeys("55000");
        wait.until(d -> editable.getText().contains("55000"));

        browser.findElement(By.id("what-if")).click();
        WebElement counts = visible(By.id("whatif-counts"));
        assertThat(counts.getText()).contains("评估已认定案件");
        assertThat(browser.findElement(By.id("whatif-diff")).getText()).contains("rule-tier-50m").contains("50000 → 55000");
        assertThat(browser.findElement(By.id("whatif-pool")).getText()).contains("5,000,000.00");

        WebElement publish = visible(By.id("publish"));
        // the quick start's demo round of measure 1 is open: the publisher chooses whom the version applies to
        assertThat(publish.isEnabled()).isFalse();
        assertThat(visible(By.id("scope-legend")).getText()).contains("正在申报中");
        browser.findElement(By.id("scope-this")).click();
        assertThat(publish.isEnabled()).isTrue();
        browser.findElement(By.id("note")).sendKeys("浏览器测试：5000万档奖励调整为5.5万元");
        publish.click();

        int published = inForce + 1;
        wait.until(ExpectedConditions.attributeToBe(By.id("message"), "data-published", String.valueOf(published)));
        visible(By.cssSelector("#versions tr[data-version='" + published + "'].current"));
        assertThat(browser.findElement(By.cssSelector("#versions tr[data-version='" + published + "']")).getText())
                .contains("policy-staff").contains("5.5万元").contains("50000 → 55000");
        assertThat(browser.findElement(By.cssSelector("#decisions tr[data-key='order-reward'] td.version")).getText())
                .isEqualTo("v" + published);
        assertThat(browser.findElement(By.cssSelector("#readonly td[data-col-id='output-reward-amount']")).isDisplayed()).isTrue();

        // English is available
        browser.findElement(By.id("lang")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-title"), "version in force: v" + published));

        // leave the policy figure in force for the other tests of this context
        String xml = Drafts.detail(staffApi, "order-reward").get("xml").asText();
        Drafts.publish(staffApi, "order-reward", Drafts.withCell(xml, "rule-tier-50m-reward", "50000"), "恢复5万元");
    }

    private WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }
}
