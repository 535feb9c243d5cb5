package cn.huiqi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.huiqi.identity.IdentityIntegrationTest;
import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.PageSession;

/**
 * What a missing header or a Basic challenge would allow: framing a page (clickjacking), content sniffing,
 * a page without a script policy (XSS has free rein), a browser caching Basic credentials that it would
 * then send along with another site's form post, a session request without the CSRF token, a login forced
 * on the victim's browser (login CSRF). Each probe is one attempt.
 */
@IdentityIntegrationTest
class PageHardeningAttackTest {

    private static final List<String> PAGES = List.of("/", "/index.html", "/login.html", "/cases.html", "/projects.html",
            "/fund.html", "/settlements.html", "/evaluations.html", "/assistance-figures.html", "/financing-figures.html", "/rules.html", "/swagger-ui/index.html",
            "/guide.html", "/guide.html?m=M1", "/calculator.html");
    private static final List<String> APIS = List.of("/api/cases", "/api/units", "/engine-rest/task", "/engine-rest/engine");

    @LocalServerPort
    int port;

    @Test
    void noPageOrApiAnswerLacksItsSecurityHeaders() {
        PageSession browser = new PageSession(port);
        browser.signIn("audit-staff", "demo");
        for (String page : PAGES) {
            probe(browser.open(page), page);
        }
        for (String api : APIS) {
            probe(browser.fetch(api), api + " (session)");
            probe(HttpApi.anonymous(port).get(api), api + " (401)");
        }
    }

    @Test
    void noBrowserIsAskedForBasicCredentials() {
        for (String api : APIS) {
            for (HttpResponse<String> answer : List.of(new PageSession(port).fetch(api), new PageSession(port).open(api))) {
                boolean refused = answer.statusCode() == 401 && answer.headers().firstValue("WWW-Authenticate").isEmpty();
                AttackLedger.record("basic-challenge-to-browser", refused, api + " challenged a browser");
                assertThat(refused).as(api).isTrue();
            }
        }
    }

    @Test
    void sessionRequestsWithoutTheCsrfTokenAndForcedLoginsAreRefused() {
        PageSession victim = new PageSession(port);
        victim.signIn("audit-staff", "demo");
        for (String path : List.of("/api/settlements", "/api/enterprises", "/api/rules/order-reward/validate",
                "/engine-rest/process-definition/key/m1-order-reward/start", "/api/public/calculator")) {
            int status = victim.fetchPost(path, "{}", false).statusCode();
            AttackLedger.record("session-csrf", status == 403, "POST " + path + " with the session, no token: " + status);
            assertThat(status).as(path).isEqualTo(403);
        }
        PageSession forced = new PageSession(port);
        int status = forced.postForm("/login", "username=audit-staff&password=demo", false).statusCode();
        AttackLedger.record("login-csrf", status == 403, "POST /login without the token: " + status);
        assertThat(status).isEqualTo(403);
    }

    private static void probe(HttpResponse<String> answer, String what) {
        check(answer.headers().firstValue("Content-Security-Policy").filter(p -> p.contains("frame-ancestors 'none'")
                && (p.contains("script-src 'self'") || p.startsWith("default-src 'none'"))).isPresent(), what + ": CSP");
        check(answer.headers().firstValue("X-Content-Type-Options").filter("nosniff"::equals).isPresent(), what + ": nosniff");
        check(answer.headers().firstValue("X-Frame-Options").filter("DENY"::equals).isPresent(), what + ": X-Frame-Options");
        check(answer.headers().firstValue("Referrer-Policy").isPresent(), what + ": Referrer-Policy");
        check(answer.headers().firstValue("Permissions-Policy").isPresent(), what + ": Permissions-Policy");
    }

    private static void check(boolean present, String what) {
        AttackLedger.record("security-header-absence", present, what + " missing");
        assertThat(present).as(what).isTrue();
    }
}
