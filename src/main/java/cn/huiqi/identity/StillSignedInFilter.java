package cn.huiqi.identity;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Profile keycloak: a signed-in user stays signed in only while Keycloak agrees, checked at most every
 * {@code huiqi.keycloak.session-check-interval} (≤ 1 minute) on the request that finds the check due:
 * <ul>
 * <li>an app session (OIDC login): its refresh token is used; Keycloak refuses it once the user is disabled
 * or its Keycloak session ended (signed out, expired, ended by an administrator), and the app session is
 * then invalidated (the Camunda webapp login in it too). A refusal is also what ends a session whose
 * back-channel logout never arrived. Refreshing keeps Keycloak's idle timer running while the user works.</li>
 * <li>a bearer token: introspected at Keycloak (the answer cached per token for the interval); an inactive
 * token (user disabled, session ended) no longer counts.</li>
 * </ul>
 * When Keycloak cannot answer the check fails closed: the request goes on unauthenticated (a new login,
 * which needs Keycloak anyway). Not a bean (Spring Boot would register it for every URL).
 */
final class StillSignedInFilter extends OncePerRequestFilter {

    static final String CHECKED_AT = StillSignedInFilter.class.getName() + ".CHECKED_AT";

    private static final Logger log = LoggerFactory.getLogger(StillSignedInFilter.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final KeycloakProperties properties;
    private final OAuth2AuthorizedClientRepository authorizedClients;
    private final RefreshTokenOAuth2AuthorizedClientProvider refresher = new RefreshTokenOAuth2AuthorizedClientProvider();
    private final Cache<String, Boolean> activeTokens;
    private final Clock clock = Clock.systemUTC();

    StillSignedInFilter(KeycloakProperties properties, OAuth2AuthorizedClientRepository authorizedClients) {
        this.properties = properties;
        this.authorizedClients = authorizedClients;
        // "expired" for the provider = always, so asking it refreshes; we ask only when the check is due
        refresher.setClockSkew(Duration.ofDays(365));
        this.activeTokens = Caffeine.newBuilder().maximumSize(10_000)
                .expireAfterWrite(properties.sessionCheckInterval()).build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof OAuth2AuthenticationToken login && !sessionStillSignedIn(login, request, response)) {
            invalidate(request.getSession(false));
            SecurityContextHolder.clearContext();
        } else if (authentication instanceof JwtAuthenticationToken jwt && !tokenActive(jwt.getToken().getTokenValue())) {
            log.info("Bearer token of {} is no longer active at Keycloak: refused", authentication.getName());
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }

    /** A session invalidated meanwhile (a sign-out or back-channel logout on another request) counts as signed out. */
    private boolean sessionStillSignedIn(OAuth2AuthenticationToken login, HttpServletRequest request, HttpServletResponse response) {
        try {
            return checkSession(login, request, response);
        } catch (IllegalStateException invalidatedMeanwhile) {
            log.info("App session of {} ended on another request meanwhile: signed out", login.getName());
            return false;
        }
    }

    private static void invalidate(HttpSession session) {
        if (session == null) {
            return;
        }
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalidated) {
            // signed out on another request meanwhile: nothing left to end
        }
    }

    private boolean checkSession(OAuth2AuthenticationToken login, HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return true; // nothing stored, so nothing kept: an OIDC login always has a session
        }
        Instant now = clock.instant();
        Instant checkedAt = (Instant) session.getAttribute(CHECKED_AT);
        if (checkedAt != null && checkedAt.plus(properties.sessionCheckInterval()).isAfter(now)) {
            return true;
        }
        OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient(
                login.getAuthorizedClientRegistrationId(), login, request);
        if (client == null || client.getRefreshToken() == null) {
            log.info("App session of {} has no refresh token: ended", login.getName());
            return false;
        }
        OAuth2AuthorizedClient refreshed;
        try {
            refreshed = refresher.authorize(OAuth2AuthorizationContext.withAuthorizedClient(client).principal(login).build());
        } catch (OAuth2AuthorizationException refused) {
            log.info("Keycloak no longer signs in {} (user disabled or signed out): app session ended ({})",
                    login.getName(), refused.getMessage());
            return false;
        } catch (RuntimeException unreachable) {
            log.warn("Could not check {} at Keycloak, app session ended: {}", login.getName(), unreachable.toString());
            return false;
        }
        if (refreshed != null) {
            authorizedClients.saveAuthorizedClient(refreshed, login, request, response);
        }
        session.setAttribute(CHECKED_AT, now);
        return true;
    }

    private boolean tokenActive(String token) {
        // an answer is cached for the interval; no answer (Keycloak unreachable) refuses this request only
        return Boolean.TRUE.equals(activeTokens.get(sha256(token), key -> introspect(token)));
    }

    private Boolean introspect(String token) {
        String basic = Base64.getEncoder().encodeToString((urlEncode(properties.clientId()) + ":"
                + urlEncode(properties.clientSecret())).getBytes(StandardCharsets.UTF_8));
        HttpRequest introspection = HttpRequest.newBuilder(URI.create(properties.backchannelUrl() + "/protocol/openid-connect/token/introspect"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + urlEncode(token) + "&token_type_hint=access_token"))
                .build();
        try {
            HttpResponse<String> answer = HTTP.send(introspection, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (answer.statusCode() != 200) {
                log.warn("Keycloak answered {} to the introspection of a bearer token: refused", answer.statusCode());
                return null;
            }
            return JSON.readTree(answer.body()).path("active").asBoolean(false);
        } catch (IOException e) {
            log.warn("Could not introspect a bearer token at Keycloak: refused ({})", e.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
