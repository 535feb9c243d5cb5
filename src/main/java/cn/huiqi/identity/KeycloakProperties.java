package cn.huiqi.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Profile {@code keycloak}: where the realm is and how the app talks to it (application-keycloak.yml).
 *
 * @param issuer the realm URL as browsers see it and as tokens name it in {@code iss}, e.g.
 *               http://127.0.0.1:8180/realms/huiqi
 * @param backchannelUrl the realm URL the server uses for tokens, keys and the admin API (differs from
 *               {@code issuer} only when the app reaches Keycloak under another name, as in docker compose)
 * @param clientId the confidential web SSO client (authorization code flow)
 * @param identityClientId the identity plugin's service-account client (query-groups, query-users, view-users)
 * @param audience what an API token's {@code aud} must contain
 * @param cacheTtl how long the identity plugin caches user and group look-ups; a user removed from a
 *               group in Keycloak loses the group's access at most this long after
 * @param clockSkew tolerance for {@code exp}/{@code nbf} of bearer tokens
 * @param sessionCheckInterval how often a signed-in user is checked against Keycloak again (the app session's
 *               refresh token is refreshed, a bearer token introspected): a user disabled or signed out in
 *               Keycloak loses a working app session at most this long after; at most one minute
 * @param demoMode start even though the realm is the demo realm: demo users with public passwords, the published
 *               local client secrets, the test client huiqi-dev (local machines and tests only)
 */
@ConfigurationProperties("huiqi.keycloak")
record KeycloakProperties(String issuer, String backchannelUrl, String clientId, String clientSecret,
                                 String identityClientId, String identityClientSecret, String audience,
                                 Duration cacheTtl, Duration clockSkew, Duration sessionCheckInterval,
                                 boolean demoMode) {

    static final Duration LONGEST_SESSION_CHECK_INTERVAL = Duration.ofMinutes(1);

    public KeycloakProperties {
        issuer = stripSlash(issuer);
        backchannelUrl = backchannelUrl == null || backchannelUrl.isBlank() ? issuer : stripSlash(backchannelUrl);
        cacheTtl = cacheTtl == null ? Duration.ofMinutes(2) : cacheTtl;
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
        sessionCheckInterval = sessionCheckInterval == null ? Duration.ofSeconds(30) : sessionCheckInterval;
        if (sessionCheckInterval.isNegative() || sessionCheckInterval.compareTo(LONGEST_SESSION_CHECK_INTERVAL) > 0) {
            throw new IllegalStateException("huiqi.keycloak.session-check-interval must be between 0 and "
                    + LONGEST_SESSION_CHECK_INTERVAL + " (is " + sessionCheckInterval + ")");
        }
    }

    /** http://host:port of the back channel, without the realm path. */
    public String backchannelServer() {
        return backchannelUrl.substring(0, backchannelUrl.indexOf("/realms/"));
    }

    public String realm() {
        return issuer.substring(issuer.indexOf("/realms/") + "/realms/".length());
    }

    private static String stripSlash(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("huiqi.keycloak.issuer is required in profile keycloak");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
