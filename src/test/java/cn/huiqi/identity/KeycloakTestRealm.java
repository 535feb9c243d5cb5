package cn.huiqi.identity;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiqi.enterprise.EnterpriseRegister;
import cn.huiqi.enterprise.EnterpriseRepository;

/** The local test realm of docker/keycloak/huiqi-realm.json, as scripts/keycloak.sh runs it. */
public final class KeycloakTestRealm {

    /** scripts/keycloak.sh's address, also application-keycloak.yml's default issuer. */
    public static final String SERVER = "http://127.0.0.1:8180";
    public static final String ISSUER = SERVER + "/realms/huiqi";
    /** The realm's local/test client: password grant, any localhost redirect. */
    public static final String DEV_CLIENT = "huiqi-dev";
    public static final String DEV_CLIENT_SECRET = "huiqi-dev-local-secret";
    public static final String DEMO_PASSWORD = "Huiqi-Demo-2023";

    /** The demo enterprises of the realm's enterprise users (same as the quick start's db/demo). */
    static final Map<String, String[]> ENTERPRISES = Map.of(
            "ent-hongdu", new String[] {"91360102MA35HQ1D2F", "南昌洪都精密机械有限公司", "donghu"},
            "ent-jixiang", new String[] {"91360111MA38GK7X58", "江西𠮷祥电子科技有限公司", "qingshanhu"});

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeycloakTestRealm() {
    }

    public static boolean answers() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(ISSUER + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Explicit test data: the enterprises the realm's enterprise users name by USCC. */
    public static void registerDemoEnterprises(EnterpriseRegister register, EnterpriseRepository enterprises) {
        ENTERPRISES.values().forEach(e -> {
            if (enterprises.findByUscc(e[0]).isEmpty()) {
                register.register(new EnterpriseRegister.Registration(e[0], e[1], e[2], "联系人", "0791-86000000", null));
            }
        });
    }

    private static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, Long> TOKEN_TIMES = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * An access token of a realm user for the API (audience huiqi-api), by the test client's password grant;
     * reused for a minute (tokens live five), since most tests only need some valid token of the user.
     */
    public static String accessToken(String user) {
        Long fetched = TOKEN_TIMES.get(user);
        if (fetched == null || System.currentTimeMillis() - fetched > 60_000) {
            TOKENS.put(user, freshAccessToken(user));
            TOKEN_TIMES.put(user, System.currentTimeMillis());
        }
        return TOKENS.get(user);
    }

    public static String freshAccessToken(String user) {
        return tokens(ISSUER, DEV_CLIENT, DEV_CLIENT_SECRET, user, DEMO_PASSWORD).get("access_token").asText();
    }

    public static JsonNode tokens(String realmUrl, String client, String secret, String user, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", client);
        if (secret != null) {
            form.put("client_secret", secret);
        }
        form.put("username", user);
        form.put("password", password);
        form.put("scope", "openid");
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))));
        if (response.statusCode() != 200) {
            throw new AssertionError("token for " + user + " via " + client + ": " + response.statusCode() + " " + response.body()
                    + (realmUrl.equals(ISSUER) ? bruteForceStatus(user) : ""));
        }
        return json(response.body());
    }

    /** Why Keycloak refused a known password: the realm's brute-force record of the user (diagnostics only). */
    private static String bruteForceStatus(String user) {
        try {
            return "; brute-force status of " + user + ": "
                    + admin("GET", "/attack-detection/brute-force/users/" + userUuid(user), null).body();
        } catch (RuntimeException | AssertionError e) {
            return "; brute-force status unavailable: " + e.getMessage();
        }
    }

    /** The master realm's administrator of the local Keycloak (scripts/keycloak.sh: admin / admin). */
    public static String masterAdminToken() {
        return tokens(SERVER + "/realms/master", "admin-cli", null, "admin", "admin").get("access_token").asText();
    }

    public static HttpResponse<String> admin(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SERVER + "/admin/realms/huiqi" + path))
                .header("Authorization", "Bearer " + masterAdminToken())
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(request);
    }

    public static String userUuid(String username) {
        JsonNode users = json(admin("GET", "/users?exact=true&username=" + username, null).body());
        return users.get(0).get("id").asText();
    }

    public static String groupUuid(String groupName) {
        return json(admin("GET", "/group-by-path/" + groupName, null).body()).get("id").asText();
    }

    public static void removeFromGroup(String username, String groupName) {
        expect2xx(admin("DELETE", "/users/" + userUuid(username) + "/groups/" + groupUuid(groupName), null));
    }

    public static void addToGroup(String username, String groupName) {
        expect2xx(admin("PUT", "/users/" + userUuid(username) + "/groups/" + groupUuid(groupName), null));
    }

    /** Enables or disables a realm user, as an administrator would in the console. */
    public static void setEnabled(String username, boolean enabled) {
        expect2xx(admin("PUT", "/users/" + userUuid(username), "{\"enabled\":" + enabled + "}"));
    }

    /** Ends every Keycloak session of a user ("Sign out" in the console): Keycloak then sends back-channel logouts. */
    public static void signOutEverywhere(String username) {
        expect2xx(admin("POST", "/users/" + userUuid(username) + "/logout", null));
    }

    /** Points the test client's back-channel logout at the test server (its port is random). */
    public static void backChannelLogoutTo(int port) {
        JsonNode client = json(admin("GET", "/clients?clientId=" + DEV_CLIENT, null).body()).get(0);
        com.fasterxml.jackson.databind.node.ObjectNode update = client.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) update.get("attributes")).put("backchannel.logout.url",
                "http://localhost:" + port + "/logout/connect/back-channel/keycloak");
        ((com.fasterxml.jackson.databind.node.ObjectNode) update.get("attributes")).put("backchannel.logout.session.required", "true");
        expect2xx(admin("PUT", "/clients/" + client.get("id").asText(), update.toString()));
    }

    /** A call of realm huiqi's admin API with the given token (e.g. a service account's). */
    public static HttpResponse<String> adminAs(String token, String method, String path) {
        return adminAs(token, method, path, null);
    }

    public static HttpResponse<String> adminAs(String token, String method, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(SERVER + "/admin/realms/huiqi" + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A client-credentials token of a confidential client of realm huiqi (a service account). */
    public static String clientToken(String client, String secret) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(ISSUER + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "client_credentials",
                        "client_id", client, "client_secret", secret)))));
        expect2xx(response);
        return json(response.body()).get("access_token").asText();
    }

    /** The token endpoint's raw answer to a password grant (to show it refused). */
    public static HttpResponse<String> passwordGrant(String realmUrl, String client, String user, String password) {
        return send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password", "client_id", client,
                        "username", user, "password", password)))));
    }

    /** A call of Keycloak's admin API outside realm huiqi (e.g. creating a scratch realm). */
    public static HttpResponse<String> serverAdmin(String method, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(SERVER + "/admin" + path))
                .header("Authorization", "Bearer " + masterAdminToken())
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    public static void expect2xx(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(response.request().method() + " " + response.request().uri() + ": "
                    + response.statusCode() + " " + response.body());
        }
    }

    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
