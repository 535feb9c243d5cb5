package cn.huiqi.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless Chromium driven through chromium-driver (both at /usr/bin; scripts/test.sh installs them),
 * in Chinese, with a fresh profile that {@link #close()} deletes. Below 600 px wide it emulates a phone.
 * The flags keep Chromium off the network it cannot reach here.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver browser;
    private final Path profile;

    private HeadlessChromium(ChromeDriver browser, Path profile) {
        this.browser = browser;
        this.profile = profile;
    }

    /** Skips the test (not fails it) on a machine without Chromium. */
    public static HeadlessChromium open(int width, int height) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Chromium not installed (scripts/test.sh installs chromium and chromium-driver)");
        Path profile;
        try {
            profile = Files.createTempDirectory("huiqi-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=zh-CN", "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
        if (width < 600) {
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", width, "height", 844, "pixelRatio", 3.0), "userAgent",
                    "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120 Mobile Safari/537.36"));
        }
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        return new HeadlessChromium(new ChromeDriver(service, options), profile);
    }

    public ChromeDriver browser() {
        return browser;
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
        browser.quit();
        try {
            FileSystemUtils.deleteRecursively(profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
