package cn.huiqi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The realm shipped for deployment (docker/keycloak/huiqi-realm.json) and the demo realm derived from it.
 * Each assertion is a setting docs/security.md lists ("Realm settings").
 */
class RealmFilesTest {

    private static final JsonNode DEPLOYMENT = RealmFiles.read(RealmFiles.DEPLOYMENT);
    private static final int SIX_MONTHS_SECONDS = 183 * 24 * 3600;

    @Test
    void theDemoRealmIsTheDeploymentRealmPlusTheOverlay() {
        String expected = RealmFiles.write(RealmFiles.demoRealm());
        Path generated = Path.of(System.getProperty("huiqi.build.dir", "target"), "huiqi-realm-demo.json");
        RealmFiles.writeTo(generated, RealmFiles.demoRealm());
        assertThat(RealmFiles.write(RealmFiles.read(RealmFiles.DEMO)))
                .as("docker/keycloak/huiqi-realm-demo.json is out of date: copy " + generated + " over it")
                .isEqualTo(expected);
    }

    @Test
    void noClientOfTheDeploymentRealmHasThePasswordGrantIncludingAdminCli() {
        List<String> clients = new ArrayList<>();
        DEPLOYMENT.get("clients").forEach(c -> {
            clients.add(c.get("clientId").asText());
            assertThat(c.path("directAccessGrantsEnabled").asBoolean(true)).as(c.get("clientId").asText()).isFalse();
            assertThat(c.path("implicitFlowEnabled").asBoolean(false)).as(c.get("clientId").asText()).isFalse();
        });
        // declared, so that Keycloak does not create its default admin-cli (which has the password grant)
        assertThat(clients).contains("admin-cli", "huiqi-app", "huiqi-identity", "huiqi-api").doesNotContain("huiqi-dev");
    }

    @Test
    void theDeploymentRealmHasNoDemoUsersAndNoPublishedSecret() {
        assertThat(DEPLOYMENT.get("users")).extracting(u -> u.get("username").asText())
                .containsExactly("service-account-huiqi-identity");
        String text = RealmFiles.write(DEPLOYMENT);
        KeycloakDemoRealmGuard.PUBLISHED_SECRETS.values().forEach(secret -> assertThat(text).doesNotContain(secret));
        assertThat(text).doesNotContain("Huiqi-Demo-2023");
        assertThat(client("huiqi-app").get("secret").asText()).isEqualTo("${HUIQI_KEYCLOAK_APP_SECRET}");
        assertThat(client("huiqi-identity").get("secret").asText()).isEqualTo("${HUIQI_KEYCLOAK_IDENTITY_SECRET}");
    }

    @Test
    void theAppClientHasBackChannelLogout() {
        JsonNode attributes = client("huiqi-app").get("attributes");
        assertThat(attributes.get("backchannel.logout.url").asText()).endsWith("/logout/connect/back-channel/keycloak");
        assertThat(attributes.get("backchannel.logout.session.required").asText()).isEqualTo("true");
        assertThat(client("huiqi-app").get("frontchannelLogout").asBoolean()).isFalse();
    }

    @Test
    void theIdentityServiceAccountFindsNoEnterpriseOrEmailInUserAttributes() {
        // enterprises are organizations (alias = USCC): the service account's view-users does not reach them
        assertThat(DEPLOYMENT.get("organizationsEnabled").asBoolean()).isTrue();
        JsonNode profile = RealmFiles.userProfile(DEPLOYMENT);
        List<String> attributes = new ArrayList<>();
        profile.get("attributes").forEach(a -> attributes.add(a.get("name").asText()));
        assertThat(attributes).doesNotContain("uscc");
        profile.get("attributes").forEach(a -> {
            if (a.get("name").asText().equals("email")) {
                // "admin" would include every holder of view-users, the plugin's service account too
                assertThat(a.get("permissions").toString()).doesNotContain("admin");
            }
        });
        JsonNode app = client("huiqi-app");
        assertThat(app.get("defaultClientScopes").toString()).contains("\"organization\"");
        assertThat(app.get("protocolMappers").toString()).doesNotContain("uscc");
        // the plugin's service account: read users and groups, nothing else
        assertThat(DEPLOYMENT.get("users").get(0).get("clientRoles").get("realm-management").toString())
                .isEqualTo("[\"query-groups\",\"query-users\",\"view-users\"]");
    }

