package cn.huiqi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The start-up refusal's configuration half and the enterprise claim, without Keycloak (the realm half: KeycloakGroupChangeTest). */
class KeycloakDemoRealmGuardTest {

    @Test
    void theAppsOwnPublishedSecretsOrTheTestClientAreFindings() {
        assertThat(KeycloakDemoRealmGuard.configuredPublishedSecrets(properties("huiqi-app", "huiqi-app-local-secret",
                "huiqi-identity-local-secret"))).containsExactly("huiqi.keycloak.client-secret is a published secret",
                "huiqi.keycloak.identity-client-secret is a published secret");
        assertThat(KeycloakDemoRealmGuard.configuredPublishedSecrets(properties("huiqi-dev", "huiqi-dev-local-secret", "s3cr3t-B")))
                .containsExactly("huiqi.keycloak.client-secret is a published secret", "huiqi.keycloak.client-id is the test client huiqi-dev");
        assertThat(KeycloakDemoRealmGuard.configuredPublishedSecrets(properties("huiqi-app", "s3cr3t-A", "s3cr3t-B"))).isEmpty();
    }

    @Test
    void theRefusalSaysWhatIsWrongAndHowToFixIt() {
        String message = KeycloakDemoRealmGuard.refusal("huiqi", List.of("client huiqi-dev with its published secret"));

        assertThat(message).startsWith("Refusing to start (profile keycloak)").contains("client huiqi-dev with its published secret")
                .contains("huiqi.keycloak.demo-mode=true").contains("HUIQI_KEYCLOAK_APP_SECRET").contains("拒绝启动");
    }

    @Test
    void theSessionCheckIntervalIsAtMostAMinute() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new KeycloakProperties("http://kc/realms/huiqi", null, "huiqi-app",
                        "a", "huiqi-identity", "b", "huiqi-api", null, null, Duration.ofMinutes(2), false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("session-check-interval");
        assertThat(properties("huiqi-app", "a", "b").sessionCheckInterval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theEnterpriseIsTheOneOrganizationOfTheUser() {
        assertThat(KeycloakCallers.enterpriseUscc(token(List.of("91360102MA35HQ1D2F")))).isEqualTo("91360102MA35HQ1D2F");
        assertThat(KeycloakCallers.enterpriseUscc(token(Map.of("91360102MA35HQ1D2F", Map.of("id", "x"))))).isEqualTo("91360102MA35HQ1D2F");
        // several organizations: no binding (acting for several enterprises needs an explicit authorisation each)
        assertThat(KeycloakCallers.enterpriseUscc(token(List.of("91360102MA35HQ1D2F", "91360111MA38GK7X58")))).isNull();
        assertThat(KeycloakCallers.enterpriseUscc(token(List.of()))).isNull();
        assertThat(KeycloakCallers.enterpriseUscc(token(null))).isNull();
        assertThat(KeycloakCallers.enterpriseUscc(new TestingAuthenticationToken("x", null))).isNull();
    }

    private static JwtAuthenticationToken token(Object organization) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "none").claim("preferred_username", "ent-x");
        if (organization != null) {
            jwt.claim("organization", organization);
        }
        return new JwtAuthenticationToken(jwt.build());
    }

    private static KeycloakProperties properties(String clientId, String clientSecret, String identitySecret) {
        return new KeycloakProperties("http://kc/realms/huiqi", null, clientId, clientSecret, "huiqi-identity", identitySecret,
                "huiqi-api", null, null, null, false);
    }
}
