package cn.huiqi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.net.http.HttpHeaders;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.huiqi.testsupport.HttpApi;
import cn.huiqi.testsupport.PageSession;

/** The security headers on the app's pages, on the APIs (answers and refusals alike), and the webapps' own CSP. */
@IdentityIntegrationTest
class SecurityHeadersTest {


    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/login.html", "/cases.html", "/projects.html", "/fund.html",
            "/settlements.html", "/evaluations.html", "/evaluations.js", "/assistance-figures.html", "/assistance-figures.js", "/financing-figures.html", "/financing-figures.js", "/huiqi.css", "/rules.js", "/huiqi.js", "/rules.html",
            "/swagger-ui/index.html", "/demands.html", "/assistance.html", "/financing-events.html", "/financing-events.js",
            "/guide-funds.html", "/guide-funds.js", "/financing.html", "/financing.js", "/institution.html", "/institution.js"})
    void everyPageHasThePagePolicyAndTheUsualHeaders(String path) {
        PageSession browser = new PageSession(port);
        browser.signIn("policy-staff", DemoAccounts.PASSWORD);
        HttpResponse<String> page = browser.open(path);

        assertThat(page.statusCode()).as(path).isEqualTo(200);
        assertCommonHeaders(page.headers());
        String expected = switch (path) {
            case "/rules.html" -> SecurityHeaders.RULES_PAGE_POLICY;
            case "/swagger-ui/index.html" -> SecurityHeaders.SWAGGER_UI_POLICY;
            default -> SecurityHeaders.PAGE_POLICY;
        };
        assertThat(page.headers().allValues("Content-Security-Policy")).containsExactly(expected);
        assertThat(expected).contains("frame-ancestors 'none'").contains("script-src 'self';")
                .contains("object-src 'none'").contains("base-uri 'self'").doesNotContain("unsafe-eval");
        if (expected.equals(SecurityHeaders.PAGE_POLICY)) {
            assertThat(expected).doesNotContain("unsafe-inline");
        }
    }

    @Test
    void theApisHaveTheApiPolicyOnAnswersAndRefusals() {
        for (HttpResponse<String> response : java.util.List.of(
                HttpApi.as(port, "admin", DemoAccounts.PASSWORD).get("/engine-rest/engine"),
                HttpApi.as(port, "admin", DemoAccounts.PASSWORD).get("/api/units"),
                HttpApi.anonymous(port).get("/api/cases"),
                HttpApi.as(port, "ent-hongdu", DemoAccounts.PASSWORD).get("/engine-rest/deployment"))) {
            assertCommonHeaders(response.headers());
            assertThat(response.headers().allValues("Content-Security-Policy")).containsExactly(SecurityHeaders.API_POLICY);
        }
    }

    @Test
    void theCamundaWebappsKeepTheirOwnPolicyAlone() {
        HttpResponse<String> tasklist = new PageSession(port).open("/camunda/app/tasklist/default/");

        assertThat(tasklist.statusCode()).isEqualTo(200);
        assertThat(tasklist.headers().allValues("Content-Security-Policy")).hasSize(1)
                .first().asString().doesNotContain(SecurityHeaders.PAGE_POLICY);
        assertThat(tasklist.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void hstsOnlyOverTls() {
        assertThat(new PageSession(port).open("/").headers().firstValue("Strict-Transport-Security"))
                .as("plain HTTP: a browser would ignore it, and a TLS-less test setup must stay usable").isEmpty();
    }

    static void assertCommonHeaders(HttpHeaders headers) {
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(headers.firstValue("Permissions-Policy")).hasValue(SecurityHeaders.PERMISSIONS_POLICY);
    }
}
