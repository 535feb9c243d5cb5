package cn.huiqi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityScheme;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** /api and /engine-rest in profile keycloak: only valid bearer tokens of realm huiqi for audience huiqi-api. */
@KeycloakIntegrationTest
class KeycloakBearerTokenTest {

    private static final String EXPIRING_CLIENT = "huiqi-test-expiring";

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest", "/engine-rest/task", "/engine-rest/engine", "/engine-rest/history/process-instance",
            "/api/cases", "/api/units", CallerEchoController.PATH})
    void withoutATokenEveryApiAnswers401WithABearerChallenge(String path) {
        assertRefused(BearerApi.anonymous(port).get(path));
    }

    @Test
    void postsWithoutATokenAre401NotCsrfRefusals() {
        assertRefused(BearerApi.anonymous(port).post("/engine-rest/process-definition/key/m1-order-reward/start", "{}"));
        assertRefused(BearerApi.anonymous(port).post("/api/m1/applications", "{}", "Idempotency-Key", "k-1"));
    }

    @Test
    void aValidTokenGetsInAndTheAppSeesTheUserAndItsKeycloakGroups() {
        JsonNode caller = BearerApi.as(port, "donghu-verifier").getJson(CallerEchoController.PATH);

        assertThat(caller.get("userId").asText()).isEqualTo("donghu-verifier");
        assertThat(caller.get("groupIds")).extracting(JsonNode::asText).containsExactly("donghu");
        assertThat(BearerApi.as(port, "gxj-reviewer").get("/engine-rest/task").statusCode()).isEqualTo(200);
    }

    @Test
    void theApiSetsNoSessionCookie() {
        HttpResponse<String> response = BearerApi.as(port, "gxj-reviewer").get("/engine-rest/task");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void aTokenWithoutTheApiAudienceIs401() {
        // the demo realm's test client without the audience mapper: right issuer, right keys, no huiqi-api audience
        String token = KeycloakTestRealm.tokens(KeycloakTestRealm.ISSUER, "huiqi-test-no-audience", null, "admin", KeycloakTestRealm.DEMO_PASSWORD)
                .get("access_token").asText();
        assertThat(claims(token).get("aud")).isNull();

        assertRefused(BearerApi.withToken(port, token).get("/engine-rest/task"));
        assertRefused(BearerApi.withToken(port, token).get("/api/cases"));
    }

    @Test
    void anIdTokenIsNoAccessToken() {
        String idToken = KeycloakTestRealm.tokens(KeycloakTestRealm.ISSUER, KeycloakTestRealm.DEV_CLIENT,
                KeycloakTestRealm.DEV_CLIENT_SECRET, "admin", KeycloakTestRealm.DEMO_PASSWORD).get("id_token").asText();

        assertRefused(BearerApi.withToken(port, idToken).get("/api/cases"));
    }

    /** Swagger UI (opened in the signed-in web session) offers what the API accepts here: a bearer token, not Basic. */
    @Test
    void swaggerUiAuthorizesWithTheBearerToken(@Autowired OpenAPI apiDocument) {
        Map<String, SecurityScheme> schemes = apiDocument.getComponents().getSecuritySchemes();

        assertThat(schemes).containsOnlyKeys("bearer");
        assertThat(schemes.get("bearer").getScheme()).isEqualTo("bearer");
        assertThat(apiDocument.getSecurity()).singleElement().satisfies(requirement -> assertThat(requirement).containsKey("bearer"));
    }

    @Test
    void aTokenOfAnotherRealmIs401() {
        assertRefused(BearerApi.withToken(port, KeycloakTestRealm.masterAdminToken()).get("/engine-rest/task"));
    }

    @Test
    void aTokenSignedWithAnotherKeyIs401() throws Exception {
        String genuine = KeycloakTestRealm.accessToken("admin");
        SignedJWT parsed = SignedJWT.parse(genuine);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(parsed.getHeader().getKeyID()).build(),
                JWTClaimsSet.parse(parsed.getJWTClaimsSet().toJSONObject()));
        forged.sign(new RSASSASigner((RSAPrivateKey) generator.generateKeyPair().getPrivate()));

        assertRefused(BearerApi.withToken(port, forged.serialize()).get("/engine-rest/task"));
        // the genuine token passes, so the refusal above is the signature's
        assertThat(BearerApi.withToken(port, genuine).get("/engine-rest/task").statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenWhosePayloadWasChangedIs401() {
        String[] parts = KeycloakTestRealm.accessToken("ent-hongdu").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"ent-hongdu\"", "\"admin\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "." + parts[2];

        assertRefused(BearerApi.withToken(port, tampered).get("/engine-rest/process-instance"));
    }

    @Test
    void anUnsignedTokenIs401() {
        String[] parts = KeycloakTestRealm.accessToken("admin").split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());

        assertRefused(BearerApi.withToken(port, none + "." + parts[1] + ".").get("/api/cases"));
    }

    @Test
    void anExpiredTokenIs401() throws Exception {
        ensureExpiringClient();
        String token = KeycloakTestRealm.tokens(KeycloakTestRealm.ISSUER, EXPIRING_CLIENT, "expiring-secret", "admin",
                KeycloakTestRealm.DEMO_PASSWORD).get("access_token").asText();
        assertThat(claims(token).get("aud").toString()).contains("huiqi-api");
        Thread.sleep(2500);

        HttpResponse<String> response = BearerApi.withToken(port, token).get("/engine-rest/task");

        assertRefused(response);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token").contains("expired");
    }

    @ParameterizedTest
    @CsvSource({"admin,200", "policy-staff,200", "audit-staff,200", "gxj-reviewer,200", "czj-finance,200",
            "donghu-verifier,200", "ent-hongdu,200"})
    void everyRoleGetsInToBothApis(String user, int status) {
        BearerApi api = BearerApi.as(port, user);
        assertThat(api.get("/api/cases").statusCode()).isEqualTo(status);
        assertThat(api.get("/api/units").statusCode()).isEqualTo(status);
        assertThat(api.get("/engine-rest/task").statusCode()).isEqualTo(status);
        assertThat(api.get("/engine-rest/process-definition").statusCode()).isEqualTo(status);
    }

    @Test
    void whatEachRoleMayDoOnTheEngineRestApi() {
        // only enterprises start measure processes; only operators and auditors see history and instances
        assertThat(BearerApi.as(port, "ent-hongdu").getJson("/engine-rest/process-definition"))
                .extracting(d -> d.get("key").asText()).containsOnly(AuthorizationSetupTest.STARTED_BY_ENTERPRISES.toArray(String[]::new));
        assertThat(BearerApi.as(port, "donghu-verifier").post("/engine-rest/process-definition/key/m1-order-reward/start", "{}")
                .statusCode()).isEqualTo(403);
        assertThat(BearerApi.as(port, "audit-staff").post("/engine-rest/process-definition/key/m1-order-reward/start", "{}")
                .statusCode()).isEqualTo(403);
        assertThat(BearerApi.as(port, "ent-hongdu").get("/engine-rest/deployment").statusCode()).isEqualTo(200);
        assertThat(BearerApi.as(port, "ent-hongdu").getJson("/engine-rest/deployment")).isEmpty();
        assertThat(BearerApi.as(port, "audit-staff").getJson("/engine-rest/deployment")).isNotEmpty();
        // Keycloak is read-only for the engine: nobody creates users through Camunda, not even admins
        assertThat(BearerApi.as(port, "admin").post("/engine-rest/user/create",
                "{\"profile\":{\"id\":\"x-new\"},\"credentials\":{\"password\":\"Abcdefgh-12345\"}}").statusCode()).isIn(400, 403, 500);
    }

    private static void ensureExpiringClient() {
        if (KeycloakTestRealm.json(KeycloakTestRealm.admin("GET", "/clients?clientId=" + EXPIRING_CLIENT, null).body()).isEmpty()) {
            String client = """
                    {"clientId":"%s","enabled":true,"publicClient":false,"secret":"expiring-secret",
                     "standardFlowEnabled":false,"directAccessGrantsEnabled":true,
                     "attributes":{"access.token.lifespan":"1"},
                     "protocolMappers":[{"name":"audience","protocol":"openid-connect","protocolMapper":"oidc-audience-mapper",
                       "config":{"included.client.audience":"huiqi-api","access.token.claim":"true","id.token.claim":"false"}}]}
                    """.formatted(EXPIRING_CLIENT);
            KeycloakTestRealm.expect2xx(KeycloakTestRealm.admin("POST", "/clients", client));
        }
    }

    private static Map<String, Object> claims(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().toJSONObject();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer realm=\"huiqi\""));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body())
                .isEqualTo("{\"errors\":[{\"field\":null,\"zh\":\"需要登录\",\"en\":\"Authentication required\"}]}");
    }
}
