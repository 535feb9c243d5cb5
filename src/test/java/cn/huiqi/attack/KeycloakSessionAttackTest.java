package cn.huiqi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.enterprise.EnterpriseRegister;
import cn.huiqi.enterprise.EnterpriseRepository;
import cn.huiqi.identity.BearerApi;
import cn.huiqi.identity.KeycloakBrowser;
import cn.huiqi.identity.KeycloakIntegrationTest;
import cn.huiqi.identity.KeycloakTestRealm;

/**
 * Item 8 of issue 9 against the real Keycloak: sessions that Keycloak ended, users it disabled, cross-site
 * requests riding on the pages' session cookie, the demo realm's password grant kept out of deployment.
 * The test context checks signed-in users every 2 s (KeycloakIntegrationTest).
 */
@KeycloakIntegrationTest
class KeycloakSessionAttackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** huiqi.keycloak.session-check-interval of the test context, plus a margin */
    private static final Duration CHECK_BOUND = Duration.ofSeconds(2).plusMillis(1500);
    private static final String WHO_AM_I = "/camunda/api/admin/auth/user/default";

    @LocalServerPort
    int port;
    @Autowired
    EnterpriseRegister enterpriseRegister;
    @Autowired
    EnterpriseRepository enterprises;
    @Autowired
    CaseRecordRepository cases;

    @BeforeEach
    void enterprises() {
        KeycloakTestRealm.registerDemoEnterprises(enterpriseRegister, enterprises);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic ent-hongdu:Huiqi-Demo-2023", "Basic foo:bar", "Bearer not-a-token", "Bearer VALID", "Digest x", "Negotiate x"})
    void aSessionCookiePostCarryingAnAuthorizationHeaderStillNeedsTheCsrfToken(String authorization) {
        KeycloakBrowser browser = new KeycloakBrowser(port);
        browser.login("/cases.html", "ent-hongdu", KeycloakTestRealm.DEMO_PASSWORD);
        long before = cases.count();

        HttpResponse<String> response = browser.send("POST", "/api/m1/applications", application(),
                Map.of("Authorization", header(authorization), "Idempotency-Key", UUID.randomUUID().toString()));

        boolean refused = response.statusCode() == 403 && cases.count() == before;
        AttackLedger.record("csrf-session-with-authorization-header", refused,
                "cookie POST with Authorization " + authorization + " -> " + response.statusCode());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(cases.count()).isEqualTo(before);
    }

    @Test
    void aCookiePostWithoutTheCsrfTokenIsRefusedAndTheUserStaysSignedIn() {
        KeycloakBrowser browser = new KeycloakBrowser(port);
        browser.login("/camunda/app/tasklist/default/", "ent-hongdu", KeycloakTestRealm.DEMO_PASSWORD);
        assertThat(browser.xhr("GET", "/api/cases", null).statusCode()).isEqualTo(200);
        long before = cases.count();

        HttpResponse<String> post = browser.send("POST", "/api/m1/applications", application(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));

        boolean refused = post.statusCode() == 403 && cases.count() == before;
        AttackLedger.record("csrf-missing-token", refused, "cookie POST without CSRF token -> " + post.statusCode());
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(cases.count()).isEqualTo(before);
        // the refusal did not sign the user out: the pages' API and the Tasklist session still work
        assertThat(browser.xhr("GET", "/api/cases", null).statusCode()).isEqualTo(200);
        assertThat(browser.xhr("GET", WHO_AM_I, null).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "wrong-token"})
    void aWebappPostWithoutTheRightXsrfHeaderIsRefusedAndTheUserStaysSignedIn(String header) {
        KeycloakBrowser browser = new KeycloakBrowser(port);
        browser.login("/camunda/app/tasklist/default/", "ent-hongdu", KeycloakTestRealm.DEMO_PASSWORD);
        assertThat(browser.xhr("GET", WHO_AM_I, null).statusCode()).isEqualTo(200);
        long before = cases.count();
        Map<String, String> headers = header.isEmpty() ? Map.of() : Map.of("X-XSRF-TOKEN", header);

        for (String path : new String[] {"/camunda/api/engine/engine/default/process-definition/key/m1-order-reward/submit-form",
                "/camunda/api/admin/auth/user/default/logout"}) {
            HttpResponse<String> post = browser.send("POST", path, "{\"variables\":{}}", headers);
            boolean refused = post.statusCode() == 403 && browser.xhr("GET", WHO_AM_I, null).statusCode() == 200;
            AttackLedger.record("csrf-missing-token", refused, "webapp POST " + path + " with X-XSRF-TOKEN '" + header
                    + "' -> " + post.statusCode() + " (and signed out?)");
            assertThat(post.statusCode()).as(path).isEqualTo(403);
            // Camunda's own filter would have invalidated the session (and with it the Keycloak login)
            assertThat(browser.xhr("GET", WHO_AM_I, null).statusCode()).as("still signed in after " + path).isEqualTo(200);
        }
        assertThat(cases.count()).isEqualTo(before);
        assertThat(browser.xhr("GET", "/api/cases", null).statusCode()).isEqualTo(200);
    }

    @Test
    void keycloaksBackChannelLogoutEndsTheAppSessionAtOnce() throws Exception {
        KeycloakTestRealm.backChannelLogoutTo(port);
        // the browser's session is the user's only Keycloak session: Keycloak's sign-out of a user with several
        // sessions (e.g. the password-grant sessions of earlier tests) was seen to send one back-channel logout only
        KeycloakTestRealm.signOutEverywhere("swj-reviewer");
        KeycloakBrowser browser = new KeycloakBrowser(port);
        browser.login("/camunda/app/tasklist/default/", "swj-reviewer", KeycloakTestRealm.DEMO_PASSWORD);
        assertThat(browser.xhr("GET", "/api/cases", null).statusCode()).isEqualTo(200);
        assertThat(browser.xhr("GET", WHO_AM_I, null).statusCode()).isEqualTo(200);

        KeycloakTestRealm.signOutEverywhere("swj-reviewer");

        // well within the 2 s check interval: the back-channel logout, not the periodic check, ended it
        boolean ended = within(Duration.ofMillis(1500), () -> browser.xhr("GET", "/api/cases", null).statusCode() == 401);
        AttackLedger.record("session-after-keycloak-logout", ended, "app session still works after Keycloak's logout");
        assertThat(ended).isTrue();
        assertThat(browser.xhr("GET", WHO_AM_I, null).statusCode()).isEqualTo(401);
        assertThat(KeycloakBrowser.isKeycloakLoginForm(browser.open("/camunda/app/tasklist/default/"))).isTrue();
    }

    @Test
    void aUserDisabledInKeycloakLosesItsAppSessionAndItsTokensWithinTheBound() throws Exception {
        KeycloakBrowser browser = new KeycloakBrowser(port);
        browser.login("/camunda/app/tasklist/default/", "jrb-reviewer", KeycloakTestRealm.DEMO_PASSWORD);
        BearerApi api = BearerApi.withToken(port, KeycloakTestRealm.freshAccessToken("jrb-reviewer"));
        assertThat(browser.xhr("GET", "/api/cases", null).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/cases").statusCode()).isEqualTo(200);

        KeycloakTestRealm.setEnabled("jrb-reviewer", false);
        try {
            boolean sessionEnded = within(CHECK_BOUND, () -> browser.xhr("GET", "/api/cases", null).statusCode() == 401);
            boolean tokenRefused = within(CHECK_BOUND, () -> api.get("/api/cases").statusCode() == 401);
            AttackLedger.record("session-of-disabled-user", sessionEnded, "disabled user's app session still works");
            AttackLedger.record("bearer-of-disabled-user", tokenRefused, "disabled user's unexpired token still works");
            assertThat(sessionEnded).isTrue();
            assertThat(tokenRefused).isTrue();
            assertThat(browser.xhr("GET", WHO_AM_I, null).statusCode()).isEqualTo(401);
            assertThat(api.post("/engine-rest/task", "{}").statusCode()).isEqualTo(401);
        } finally {
            KeycloakTestRealm.setEnabled("jrb-reviewer", true);
        }
    }

    private static boolean within(Duration bound, Supplier<Boolean> condition) throws InterruptedException {
        long end = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < end) {
            if (condition.get()) {
                return true;
            }
            Thread.sleep(200);
        }
        return condition.get();
    }

    private static String header(String authorization) {
        if (authorization.startsWith("Basic ") && authorization.contains(":")) {
            return "Basic " + Base64.getEncoder().encodeToString(authorization.substring(6).getBytes(StandardCharsets.UTF_8));
        }
        if (authorization.equals("Bearer VALID")) {
            return "Bearer " + KeycloakTestRealm.accessToken("ent-hongdu");
        }
        return authorization;
    }

    private static String application() {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("counterparty", "上海某贸易有限公司");
        order.put("contractNumber", "KC-ATTACK-" + UUID.randomUUID());
        order.put("signingDate", "2023-08-18");
        order.put("orderAmount", "60000000.00");
        order.put("executionEvidence", "出库单 CK-2023-0818");
        try {
            return JSON.writeValueAsString(Map.of("orders", List.of(order)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
