package cn.huiqi.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Profile keycloak: what the demo realm (docker/keycloak/huiqi-realm-demo.json) ships is public: its users'
 * password, the local secrets of huiqi-app and huiqi-identity, the test client huiqi-dev with the password
 * grant. The app refuses to start while the realm has any of it, or while the app itself is configured with
 * a published secret, unless demo mode is on (huiqi.keycloak.demo-mode=true: scripts/keycloak.sh, the
 * tests, the local docker stack). Also checks that the plugin reaches Keycloak at all.
 */
@Component
@Profile("keycloak")
class KeycloakDemoRealmGuard implements SmartInitializingSingleton {

    /** client id → the secret the repository publishes for it. */
    static final Map<String, String> PUBLISHED_SECRETS = published();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final IdentityService identityService;
    private final KeycloakProperties properties;

    public KeycloakDemoRealmGuard(IdentityService identityService, KeycloakProperties properties) {
        this.identityService = identityService;
        this.properties = properties;
    }

    private static Map<String, String> published() {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("huiqi-app", "huiqi-app-local-secret");
        secrets.put("huiqi-identity", "huiqi-identity-local-secret");
        secrets.put("huiqi-dev", "huiqi-dev-local-secret");
        return Map.copyOf(secrets);
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> findings = findings();
        if (!findings.isEmpty() && !properties.demoMode()) {
            throw new IllegalStateException(refusal(properties.realm(), findings));
        }
    }

    static String refusal(String realm, List<String> findings) {
        return "Refusing to start (profile keycloak): realm " + realm + " or this app's configuration is the public"
                + " demo one: " + String.join("; ", findings) + ". Import docker/keycloak/huiqi-realm.json with your own"
                + " secrets (HUIQI_KEYCLOAK_APP_SECRET, HUIQI_KEYCLOAK_IDENTITY_SECRET) and without demo users, and give"
                + " the app the same secrets; only on a local machine set huiqi.keycloak.demo-mode=true"
                + " (HUIQI_KEYCLOAK_DEMO_MODE=true). / 拒绝启动：Keycloak 领域或本应用的配置仍是公开的演示配置（演示用户、"
                + "公开的本地客户端密钥或测试客户端 huiqi-dev）。请导入 docker/keycloak/huiqi-realm.json 并设置自己的密钥，"
                + "应用使用相同密钥；仅在本机试用时可设置 huiqi.keycloak.demo-mode=true。";
    }

    /** Everything demo-only this app and its realm still have; empty for a deployment. */
    public List<String> findings() {
        List<String> findings = new ArrayList<>(configuredPublishedSecrets(properties));
        List<String> demoUsers = demoUsersInRealm();
        if (!demoUsers.isEmpty()) {
            findings.add("demo users " + demoUsers);
        }
        PUBLISHED_SECRETS.forEach((client, secret) -> {
            if (realmAccepts(client, secret)) {
                findings.add("client " + client + " with its published secret");
            }
        });
        return findings;
    }

    /** The app's own client secrets, when they are the published ones (no Keycloak needed to tell). */
    static List<String> configuredPublishedSecrets(KeycloakProperties properties) {
        List<String> findings = new ArrayList<>();
        if (properties.clientSecret() != null && PUBLISHED_SECRETS.containsValue(properties.clientSecret())) {
            findings.add("huiqi.keycloak.client-secret is a published secret");
        }
        if (properties.identityClientSecret() != null && PUBLISHED_SECRETS.containsValue(properties.identityClientSecret())) {
            findings.add("huiqi.keycloak.identity-client-secret is a published secret");
        }
        if ("huiqi-dev".equals(properties.clientId())) {
            findings.add("huiqi.keycloak.client-id is the test client huiqi-dev");
        }
        return findings;
    }

    public List<String> demoUsersInRealm() {
        return identityService.createUserQuery().userIdIn(DemoAccounts.USER_IDS.toArray(String[]::new)).list().stream()
                .map(User::getId).sorted().toList();
    }

    /**
     * Whether the realm authenticates {@code client} with {@code secret}: token introspection answers 200 to
     * an authenticated client (here with {"active":false}) and 401 to a wrong or unknown one.
     */
    boolean realmAccepts(String client, String secret) {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest probe = HttpRequest.newBuilder(URI.create(properties.backchannelUrl() + "/protocol/openid-connect/token/introspect"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=probe"))
                .build();
        try {
            return HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak does not answer at " + properties.backchannelUrl() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the realm's client secrets", e);
        }
    }
}
