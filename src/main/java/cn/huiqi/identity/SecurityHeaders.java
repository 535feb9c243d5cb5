package cn.huiqi.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The security headers of every response, the same with the built-in identity ({@link SecurityConfig})
 * and with Keycloak ({@link KeycloakSecurityConfig}); each of their chains calls {@link #apply}.
 * <ul>
 * <li>the app's pages ({@code /}, {@code *.html}, their scripts, Swagger UI): {@link #PAGE_POLICY}, which
 * the pages satisfy because they have no inline script or style;</li>
 * <li>the APIs ({@code /api}, {@code /engine-rest}): {@link #API_POLICY}, JSON loads nothing;</li>
 * <li>the Camunda webapps: no CSP from here, they send their own (two policies would both apply).</li>
 * </ul>
 * Everywhere: {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY}, {@code Referrer-Policy:
 * same-origin}, {@code Permissions-Policy} denying devices, and HSTS on requests that arrived over TLS
 * (behind a TLS-terminating proxy set {@code server.forward-headers-strategy=native}).
 */
public final class SecurityHeaders {

    public static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    public static final String PERMISSIONS_POLICY =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=()";
    static final long HSTS_SECONDS = 31_536_000;

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    private SecurityHeaders() {
    }

    public static void apply(HttpSecurity http, String webappPath) throws Exception {
        RequestMatcher apis = new OrRequestMatcher(PATHS.matcher("/api/**"), PATHS.matcher("/engine-rest/**"));
        RequestMatcher pages = new AndRequestMatcher(new NegatedRequestMatcher(apis),
                new NegatedRequestMatcher(PATHS.matcher(webappPath + "/**")));
        http.headers(headers -> headers
                .contentTypeOptions(options -> { })
                .frameOptions(frames -> frames.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(HSTS_SECONDS).includeSubDomains(true))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(apis,
                        new StaticHeadersWriter("Content-Security-Policy", API_POLICY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(pages,
                        new StaticHeadersWriter("Content-Security-Policy", PAGE_POLICY))));
    }
}