    @Test
    void offlineSessionsAreBounded() {
        // and the app's client cannot even ask for an offline token
        assertThat(client("huiqi-app").get("optionalClientScopes").toString()).doesNotContain("offline_access");
        assertThat(client("huiqi-app").get("defaultClientScopes").toString()).doesNotContain("offline_access");
        assertThat(DEPLOYMENT.get("offlineSessionMaxLifespanEnabled").asBoolean()).isTrue();
        assertThat(DEPLOYMENT.get("offlineSessionMaxLifespan").asInt()).isBetween(1, 7 * 24 * 3600);
        assertThat(DEPLOYMENT.get("offlineSessionIdleTimeout").asInt()).isBetween(1, 24 * 3600);
    }

    @Test
    void officialsSignInWithAOneTimePassword() {
        assertThat(DEPLOYMENT.get("browserFlow").asText()).isEqualTo("huiqi browser");
        JsonNode officials = flow("huiqi officials OTP");
        List<String> steps = new ArrayList<>();
        officials.get("authenticationExecutions").forEach(e -> {
            steps.add(e.get("authenticator").asText());
            assertThat(e.get("requirement").asText()).isEqualTo("REQUIRED");
        });
        assertThat(steps).containsExactly("conditional-user-role", "conditional-credential", "auth-otp-form");
        assertThat(config("huiqi officials").get("condUserRole").asText()).isEqualTo("otp-required");
        boolean inForms = false;
        for (JsonNode e : flow("huiqi browser forms").get("authenticationExecutions")) {
            inForms |= "huiqi officials OTP".equals(e.path("flowAlias").asText()) && "CONDITIONAL".equals(e.get("requirement").asText());
        }
        assertThat(inForms).isTrue();
        // organizations hold enterprises, not identity providers: no identity-first (user name, then password) login
        for (JsonNode e : flow("huiqi browser").get("authenticationExecutions")) {
            if ("huiqi browser Organization".equals(e.path("flowAlias").asText())) {
                assertThat(e.get("requirement").asText()).isEqualTo("DISABLED");
            }
        }
        // every group but enterprise is an official group
        DEPLOYMENT.get("groups").forEach(g -> assertThat(g.path("realmRoles").toString())
                .as(g.get("name").asText()).isEqualTo("enterprise".equals(g.get("name").asText()) ? "" : "[\"otp-required\"]"));
        assertThat(DEPLOYMENT.get("otpPolicyCodeReusable").asBoolean()).isFalse();
    }

    @Test
    void bruteForceProtectionMatchesTheAppsLoginPolicy() {
        // the app's own login (slice D): huiqi.login.max-failures 5, locked PT30M
        assertThat(DEPLOYMENT.get("bruteForceProtected").asBoolean()).isTrue();
        assertThat(DEPLOYMENT.get("permanentLockout").asBoolean()).isFalse();
        assertThat(DEPLOYMENT.get("failureFactor").asInt()).isEqualTo(5);
        assertThat(DEPLOYMENT.get("waitIncrementSeconds").asInt()).isEqualTo(1800);
        assertThat(DEPLOYMENT.get("maxFailureWaitSeconds").asInt()).isEqualTo(1800);
    }

    @Test
    void loginAndAdminEventsAreKeptAtLeastSixMonths() {
        assertThat(DEPLOYMENT.get("eventsEnabled").asBoolean()).isTrue();
        assertThat(DEPLOYMENT.get("eventsExpiration").asInt()).isGreaterThanOrEqualTo(SIX_MONTHS_SECONDS);
        assertThat(DEPLOYMENT.get("adminEventsEnabled").asBoolean()).isTrue();
        assertThat(DEPLOYMENT.get("attributes").get("adminEventsExpiration").asInt()).isGreaterThanOrEqualTo(SIX_MONTHS_SECONDS);
    }

    private static JsonNode client(String clientId) {
        for (JsonNode c : DEPLOYMENT.get("clients")) {
            if (c.get("clientId").asText().equals(clientId)) {
                return c;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    private static JsonNode flow(String alias) {
        for (JsonNode f : DEPLOYMENT.get("authenticationFlows")) {
            if (f.get("alias").asText().equals(alias)) {
                return f;
            }
        }
        throw new AssertionError("no flow " + alias);
    }

    private static JsonNode config(String alias) {
        for (JsonNode c : DEPLOYMENT.get("authenticatorConfig")) {
            if (c.get("alias").asText().equals(alias)) {
                return c.get("config");
            }
        }
        throw new AssertionError("no authenticator config " + alias);
    }
}
