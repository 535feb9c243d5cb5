package cn.huiqi.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through chromium-driver (both at /usr/bin; scripts/test.sh installs them),
 * in Chinese, for one test: {@link #open} hands out a browser as if just launched (a browser context and a tab of its
 * own, an empty browser log), {@link #close()} gives it back. The Chromium itself is launched once per window size for
 * the test JVM ({@link ChromiumPool}). Below 600 px wide it emulates a phone.
 */
public final class HeadlessChromium implements AutoCloseable {

    /**
     * How often a wait looks again. Selenium's default, 500 ms, leaves a test idle for 250 ms a wait on average after
     * what it waits for has happened; one look costs a few ms.
     */
    public static final Duration POLLING = Duration.ofMillis(100);

    /**
     * A wait that repeats a gesture until it takes (a click, a mousedown) repeats it at most this often, as when waits
     * looked every 500 ms: a list still opening is not closed again, a page still on its way out is not sent elsewhere.
     */
    public static final Duration GESTURE_PAUSE = Duration.ofMillis(500);

    /** {@code -Dhuiqi.screenshots=true}: tests also keep the screenshots taken for a look (a failure's are always kept). */
    public static final boolean SCREENSHOTS = Boolean.getBoolean("huiqi.screenshots");

    private final ChromiumPool chromium;
    private final ChromeDriver browser;
    private boolean closed;

    private HeadlessChromium(ChromiumPool chromium) {
        this.chromium = chromium;
        this.browser = chromium.browser();
    }

    /** Skips the test (not fails it) on a machine without Chromium. */
    public static HeadlessChromium open(int width, int height) {
        Assumptions.assumeTrue(ChromiumPool.installed(),
                "Chromium not installed (scripts/test.sh installs chromium and chromium-driver)");
        return new HeadlessChromium(ChromiumPool.take(width, height));
    }

    public ChromeDriver browser() {
        return browser;
    }

    /** Asks for pages in Chinese (Accept-Language zh-CN), as an official's browser does: headless Chromium ignores --lang. */
    public void askForChinese() {
        browser.executeCdpCommand("Network.setUserAgentOverride", java.util.Map.of("userAgent",
                String.valueOf(browser.executeScript("return navigator.userAgent")), "acceptLanguage", "zh-CN,zh"));
    }

    /** A wait of at most {@code timeout} that looks every {@link #POLLING}. */
    public WebDriverWait waitUpTo(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout, POLLING);
        wait.ignoring(StaleElementReferenceException.class); // the page replaced what a look had found: look again
        return wait;
    }

    /**
     * Nothing on the page is wider than the window ({@code width}), and the browser logged no Content Security Policy
     * violation since the last look at its log.
     */
    public void assertFitsAndKeepsThePolicy(int width, String page) {
        assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth"))
                .as("nothing on " + page + " wider than the screen").isLessThanOrEqualTo(width);
        List<String> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Content-Security-Policy")
                        || message.contains("Refused to"))
                .toList();
        assertThat(problems).as("CSP violations on " + page).isEmpty();
    }

    /** With -Dhuiqi.screens=true: the page as a PNG in docs/screens/ ({@code name}-desktop or -phone, by {@code width}). */
    public void screen(String name, int width) {
        if (!Boolean.getBoolean("huiqi.screens")) {
            return;
        }
        try {
            Path target = Path.of("docs/screens", name + (width < 600 ? "-phone" : "-desktop") + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            chromium.giveBack();
        }
    }
}
