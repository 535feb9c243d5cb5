package cn.huiqi.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.context.SecurityContextHolderFilter;
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
 * <li>the app's pages ({@code /}, {@code *.html}, their scripts): {@link #PAGE_POLICY}, which the pages
 * satisfy because they have no inline script or style; the rules page's editor and Swagger UI need inline
 * styles ({@link #RULES_PAGE_POLICY}, {@link #SWAGGER_UI_POLICY}), never inline script;</li>
 * <li>the APIs ({@code /api}, {@code /engine-rest}): {@link #API_POLICY}, JSON loads nothing;</li>
 * <li>the Camunda webapps: no CSP from here, they send their own (two policies would both apply).</li>
 * </ul>
 * Everywhere: {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY}, {@code Referrer-Policy:
 * same-origin}, {@code Permissions-Policy} denying devices, and HSTS on requests that arrived over TLS
 * (behind a TLS-terminating proxy set {@code server.forward-headers-strategy=native}).
 */
final class SecurityHeaders {

    public static final String PAGE_POLICY = policy("style-src 'self'");
    /**
     * rules.html: its decision-table editor (camunda-dmn-js) writes style attributes, so those are allowed
     * there (style-src-attr; a style attribute runs no script), style elements and scripts still only from
     * the app.
     */
    public static final String RULES_PAGE_POLICY = policy("style-src 'self'; style-src-attr 'unsafe-inline'");
    /** Swagger UI (springdoc's bundle) adds inline styles; scripts still only from the app. */
    public static final String SWAGGER_UI_POLICY = policy("style-src 'self' 'unsafe-inline'");
    public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    public static final String PERMISSIONS_POLICY =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=()";
    static final long HSTS_SECONDS = 31_536_000;

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    private SecurityHeaders() {
    }

    /** For a chain that serves only the APIs (the webapps' path then does not matter). */
    public static void apply(HttpSecurity http) throws Exception {
        apply(http, "/camunda");
    }

    public static void apply(HttpSecurity http, String webappPath) throws Exception {
        apply(http, webappPath, null);
    }

    /**
     * {@code signOutOrigin}: the other origin a page's form may end up at, or null. With Keycloak the pages' sign-out
     * form posts to /logout, which answers with a redirect to Keycloak's end-session endpoint; browsers apply
     * {@code form-action} to the redirects of a form's submission too, so without Keycloak's origin there the
     * sign-out button does nothing (the HTTP client of KeycloakWebappLoginTest does not see it; Chromium does).
     */
    static void apply(HttpSecurity http, String webappPath, String signOutOrigin) throws Exception {
        RequestMatcher apis = new OrRequestMatcher(PATHS.matcher("/api/**"), PATHS.matcher("/engine-rest/**"));
        RequestMatcher rulesPage = PATHS.matcher("/rules.html");
        RequestMatcher swaggerUi = PATHS.matcher("/swagger-ui/**");
        RequestMatcher pages = new AndRequestMatcher(new NegatedRequestMatcher(apis),
                new NegatedRequestMatcher(PATHS.matcher(webappPath + "/**")),
                new NegatedRequestMatcher(rulesPage), new NegatedRequestMatcher(swaggerUi));
        // not a header, but every chain needs it too: the security log names the request (SecurityLog)
        http.addFilterBefore(SecurityLog.requestInLog(), SecurityContextHolderFilter.class);
        http.headers(headers -> headers
                .contentTypeOptions(options -> { })
                .frameOptions(frames -> frames.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(HSTS_SECONDS).includeSubDomains(true))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(apis,
                        new StaticHeadersWriter("Content-Security-Policy", API_POLICY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(pages,
                        new StaticHeadersWriter("Content-Security-Policy", formAction(PAGE_POLICY, signOutOrigin))))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(rulesPage,
                        new StaticHeadersWriter("Content-Security-Policy", formAction(RULES_PAGE_POLICY, signOutOrigin))))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swaggerUi,
                        new StaticHeadersWriter("Content-Security-Policy", formAction(SWAGGER_UI_POLICY, signOutOrigin)))));
    }

    static String formAction(String policy, String alsoAllowed) {
        return alsoAllowed == null ? policy : policy.replace("form-action 'self'", "form-action 'self' " + alsoAllowed);
    }

    private static String policy(String styles) {
        return "default-src 'self'; script-src 'self'; " + styles + "; img-src 'self' data:; font-src 'self' data:; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }
}
