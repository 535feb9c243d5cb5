package cn.huiqi.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.Connection;
import org.openqa.selenium.devtools.SeleniumCdpConnection;
import org.openqa.selenium.logging.LogType;
import org.springframework.util.FileSystemUtils;

/**
 * The launched Chromiums of the test JVM, kept per window size: a launch (Chromium, chromedriver, a profile) costs
 * seconds, a fresh browser context a fraction of one. Each test gets a browser in a browser context of its own
 * (CDP {@code Target.createBrowserContext}, what an incognito window is): no cookie, storage of any kind, cache or
 * service worker of any origin an earlier test visited (the app's ports, Keycloak's) and a tab of its own (no
 * sessionStorage, no CDP override such as an Accept-Language of an earlier test); the browser log is emptied and the
 * window has its launch size again. A browser given back is reset at once (nothing of the test keeps running in it);
 * one that no longer answers is quit and replaced. Every browser is quit when the JVM ends.
 */
final class ChromiumPool {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration CDP_TIMEOUT = Duration.ofSeconds(30);

    private static final Map<Dimension, Deque<ChromiumPool>> IDLE = new HashMap<>();
    private static final List<ChromiumPool> LAUNCHED = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChromiumPool::quitAll, "quit-chromium"));
    }

    private final ChromeDriver browser;
    /** The browser-wide DevTools session: browser contexts are made and dropped there only, not in a tab's session. */
    private final Connection devTools;
    private final Path profile;
    private final Dimension size;
    private final Dimension launchWindow;
    private String context;

    private ChromiumPool(ChromeDriver browser, Path profile, Dimension size) {
        this.browser = browser;
        this.profile = profile;
        this.size = size;
        this.devTools = SeleniumCdpConnection.create(browser)
                .orElseThrow(() -> new IllegalStateException("chromedriver gave no DevTools address"));
        this.launchWindow = browser.manage().window().getSize();
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    }

    /** A browser of this window size in a fresh browser context, for one test; {@link #giveBack()} when done. */
    static synchronized ChromiumPool take(int width, int height) {
        Deque<ChromiumPool> idle = IDLE.computeIfAbsent(new Dimension(width, height), size -> new ArrayDeque<>());
        while (!idle.isEmpty()) {
            ChromiumPool chromium = idle.pop();
            if (chromium.answers()) {
                return chromium;
            }
            chromium.quit();
        }
        ChromiumPool chromium = launch(width, height);
        chromium.freshContext();
        return chromium;
    }

    ChromeDriver browser() {
        return browser;
    }

    /** Resets the browser for the next test and keeps it; one that cannot be reset is quit. */
    void giveBack() {
        try {
            freshContext();
        } catch (RuntimeException e) {
            quit();
            return;
        }
        synchronized (ChromiumPool.class) {
            IDLE.get(size).push(this);
        }
    }

    /**
     * A new browser context with one blank tab, the driver switched to it; every other tab closed and the previous
     * context dropped (with all it stored), the window at its launch size, the browser log read away.
     */
    private void freshContext() {
        String fresh = (String) cdp("Target.createBrowserContext", Map.of()).get("browserContextId");
        String tab = (String) cdp("Target.createTarget", Map.of("url", "about:blank", "browserContextId", fresh)).get("targetId");
        browser.switchTo().window(tab);
        for (String other : browser.getWindowHandles()) {
            if (!other.equals(tab)) {
                cdp("Target.closeTarget", Map.of("targetId", other)); // chromedriver's handles are target ids
            }
        }
        if (context != null) {
            cdp("Target.disposeBrowserContext", Map.of("browserContextId", context));
        }
        context = fresh;
        if (!browser.manage().window().getSize().equals(launchWindow)) {
            browser.manage().window().setSize(launchWindow);
        }
        browser.manage().logs().get(LogType.BROWSER);
    }

    private boolean answers() {
        try {
            return browser.getWindowHandles().size() == 1;
        } catch (WebDriverException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> cdp(String method, Map<String, Object> params) {
        return devTools.sendAndWait(null, new Command<Map<String, Object>>(method, params, input -> input.read(Map.class)),
                CDP_TIMEOUT);
    }

    /**
     * Debian's Chromium in Chinese with a profile of its own; below 600 px wide it emulates a phone. The flags keep
     * Chromium off the network it cannot reach here.
     */
    private static ChromiumPool launch(int width, int height) {
        Path profile;
        try {
            profile = Files.createTempDirectory("huiqi-chromium");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
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
        ChromeDriver browser = new ChromeDriver(service, options);
        ChromiumPool chromium;
        try {
            chromium = new ChromiumPool(browser, profile, new Dimension(width, height));
        } catch (RuntimeException e) {
            browser.quit();
            throw e;
        }
        synchronized (ChromiumPool.class) {
            LAUNCHED.add(chromium);
        }
        return chromium;
    }

    private void quit() {
        synchronized (ChromiumPool.class) {
            LAUNCHED.remove(this);
        }
        try {
            devTools.close();
        } catch (RuntimeException ignored) {
            // the browser may be gone already
        }
        try {
            browser.quit();
        } catch (RuntimeException ignored) {
            // likewise
        }
        try {
            FileSystemUtils.deleteRecursively(profile);
        } catch (IOException ignored) {
            // a temporary directory
        }
    }

    private static void quitAll() {
        List<ChromiumPool> all;
        synchronized (ChromiumPool.class) {
            all = List.copyOf(LAUNCHED);
        }
        all.forEach(ChromiumPool::quit);
    }
}
