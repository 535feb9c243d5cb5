package cn.huiqi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.huiqi.identity.KeycloakBrowser;
import cn.huiqi.identity.KeycloakRequired;
import cn.huiqi.identity.KeycloakTestRealm;
import cn.huiqi.testsupport.OneForkAtATime;

/**
 * The realm itself, against the real Keycloak (no app needed): the identity plugin's service account reads
 * users and groups but no e-mail, no enterprise (organization) and nothing it could change; the DEPLOYMENT
 * realm file (imported here under a scratch name) refuses the password grant on every client and asks an
 * official for a one-time password, while an enterprise user signs in with the password alone.
 */
@Tag("keycloak")
@ExtendWith(KeycloakRequired.class)
@OneForkAtATime("keycloak")
class KeycloakRealmAttackTest {

    private static final String SCRATCH = "huiqi-deployment-check";
    private static final String SCRATCH_URL = KeycloakTestRealm.SERVER + "/realms/" + SCRATCH;
    private static final String PASSWORD = "Scratch-Realm-2024x";

    @BeforeAll
    static void importTheDeploymentRealmUnderAScratchName() throws IOException {
        KeycloakTestRealm.serverAdmin("DELETE", "/realms/" + SCRATCH, null);
        // Keycloak's start-up import resolves ${VARIABLE:default}; its admin API does not, so this does
        String file = Files.readString(Path.of("docker/keycloak/huiqi-realm.json"))
                .replaceAll("\\$\\{[A-Z_]+:([^}]*)}", "$1").replaceAll("\\$\\{[A-Z_]+}", "scratch-secret");
        ObjectNode realm = (ObjectNode) KeycloakTestRealm.json(file);
        realm.put("realm", SCRATCH);
        KeycloakTestRealm.expect2xx(KeycloakTestRealm.serverAdmin("POST", "/realms", realm.toString()));
        createUser("scratch-official", "gxj");
        createUser("scratch-enterprise", "enterprise");
    }

    @AfterAll
    static void dropTheScratchRealm() {
        KeycloakTestRealm.serverAdmin("DELETE", "/realms/" + SCRATCH, null);
    }

    @Test
    void theIdentityServiceAccountReadsUsersAndGroupsButNoEmailNoEnterpriseAndChangesNothing() {
        String token = KeycloakTestRealm.clientToken("huiqi-identity", "huiqi-identity-local-secret");
        String user = KeycloakTestRealm.userUuid("ent-hongdu");
        String group = KeycloakTestRealm.groupUuid("gxj");
        String client = KeycloakTestRealm.json(KeycloakTestRealm.admin("GET", "/clients?clientId=huiqi-app", null).body())
                .get(0).get("id").asText();
        String organization = null;
        for (JsonNode o : KeycloakTestRealm.json(KeycloakTestRealm.admin("GET", "/organizations", null).body())) {
            if (o.get("alias").asText().equals("91360102MA35HQ1D2F")) {
                organization = o.get("id").asText();
            }
        }
        assertThat(organization).as("the demo realm's organization of ent-hongdu's enterprise").isNotNull();

        // what the Camunda plugin needs
        for (String path : List.of("/users?max=200", "/users?username=ent-hongdu&exact=true", "/users/count", "/groups",
                "/users/" + user + "/groups", "/groups/" + group + "/members")) {
            assertThat(KeycloakTestRealm.adminAs(token, "GET", path).statusCode()).as(path).isEqualTo(200);
        }
        // no e-mail and no enterprise in what it reads
        JsonNode users = KeycloakTestRealm.json(KeycloakTestRealm.adminAs(token, "GET", "/users?max=200").body());
        JsonNode hongdu = KeycloakTestRealm.json(KeycloakTestRealm.adminAs(token, "GET", "/users/" + user).body());
        boolean noPersonalData = users.size() > 20 && !users.toString().contains("@") && !hongdu.has("email")
                && !hongdu.toString().contains("91360102MA35HQ1D2F");
        AttackLedger.record("identity-service-account-overreach", noPersonalData, "service account reads e-mails or USCCs");
        assertThat(users.toString()).doesNotContain("@demo.huiqi.invalid");
        assertThat(hongdu.has("email")).isFalse();
        assertThat(hongdu.toString()).doesNotContain("91360102MA35HQ1D2F");

        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("GET /organizations", "");
        refused.put("GET /organizations/" + organization + "/members", "");
        refused.put("GET /organizations/members/" + user + "/organizations", "");
        refused.put("GET /clients", "");
        refused.put("GET /clients/" + client + "/client-secret", "");
        refused.put("GET /events", "");
        refused.put("GET /admin-events", "");
        refused.put("GET /roles", "");
        refused.put("GET /keys", "");
        refused.put("PUT /users/" + user, "{\"firstName\":\"x\",\"email\":\"x@evil.invalid\"}");
        refused.put("POST /users", "{\"username\":\"intruder\",\"enabled\":true}");
        refused.put("DELETE /users/" + user + "/groups/" + group, "");
        refused.put("PUT /users/" + user + "/groups/" + group, "");
        refused.put("POST /users/" + user + "/impersonation", "");
        refused.put("POST /users/" + user + "/logout", "");
        refused.put("PUT /users/" + user + "/reset-password", "{\"type\":\"password\",\"value\":\"Intruder-12345x\",\"temporary\":false}");
        for (String call : refused.keySet()) {
            String[] parts = call.split(" ", 2);
            String body = refused.get(call).isEmpty() ? null : refused.get(call);
            int status = KeycloakTestRealm.adminAs(token, parts[0], parts[1], body).statusCode();
            AttackLedger.record("identity-service-account-overreach", status == 403, call + " -> " + status);
            assertThat(status).as(call).isEqualTo(403);
        }
    }

