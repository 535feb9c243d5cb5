package cn.huiqi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import cn.huiqi.testsupport.HttpApi;

/** Who gets through the API chain: /engine-rest (Jersey) and /api (Spring MVC) alike. */
@IdentityIntegrationTest
class ApiAuthenticationTest {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void springSecuritysChainRunsWithoutAnMvcHandlerLookupInFront() {
        // NoHandlerLookupBeforeSecurity: Spring Security's own chain, not its composite with the introspector's cache filter
        Object chain = context.getBean(NoHandlerLookupBeforeSecurity.CHAIN);
        assertThat(chain).isInstanceOf(org.springframework.security.web.FilterChainProxy.class);
        assertThat(chain.getClass().getName()).isNotEqualTo(NoHandlerLookupBeforeSecurity.COMPOSITE);
        assertAuthenticationRequired(HttpApi.anonymous(port).get("/engine-rest/task"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest/task", "/engine-rest/process-definition", "/engine-rest/process-instance",
            "/engine-rest/engine", "/engine-rest/history/process-instance", "/api/units", CallerEchoController.PATH})
    void withoutCredentialsEveryApiAnswers401(String path) {
        assertAuthenticationRequired(HttpApi.anonymous(port).get(path));
    }

    @Test
    void aPostWithoutCredentialsIsRefusedBeforeReachingTheEngine() {
        assertAuthenticationRequired(HttpApi.anonymous(port).post("/engine-rest/process-definition/key/sec-test-process/start", "{}"));
    }

    @Test
    void aWrongPasswordAnswers401() {
        // a user no other test logs in with: failed logins lock the account for a few seconds
        assertAuthenticationRequired(HttpApi.as(port, "szxbm-reviewer", "wrong").get("/engine-rest/task"));
    }

    @Test
    void anUnknownUserAnswers401() {
        assertAuthenticationRequired(HttpApi.as(port, "nobody", DemoAccounts.PASSWORD).get("/api/units"));
    }

    @Test
    void theAdminWithTheDemoPasswordGetsIn() {
        HttpResponse<String> response = HttpApi.as(port, "admin", DemoAccounts.PASSWORD).get("/engine-rest/task");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(HttpApi.json(response).isArray()).isTrue();
    }

    @Test
    void appControllersSeeTheCallerAndItsGroupsThroughCurrentCaller() {
        JsonNode caller = HttpApi.as(port, "donghu-verifier", DemoAccounts.PASSWORD).getJson(CallerEchoController.PATH);

        assertThat(caller.get("userId").asText()).isEqualTo("donghu-verifier");
        assertThat(caller.get("groupIds")).extracting(JsonNode::asText).containsExactly("donghu");
    }

    @Test
    void theApiSetsNoSessionCookie() {
        HttpResponse<String> response = HttpApi.as(port, "gxj-reviewer", DemoAccounts.PASSWORD).get("/engine-rest/task");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void publicPagesNeedNoLogin() {
        assertThat(HttpApi.anonymous(port).get("/v3/api-docs").statusCode()).isEqualTo(200);
    }

    @Test
    void theMeasureCatalogueIsPublicAndNothingElseOfItsPaths() {
        assertThat(HttpApi.anonymous(port).get("/api/measures").statusCode()).isEqualTo(200);
        assertThat(HttpApi.anonymous(port).get("/api/measures/M1").statusCode()).isEqualTo(200);
        assertAuthenticationRequired(HttpApi.anonymous(port).post("/api/measures/M2/applications", "{}"));
        assertAuthenticationRequired(HttpApi.anonymous(port).get("/api/measures/M1/applications"));
        assertAuthenticationRequired(HttpApi.as(port, "nobody-reads-measures", DemoAccounts.PASSWORD).get("/api/measures"));
    }

    private static void assertAuthenticationRequired(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"huiqi\"");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body())
                .isEqualTo("{\"errors\":[{\"field\":null,\"zh\":\"需要登录\",\"en\":\"Authentication required\"}]}");
    }
}
