package cn.huiqi.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import cn.huiqi.testsupport.HeadlessChromium;
import cn.huiqi.testsupport.TestEnterprises;

/**
 * guide.html and calculator.html in headless Chromium, Chinese, at 1400 and 390 px, on MariaDB: an anonymous visitor
 * reads the list of guides and measure 1's guide (tiers read out of the table in force, labelled defaults), works out
 * figures on the calculator (rule by rule); a signed-in enterprise gets the calculator pre-filled and a button to apply.
 * With {@code -Dhuiqi.screens=true} the pages go to docs/screens/.
 */
class GuidePagesBrowserTest extends OnGuideDatabase {

    private static final String PASSWORD = "Guide-Pages-2023";

    @Autowired
    ApplicationContext context;
    @Autowired
    IdentityService identityService;

    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1400, 390})
    void anyoneReadsTheGuidesAndWorksOutFiguresAndAnEnterpriseGetsThemPrefilled(int width) {
        chromium = HeadlessChromium.open(width, 900);
        browser = chromium.browser();
        wait = chromium.waitUpTo(Duration.ofSeconds(30));

        browser.get(url("/guide.html"));
        wait.until(d -> d.findElements(By.cssSelector("#measures > li")).size() == 9);
        assertThat(browser.findElement(By.id("measures")).getText()).contains("措施1（第1条）支持工业企业拓展国内国际市场").contains("申报期");
        chromium.assertFitsAndKeepsThePolicy(width, "guide.html");
        chromium.screen("guide-list", width);

        browser.findElement(By.linkText("措施1（第1条）支持工业企业拓展国内国际市场")).click();
        visible(By.id("guide"));
        String m1 = browser.findElement(By.id("guide")).getText();
        assertThat(m1).contains("最大单笔订单金额5000万元以上（含）、1亿元以下（不含）：奖励5万元").contains("属地核实").contains("个工作日")
                .contains("市工信局").contains("材料清单为系统默认").contains("在线申请");
        chromium.assertFitsAndKeepsThePolicy(width, "guide.html?m=M1");
        chromium.screen("guide-m1", width);

        browser.get(url("/guide.html?m=M2"));
        visible(By.id("guide"));
        assertThat(browser.findElements(By.cssSelector("#rules li.default-rate"))).isNotEmpty()
                .allSatisfy(li -> assertThat(li.getText()).contains("系统默认值，待确认"));

        // the calculator, anonymously
        browser.get(url("/calculator.html"));
        WebElement amount = visible(By.cssSelector(".order-row .order-amount"));
        amount.sendKeys("50000000.00");
        browser.executeScript("document.querySelector('.order-row .order-date').value = '2023-08-01'");
        browser.findElement(By.id("taxableRevenue")).sendKeys("99999999.99");
        browser.findElement(By.id("priorYearRevenue")).sendKeys("80000000.00");
        browser.findElement(By.id("calculate")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-measure='M1']"), "可获奖励5万元"));
        String m1Answer = browser.findElement(By.cssSelector("[data-measure='M1']")).getText();
        assertThat(m1Answer).doesNotContain("order-reward").contains("依据演示批次（快速体验）适用的决策表第").contains("✔ 符合：").contains("不满足：最大单笔订单金额1亿元以上（含）、2亿元以下（不含）").contains("登录后申请");
        assertThat(browser.findElement(By.cssSelector("[data-measure='M2']")).getText()).contains("不符合奖励条件：2023年7—9月应税销售收入未达到1亿元")
                .contains("不满足：2023年7—9月应税销售收入1亿元以上（含）");
        assertThat(browser.findElement(By.cssSelector("[data-measure='M4']")).getText()).contains("本措施不向企业发放资金");
        assertThat(browser.findElement(By.id("total")).getText()).contains("合计 5万元");
        chromium.assertFitsAndKeepsThePolicy(width, "calculator.html");
        browser.executeScript("document.getElementById('results').scrollIntoView()");
        chromium.screen("calculator", width);

        // a signed-in enterprise: its name, and a button to apply
        String user = TestEnterprises.freshUser(context, "honggutan", PASSWORD);
        browser.get(url("/login.html?next=%2Fcalculator.html"));
        visible(By.id("login-user")).sendKeys(user);
        browser.findElement(By.id("login-password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("prefilled"), "测试企业"));
        browser.findElement(By.id("taxableRevenue")).sendKeys("600000000.00");
        browser.findElement(By.id("priorYearRevenue")).sendKeys("550000000.00");
        browser.findElement(By.id("calculate")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-measure='M2']"), "可获奖励90万元"));
        WebElement apply = browser.findElement(By.cssSelector("[data-measure='M2'] a.button"));
        assertThat(apply.getText()).contains("去申请");
        assertThat(apply.getAttribute("href")).endsWith("/apply.html?measure=M2");
        chromium.assertFitsAndKeepsThePolicy(width, "calculator.html signed in");
        browser.executeScript("document.querySelector(\"[data-measure='M2']\").scrollIntoView()");
        chromium.screen("calculator-enterprise", width);
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
