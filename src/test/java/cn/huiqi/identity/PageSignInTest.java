package cn.huiqi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.PageSession;

/**
 * The app's pages sign in on the sign-in page (a session with a CSRF token), never through the browser's
 * Basic dialog: browsers get no Basic challenge, plain API clients still do.
 */
@IdentityIntegrationTest
class PageSignInTest {

    @LocalServerPort
    int port;

    @Test
    void theSignInPageMakesASessionThatThePagesApiCallsUse() {
        PageSession browser = new PageSession(port);
        assertThat(browser.fetch("/api/me").statusCode()).isEqualTo(401);

        HttpResponse<String> signIn = browser.signIn("audit-staff", DemoAccounts.PASSWORD);

        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        assertThat(signIn.body()).contains("\"userId\":\"audit-staff\"");
        assertThat(signIn.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax"));
        HttpResponse<String> me = browser.fetch("/api/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("audit-staff").contains("auditor");
        assertThat(browser.open("/cases.html").statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordOnTheSignInPageIsToldInChineseAndEnglish() {
        HttpResponse<String> signIn = new PageSession(port).signIn("jrb-reviewer", "wrong");

        assertThat(signIn.statusCode()).isEqualTo(401);
        assertThat(signIn.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(signIn.body()).isEqualTo("{\"errors\":[{\"field\":null,\"zh\":\"账号或密码错误\",\"en\":\"Wrong account or password\"}]}");
    }

    @Test
    void aSignInWithoutTheCsrfTokenIsRefused() {
        PageSession browser = new PageSession(port);
        browser.open("/login.html");
        HttpResponse<String> signIn = browser.postForm("/login", "username=audit-staff&password=demo", false);

        assertThat(signIn.statusCode()).isEqualTo(403);
        assertThat(browser.fetch("/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void sessionRequestsThatChangeSomethingNeedTheCsrfTokenWhateverElseTheyCarry() {
        PageSession browser = new PageSession(port);
        browser.signIn("audit-staff", DemoAccounts.PASSWORD);

        assertThat(browser.fetchPost("/api/me", "{}", false).statusCode()).isEqualTo(403);
        // with the token the request passes the security chain (and /api/me takes no POST)
        assertThat(browser.fetchPost("/api/me", "{}", true).statusCode()).isEqualTo(405);
        assertThat(browser.fetch("/api/me").statusCode()).as("a refused POST does not end the session").isEqualTo(200);
    }

    @Test
    void signingOutEndsTheSession() {
        PageSession browser = new PageSession(port);
        browser.signIn("audit-staff", DemoAccounts.PASSWORD);
        browser.open("/cases.html"); // the page the sign-out button is on (signing in renewed the CSRF token)

        HttpResponse<String> signOut = browser.postForm("/logout", "", true);

        assertThat(signOut.statusCode()).isEqualTo(204);
        assertThat(browser.fetch("/api/me").statusCode()).isEqualTo(401);
        assertThat(browser.open("/rules.html").statusCode()).isEqualTo(302);
    }

    @Test
    void aPageWithDataSendsTheBrowserToSignInAndBack() {
        HttpResponse<String> page = new PageSession(port).open("/settlements.html?measure=M1");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/login.html?next=%2Fsettlements.html%3Fmeasure%3DM1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/login.html", "/huiqi.css", "/huiqi.js"})
    void theSignInPageAndItsPartsNeedNoSession(String path) {
        assertThat(new PageSession(port).open(path).statusCode()).isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentAndSwaggerUiAreOpenInTheQuickStart() {
        assertThat(HttpApi.anonymous(port).get("/v3/api-docs").statusCode()).isEqualTo(200);
        assertThat(new PageSession(port).open("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/cases", "/engine-rest/task", "/api/me"})
    void aBrowsersRequestGets401WithoutABasicChallenge(String path) {
        HttpResponse<String> fetch = new PageSession(port).fetch(path);
        HttpResponse<String> navigation = new PageSession(port).open(path);

        for (HttpResponse<String> response : java.util.List.of(fetch, navigation)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as("no Basic dialog, nothing cached").isEmpty();
            assertThat(response.body()).contains("需要登录");
        }
    }

    @Test
    void aPlainApiClientStillGetsTheBasicChallenge() {
        HttpResponse<String> curl = HttpApi.anonymous(port).get("/api/cases");

        assertThat(curl.statusCode()).isEqualTo(401);
        assertThat(curl.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"huiqi\"");
    }
}
