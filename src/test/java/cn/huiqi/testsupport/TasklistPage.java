package cn.huiqi.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the Tasklist browser tests do alike: sign in on Tasklist's own form (the quick start), wait for an element and
 * keep a screenshot and the page's source under {@code target/<name>-failure.*} when it never shows, and pick an
 * item of a form-js select.
 */
public final class TasklistPage {

    private final ChromeDriver browser;
    private final WebDriverWait wait;
    private final int port;
    private final String name;

    /** {@code name}: the prefix of the screenshots and of the failure files under {@code target/}. */
    public TasklistPage(ChromeDriver browser, WebDriverWait wait, int port, String name) {
        this.browser = browser;
        this.wait = wait;
        this.port = port;
        this.name = name;
    }

    /**
     * Opens Tasklist and signs in on its form; returns once the form is gone. On a loaded machine the form can show
     * before Tasklist has bound it, and the first submit is lost (a CI run waited 90 s on the form with no message):
     * when the form is still there after {@value #SIGN_IN_SECONDS} seconds with no message on the page, the
     * credentials are typed and sent once more, as a person would. A message (a refused sign-in) fails with its text.
     */
    public void signIn(String user, String password) {
        By username = By.cssSelector("input[ng-model='username']");
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        visible(username);
        submitSignIn(user, password);
        try {
            new WebDriverWait(browser, Duration.ofSeconds(SIGN_IN_SECONDS), HeadlessChromium.POLLING)
                    .until(ExpectedConditions.invisibilityOfElementLocated(username));
            return;
        } catch (TimeoutException notYet) {
            List<WebElement> messages = browser.findElements(By.cssSelector(".page-notifications .alert, .notifications .alert"));
            if (!messages.isEmpty()) {
                keepPage();
                throw new AssertionError("Tasklist refused the sign-in: " + messages.get(0).getText(), notYet);
            }
            System.out.println("[" + name + "] Tasklist still shows its sign-in form " + SIGN_IN_SECONDS + " s after the submit: sending it once more");
            submitSignIn(user, password);
        }
        try {
            wait.until(ExpectedConditions.invisibilityOfElementLocated(username));
        } catch (RuntimeException e) {
            keepPage();
            throw e;
        }
    }

    private static final int SIGN_IN_SECONDS = 20;

    private void submitSignIn(String user, String password) {
        WebElement username = browser.findElement(By.cssSelector("input[ng-model='username']"));
        WebElement secret = browser.findElement(By.cssSelector("input[ng-model='password']"));
        username.clear();
        username.sendKeys(user);
        secret.clear();
        secret.sendKeys(password);
        browser.findElement(By.cssSelector("form button[type='submit']")).click();
    }

    /**
     * Loads a Tasklist address afresh (from a blank page, so nothing of the previous page's loading is cut off) and
     * returns the element once visible. Tasklist boots through requirejs with no time-out (waitSeconds 0): when one of
     * its bundles is lost on a loaded machine it keeps its boot spinner for ever, so a page still at the spinner after
     * {@value #BOOT_SECONDS} seconds is loaded once more, as a person would; the element must then show as before.
     */
    public WebElement open(String hashPath, By awaited) {
        browser.get("about:blank");
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/" + hashPath);
        try {
            return new WebDriverWait(browser, Duration.ofSeconds(BOOT_SECONDS), HeadlessChromium.POLLING)
                    .until(ExpectedConditions.visibilityOfElementLocated(awaited));
        } catch (TimeoutException stillBooting) {
            if (browser.findElements(By.cssSelector(".app-splash")).isEmpty()) {
                throw stillBooting;
            }
            System.out.println("[" + name + "] Tasklist still at its boot spinner after " + BOOT_SECONDS + " s: loading it once more");
            browser.navigate().refresh();
            return visible(awaited);
        }
    }

    private static final int BOOT_SECONDS = 45;

    /**
     * Claims the open task and returns once Tasklist shows it claimed (its 退回 / unclaim link). On a loaded machine
     * Tasklist may render the task's header once more right after the click, and a click on the header it replaces is
     * lost: when 认领 is still offered after {@value #CLAIM_SECONDS} seconds with no message on the page, it is clicked
     * once more, as a person would. A message (a refused claim) fails the test with its text.
     */
    public void claim() {
        By claim = By.xpath("//*[@ng-click='claim()']");
        By claimed = By.xpath("//*[@ng-click='unclaim()']");
        visible(claim).click();
        try {
            new WebDriverWait(browser, Duration.ofSeconds(CLAIM_SECONDS), HeadlessChromium.POLLING)
                    .until(ExpectedConditions.visibilityOfElementLocated(claimed));
            return;
        } catch (TimeoutException notYet) {
            List<WebElement> messages = browser.findElements(By.cssSelector(".page-notifications .alert"));
            if (!messages.isEmpty()) {
                throw new AssertionError("Tasklist refused the claim: " + messages.get(0).getText(), notYet);
            }
            List<WebElement> offered = browser.findElements(claim).stream().filter(WebElement::isDisplayed).toList();
            if (!offered.isEmpty()) {
                System.out.println("[" + name + "] Tasklist still offers 认领 " + CLAIM_SECONDS + " s after the click: clicking it once more");
                offered.get(0).click();
            }
        }
        visible(claimed);
    }

    private static final int CLAIM_SECONDS = 15;

    /** The element once visible; when it never shows, the page as it was is kept for the failure's reader. */
    public WebElement visible(By by) {
        try {
            return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
        } catch (RuntimeException e) {
            keepPage();
            throw e;
        }
    }

    /** The page as it is, as {@code target/<name>-failure.png} and {@code .html}, for the reader of a failure. */
    private void keepPage() {
        try {
            Files.write(Path.of("target", name + "-failure.png"), browser.getScreenshotAs(OutputType.BYTES));
            Files.writeString(Path.of("target", name + "-failure.html"), browser.getPageSource());
        } catch (IOException | RuntimeException ignored) {
            // the original failure matters
        }
    }

    /**
     * With -Dhuiqi.screenshots=true: a screenshot as {@code target/<file>.png}, for a look (a passing run takes none:
     * one costs 0.1 s at 1280 px, 0.3 s as a phone).
     */
    public void shot(String file) throws IOException {
        if (HeadlessChromium.SCREENSHOTS) {
            Files.write(Path.of("target", file + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        }
    }

    /**
     * Picks the item of a form-js select: it opens its list, and takes an item, on mousedown (Tasklist may
     * re-render meanwhile); done when the select shows the item.
     */
    public void choose(By select, String item) {
        By option = By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][contains(., '" + item + "')]");
        String mouseDown = "arguments[0].scrollIntoView({block: 'center'});"
                + "arguments[0].dispatchEvent(new MouseEvent('mousedown', {bubbles: true, cancelable: true}));";
        long[] lastMouseDown = {System.nanoTime() - HeadlessChromium.GESTURE_PAUSE.toNanos()};
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement field = d.findElement(select);
            if (field.getText().contains(item)) {
                return true;
            }
            if (System.nanoTime() - lastMouseDown[0] < HeadlessChromium.GESTURE_PAUSE.toNanos()) {
                return false;
            }
            List<WebElement> options = d.findElements(option);
            if (!options.isEmpty()) {
                browser.executeScript(mouseDown, options.get(0));
                lastMouseDown[0] = System.nanoTime();
            } else if (d.findElements(By.cssSelector(".fjs-dropdownlist")).isEmpty()) {
                browser.executeScript(mouseDown, field); // open the list only when it is closed
                lastMouseDown[0] = System.nanoTime();
            }
            return false;
        });
    }
}
