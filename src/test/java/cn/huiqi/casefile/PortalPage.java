package cn.huiqi.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.huiqi.identity.DemoAccounts;
import cn.huiqi.testsupport.HeadlessChromium;

/**
 * An enterprise's portal pages in headless Chromium, as the browser tests of this package drive them: sign in at
 * /login.html, the form-js fields found by their labels (and the echo under them), clicks that scroll first.
 */
final class PortalPage {

    /** What form-js says when it is not translated; none of it may reach an enterprise's page. */
    static final List<String> ENGLISH = List.of("Field is required", "Field must", "Value is", "must match", "Add new",
            "Please select", "Search", "mm/dd/yyyy");

    final HeadlessChromium chromium;
    final ChromeDriver browser;
    final WebDriverWait wait;
    private final int port;

    PortalPage(HeadlessChromium chromium, int port) {
        this.chromium = chromium;
        this.browser = chromium.browser();
        this.wait = chromium.waitUpTo(Duration.ofSeconds(30));
        this.port = port;
    }

    /** Signs in at /login.html?next=page and waits until the browser is there. */
    void signIn(String user, String page) {
        browser.get(url("/login.html?next=" + URLEncoder.encode(page, StandardCharsets.UTF_8)));
        visible(By.id("login-user")).sendKeys(user);
        browser.findElement(By.id("login-password")).sendKeys(DemoAccounts.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.urlToBe(url(page)));
    }

    /** The index-th input (or textarea) of the form field labelled so. */
    WebElement field(String label, int index) {
        By by = By.xpath("(" + fieldOf(label, index) + "//*[self::input or self::textarea])[1]");
        return wait.until(ExpectedConditions.presenceOfElementLocated(by));
    }

    String echoOf(String label, int index) {
        By by = By.xpath(fieldOf(label, index) + "//div[@class='hq-echo']");
        wait.until(driver -> !driver.findElement(by).getText().isBlank());
        return browser.findElement(by).getText();
    }

    /** The form field (the innermost fjs-form-field) of the index-th label saying so. */
    private static String fieldOf(String label, int index) {
        return "(//label[contains(., '" + label + "')])[" + (index + 1) + "]/ancestor::div[contains(concat(' ', @class, ' '), ' fjs-form-field ')][1]";
    }

    void click(By by) {
        click(visible(by));
    }

    void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    static void assertNoEnglish(String text) {
        for (String english : ENGLISH) {
            assertThat(text).as("form-js English on the page").doesNotContain(english);
        }
    }

    /** The whole page as a PNG at this path. */
    void screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
