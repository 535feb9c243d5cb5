package cn.huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * scripts/test.sh): policy staff sign in with the page's login form, open order-reward, change one cell in
 * camunda-dmn-js's decision-table editor, run the what-if, write the change note, publish, and see the new
 * version listed. Skipped (not failed) on a machine without Chromium.
 */
@RulesWebTest
class RulesPageBrowserTest {


    @LocalServerPort
    int port;

    private ChromeDriver browser;
    private HeadlessChromium chromium;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        chromium = HeadlessChromium.open(1600, 1200);
        browser = chromium.browser();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
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

        browser.get("http://localhost:" + port + "/rules.html");
        visible(By.id("login-user")).sendKeys("policy-staff");
        browser.findElement(By.id("login-password")).sendKeys("demo");
        browser.findElement(By.id("login-submit")).click();

        visible(By.cssSelector("#decisions a[data-key='order-reward']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-title"), "order-reward"));
        assertThat(browser.findElement(By.id("detail-title")).getText()).contains("现行第 " + inForce + " 版");
        visible(By.id("edit")).click();
        visible(By.cssSelector("#dmn-editor[data-ready='true']"));

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