    @Test
    void noClientOfTheDeploymentRealmGrantsTokensForAPassword() {
        JsonNode clients = KeycloakTestRealm.json(KeycloakTestRealm.serverAdmin("GET", "/realms/" + SCRATCH + "/clients", null).body());
        List<String> tried = new ArrayList<>();
        for (JsonNode client : clients) {
            String clientId = client.get("clientId").asText();
            HttpResponse<String> answer = KeycloakTestRealm.passwordGrant(SCRATCH_URL, clientId, "scratch-official", PASSWORD);
            boolean refused = answer.statusCode() / 100 == 4 && !answer.body().contains("access_token");
            AttackLedger.record("password-grant-deployment-realm", refused, clientId + " -> " + answer.statusCode());
            assertThat(answer.statusCode()).as(clientId + ": " + answer.body()).isIn(400, 401);
            assertThat(answer.body()).doesNotContain("access_token");
            tried.add(clientId);
        }
        assertThat(tried).contains("admin-cli", "huiqi-app", "account", "account-console", "security-admin-console");
    }

    @Test
    void anOfficialMustSetUpAndUseAOneTimePasswordAnEnterpriseUserNeedNot() throws Exception {
        HttpResponse<String> official = signIn("scratch-official");
        // after the password, Keycloak's set-up page of the authenticator app, not the client
        boolean asksForOtp = official.statusCode() == 200 && official.uri().toString().startsWith(SCRATCH_URL + "/login-actions/")
                && official.body().contains("kc-totp-secret");
        AttackLedger.record("official-without-second-factor", asksForOtp, "an official signed in with the password alone");
        assertThat(official.uri().toString()).as(official.body()).startsWith(SCRATCH_URL + "/login-actions/");
        assertThat(official.body()).contains("kc-totp-secret");

        HttpResponse<String> enterprise = signIn("scratch-enterprise");
        // straight back to the client with an authorization code
        assertThat(enterprise.uri().toString()).startsWith(SCRATCH_URL + "/account/").contains("code=");
    }

    /** Keycloak's login page of the scratch realm's account console, user name and password filled in. */
    private static HttpResponse<String> signIn(String user) throws Exception {
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest("v".repeat(50).getBytes(StandardCharsets.US_ASCII)));
        KeycloakBrowser browser = new KeycloakBrowser(0);
        HttpResponse<String> loginPage = browser.openUrl(SCRATCH_URL + "/protocol/openid-connect/auth?client_id=account-console"
                + "&response_type=code&scope=openid&state=s1&code_challenge_method=S256&code_challenge=" + challenge
                + "&redirect_uri=" + URLEncoder.encode(SCRATCH_URL + "/account/", StandardCharsets.UTF_8));
        return browser.submitLogin(loginPage, user, PASSWORD);
    }

    private static void createUser(String username, String group) {
        String user = """
                {"username":"%s","enabled":true,"firstName":"测试","lastName":"用户","groups":["/%s"],
                 "credentials":[{"type":"password","value":"%s","temporary":false}]}""".formatted(username, group, PASSWORD);
        KeycloakTestRealm.expect2xx(KeycloakTestRealm.serverAdmin("POST", "/realms/" + SCRATCH + "/users", user));
    }
}
