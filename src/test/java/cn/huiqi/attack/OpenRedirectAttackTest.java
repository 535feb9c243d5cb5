package cn.huiqi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.huiqi.testsupport.HeadlessChromium;

/**
 * Issue 14 item 1: after signing in, the sign-in page goes on to {@code next} only when that is a path of this site
 * as the browser itself reads it; every other value lands on the home page. Tried in headless Chromium, both while
 * signing in with the form and with a session already (login.html then goes straight on), with the values an
 * attacker would put in a link: another site by scheme, protocol-relative, backslash, tab or newline inside,
 * percent-encoded, javascript: and data: URLs.
 */
class OpenRedirectAttackTest extends CaseAttackBase {

    private static final String FAMILY = "open-redirect";
    private static final List<String> ELSEWHERE = List.of("//evil.com", "https://evil.com", "/\\evil.com", "\\\\evil.com",
            "/\t/evil.com", "/\n/evil.com", "//evil.com/%2e%2e", "/%2F/evil.com", "///evil.com", "http:evil.com",
            "javascript:alert(document.domain)", "data:text/html,<script>alert(1)</script>", " //evil.com", "@evil.com",
            "/.//evil.com");

    @Test
    void theSignInPageGoesOnOnlyToAPathOfThisSite() {
        try (HeadlessChromium chromium = HeadlessChromium.open(1280, 900)) {
            ChromeDriver browser = chromium.browser();
            WebDriverWait wait = chromium.waitUpTo(Duration.ofSeconds(20));
            String home = "http://localhost:" + port + "/";

            // signing in with the form
            browser.get(home + "login.html?next=" + encode("//evil.com"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user"))).sendKeys(OTHER_ENTERPRISE);
            browser.findElement(By.id("login-password")).sendKeys(PASSWORD);
            browser.findElement(By.id("login-submit")).click();
            wait.until(d -> !d.getCurrentUrl().contains("login.html"));
            landedHere(browser, home, "form sign-in, next=//evil.com");

            // signed in already: login.html goes straight on
            for (String next : ELSEWHERE) {
                browser.get(home + "login.html?next=" + encode(next));
                wait.until(d -> !d.getCurrentUrl().contains("login.html"));
                landedHere(browser, home, "next=" + next.replace("\t", "\\t").replace("\n", "\\n"));
            }
            // a path of this site still works
            browser.get(home + "login.html?next=" + encode("/calendar.html?year=2024#top"));
            wait.until(ExpectedConditions.urlToBe(home + "calendar.html?year=2024#top"));
        }
    }

    private static void landedHere(ChromeDriver browser, String home, String what) {
        String url = browser.getCurrentUrl();
        boolean here = URI.create(url).getHost().equals("localhost") && url.startsWith(home);
        AttackLedger.record(FAMILY, here, what + " → " + url);
        assertThat(here).as(what + " → " + url).isTrue();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
