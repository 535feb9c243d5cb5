package cn.huiqi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.enterprise.EnterpriseRegister;
import cn.huiqi.enterprise.EnterpriseRepository;
import cn.huiqi.enterprise.EnterpriseUserRepository;

/**
 * Single sign-on through Keycloak's login page into Camunda's webapps and the app's own pages, and out again.
 */
@KeycloakIntegrationTest
class KeycloakWebappLoginTest {

    private static final String TASKLIST = "/camunda/app/tasklist/default/";
    private static final String WHO_AM_I = "/camunda/api/admin/auth/user/default";

    @LocalServerPort
    int port;
    @Autowired
    EnterpriseRegister enterpriseRegister;
    @Autowired
    EnterpriseRepository enterprises;
    @Autowired
    EnterpriseUserRepository enterpriseUsers;

    @BeforeEach
    void enterprises() {
        KeycloakTestRealm.registerDemoEnterprises(enterpriseRegister, enterprises);
    }

    @Test
    void tasklistSendsAnAnonymousBrowserToKeycloaksLoginPage() {
        HttpResponse<String> page = new KeycloakBrowser(port).open(TASKLIST);

        assertThat(KeycloakBrowser.isKeycloakLoginForm(page)).as(page.uri().toString()).isTrue();
        assertThat(page.uri().toString()).contains("client_id=" + KeycloakTestRealm.DEV_CLIENT).contains("code_challenge=");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "donghu-verifier | tasklist",
            "gxj-reviewer    | tasklist",
            "czj-finance     | tasklist",
            "ent-hongdu      | tasklist",
            "audit-staff     | cockpit",
            "policy-staff    | cockpit tasklist",
            "admin           | admin cockpit tasklist"})
    void theLoginEndsInATasklistSessionWithExactlyTheAppsOfTheUser(String user, String apps) {
        KeycloakBrowser browser = new KeycloakBrowser(port);

        String home = apps.contains("tasklist") ? TASKLIST : "/camunda/app/cockpit/default/";
        HttpResponse<String> landed = browser.login(home, user, KeycloakTestRealm.DEMO_PASSWORD);

        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(landed.uri().getPath()).isEqualTo(home);
        JsonNode me = KeycloakTestRealm.json(browser.xhr("GET", WHO_AM_I, null).body());
        assertThat(me.get("userId").asText()).isEqualTo(user);
        java.util.List<String> authorized = new java.util.ArrayList<>();
        me.get("authorizedApps").forEach(app -> authorized.add(app.asText()));
        authorized.remove("welcome");
        assertThat(authorized).containsExactlyInAnyOrder(apps.split(" "));
        // the session works for the webapp's own engine API
        assertThat(browser.xhr("GET", "/camunda/api/engine/engine/default/process-definition?maxResults=5", null).statusCode())
                .isEqualTo(200);
        if (!apps.contains("tasklist")) {
            // an app the user may not use is refused by Camunda's webapp
            assertThat(browser.open(TASKLIST).statusCode()).isEqualTo(403);
        }
    }

    /**
     * Two tabs (or a double click) send one browser session to Keycloak twice: signing in on the first tab's form still
     * lands in Tasklist, not on /login?error.
     */
    @Test
    void twoTripsToKeycloakInOneSessionBothComeBack() {
        KeycloakBrowser browser = new KeycloakBrowser(port);
        HttpResponse<String> firstTab = browser.open(TASKLIST);
        HttpResponse<String> secondTab = browser.open(TASKLIST);
        assertThat(KeycloakBrowser.isKeycloakLoginForm(firstTab)).as(firstTab.uri().toString()).isTrue();
        assertThat(KeycloakBrowser.isKeycloakLoginForm(secondTab)).as(secondTab.uri().toString()).isTrue();

        HttpResponse<String> landed = browser.submitLogin(firstTab, "gxj-reviewer", KeycloakTestRealm.DEMO_PASSWORD);

        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(landed.uri().getPath()).as("signed in from the first tab: " + landed.uri()).isEqualTo(TASKLIST);
        assertThat(KeycloakTestRealm.json(browser.xhr("GET", WHO_AM_I, null).body()).get("userId").asText())
                .isEqualTo("gxj-reviewer");
    }

    /**
     * A page that still loads its fonts when its session ends (Tasklist's arrive late): each font is refused too, but
     * the page the browser was sent to Keycloak from stays the one it comes back to, not the font file.
     */
    @Test
    void aFontRefusedOnTheWayToKeycloakDoesNotReplaceThePageToComeBackTo() {
        KeycloakBrowser browser = new KeycloakBrowser(port);
        HttpResponse<String> loginForm = browser.open(TASKLIST);
        String session = browser.cookie("JSESSIONID").orElseThrow();

        Map<String, String> fontRequest = Map.of("Accept", "*/*", "Sec-Fetch-Mode", "cors", "Sec-Fetch-Dest", "font");
        HttpResponse<String> font = browser.send("GET", "/camunda/assets/IBMPlexSans-Bold.woff?bust=7.24.0", null, fontRequest);
        assertThat(font.statusCode()).as("refused").isEqualTo(401);
        assertThat(browser.cookie("JSESSIONID")).contains(session);

        HttpResponse<String> landed = browser.submitLogin(loginForm, "gxj-reviewer", KeycloakTestRealm.DEMO_PASSWORD);
        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(landed.uri().getPath()).as(landed.uri().toString()).isEqualTo(TASKLIST);

        // one sent with a session that ended: refused without a session of its own (its cookie would replace the page's)
        HttpResponse<String> stray = new KeycloakBrowser(port).send("GET", "/camunda/assets/IBMPlexSans-Bold.woff?bust=7.24.0",
                null, fontRequest);
        assertThat(stray.statusCode()).as("refused").isEqualTo(401);
        assertThat(stray.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID="));
    }

    /**
     * What a page loads once its session ended (Angular's XHRs accept JSON, plain text or anything, which Spring
     * Security would take for a page): refused, not sent to Keycloak's login, and without a session of its own.
     * Followed to Keycloak, each opened a session whose cookie, arriving after the page's, sent the page's login back
     * into a session without its state (/login?error) or without the page to return to (/).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/camunda/app/tasklist/locales/zh.json          | application/json, text/plain, */* | cors    | empty",
            "/camunda/app/tasklist/scripts/signed-out.js    | */*                               | no-cors | script",
            "/camunda/assets/IBMPlexSans-Bold.woff          | */*                               | cors    | font",
            "/camunda/app/tasklist/default/                 | text/html                         | cors    | empty",
            "/cases.html                                    | text/html, */*                    | same-origin | empty"})
    void whatAPageLoadsAfterItsSessionEndedIsRefusedWithoutGoingToKeycloak(String path, String accept, String mode, String dest) {
        HttpResponse<String> loaded = new KeycloakBrowser(port).send("GET", path, null,
                Map.of("Accept", accept, "Sec-Fetch-Mode", mode, "Sec-Fetch-Dest", dest));

        assertThat(loaded.statusCode()).as("refused").isEqualTo(401);
        assertThat(loaded.headers().firstValue("Location")).as("not sent to Keycloak").isEmpty();
        assertThat(loaded.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID="));
        assertThat(KeycloakTestRealm.json(loaded.body()).at("/errors/0/zh").asText()).isNotBlank();
    }

    @Test
    void anEnterpriseUserIsBoundToItsEnterpriseAtLogin() {
        enterpriseUsers.findById("ent-jixiang").ifPresent(enterpriseUsers::delete);

        new KeycloakBrowser(port).login(TASKLIST, "ent-jixiang", KeycloakTestRealm.DEMO_PASSWORD);

        Long expected = enterprises.findByUscc("91360111MA38GK7X58").orElseThrow().getId();
        assertThat(enterpriseUsers.findById("ent-jixiang")).hasValueSatisfying(
                binding -> assertThat(binding.getEnterpriseId()).isEqualTo(expected));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndSecureBehindTls() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (boolean tls : new boolean[] {false, true}) {
            java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + TASKLIST)).header("Accept", "text/html"); // a page
            if (tls) {
                // what a TLS-terminating proxy on an internal address sends
                request.header("X-Forwarded-Proto", "https");
            }
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            String cookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                    .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + response.headers()));

            assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");
            if (tls) {
                assertThat(cookie).contains("Secure");
            } else {
                assertThat(cookie).doesNotContain("Secure");
            }
        }
    }

    @Test
    void camundasPasswordLoginIsClosed() {
        KeycloakBrowser browser = new KeycloakBrowser(port);
        HttpResponse<String> login = browser.xhr("POST", "/camunda/api/admin/auth/user/default/login/tasklist", null);

        assertThat(login.statusCode()).isEqualTo(401);
    }

    @Test
    void theAppsOwnPagesUseTheSameLoginAndTheirApiCallsTheSession() {
        KeycloakBrowser browser = new KeycloakBrowser(port);

        HttpResponse<String> page = browser.login("/cases.html", "ent-hongdu", KeycloakTestRealm.DEMO_PASSWORD);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/cases.html");
        // its sign-out form ends at Keycloak's end-session endpoint: the page's policy lets the form go there
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("form-action 'self' " + KeycloakTestRealm.SERVER + ";").contains("script-src 'self';"));

        // cases.html's fetch('api/cases'): the browser's session, no token
        HttpResponse<String> cases = browser.xhr("GET", "/api/cases", null);
        assertThat(cases.statusCode()).as(cases.body()).isEqualTo(200);
        assertThat(browser.xhr("GET", "/api/units", null).statusCode()).isEqualTo(200);
        // a change through the session needs a CSRF token: another site's form cannot submit it
        assertThat(browser.xhr("POST", "/api/m1/applications", "{}").statusCode()).isEqualTo(403);
    }

    @Test
    void loggingOutOfTasklistEndsTheAppSessionAndTheKeycloakSession() {
        KeycloakBrowser browser = new KeycloakBrowser(port);
        browser.login(TASKLIST, "gxj-reviewer", KeycloakTestRealm.DEMO_PASSWORD);
        assertThat(browser.xhr("GET", WHO_AM_I, null).statusCode()).isEqualTo(200);

        HttpResponse<String> logout = browser.xhr("POST", "/camunda/api/admin/auth/user/default/logout", "{}");

        assertThat(logout.statusCode()).isEqualTo(204);
        // where the webapp's menu then sends the browser (KeycloakSignOutBrowserTest follows it in Chromium)
        assertThat(logout.headers().firstValue("X-Huiqi-Signed-Out")).hasValue("/login.html?signedOut");
        assertThat(browser.xhr("GET", WHO_AM_I, null).statusCode()).isEqualTo(401);
        // Keycloak asks for the password again instead of signing the browser straight back in
        assertThat(KeycloakBrowser.isKeycloakLoginForm(browser.open(TASKLIST))).isTrue();
    }

    @Test
    void loggingOutOfThePagesEndsBothSessionsThroughKeycloak() {
        KeycloakBrowser browser = new KeycloakBrowser(port);
        browser.login("/cases.html", "policy-staff", KeycloakTestRealm.DEMO_PASSWORD);

        HttpResponse<String> after = browser.logOutOfThePages();

        assertThat(after.uri().toString()).isEqualTo("http://localhost:" + port + "/login.html?signedOut");
        assertThat(after.statusCode()).as("the signed-out page itself, not Keycloak's login form").isEqualTo(200);
        assertThat(after.body()).contains("<body data-page=\"login\"");
        assertThat(browser.xhr("GET", "/api/cases", null).statusCode()).isEqualTo(401);
        assertThat(KeycloakBrowser.isKeycloakLoginForm(browser.open(TASKLIST))).isTrue();
    }
}
