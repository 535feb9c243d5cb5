package cn.huiqi.identity;

import java.util.Arrays;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import cn.huiqi.unit.InstitutionUnits;

/**
 * Three chains, first match wins:
 * <ol>
 * <li>the APIs (/engine-rest, the Jersey servlet of Camunda's REST API, and the app's /api): HTTP Basic for
 * API clients, or the session of the app's pages (read, never written; changes need the pages' CSRF
 * token); every request authenticated, the caller handed to the engine;</li>
 * <li>the Camunda webapps: they log in against the same identity store with their own session and
 * their own CSRF token, so Spring Security only adds headers;</li>
 * <li>the app's pages: the sign-in page {@code /login.html} (posting to {@code /login}) makes a session,
 * {@code POST /logout} ends it; the pages that show data need it (a browser is sent to sign in first),
 * the OpenAPI document and Swagger UI too when {@code huiqi.api-docs.require-login} (profile mysql).</li>
 * </ol>
 * Passwords are checked by {@link CamundaIdentityAuthenticationProvider} through the engine, so the login
 * protection of {@link LoginLockout} covers all three. Headers: {@link SecurityHeaders}.
 */
@Configuration
@Profile("!keycloak") // profile keycloak: KeycloakSecurityConfig
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfig {

    static final String REALM = "huiqi";

    // PathPatternRequestMatcher, not the String securityMatcher: that one builds an MVC matcher which
    // never matches the Jersey servlet, so /engine-rest would fall through to the public chain and the
    // engine, seeing no user, would skip authorization altogether.
    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    /** The pages that show data (their data comes from /api, which needs a caller anyway). */
    static final String[] SIGNED_IN_PAGES = {"/cases.html", "/projects.html", "/fund.html", "/settlements.html", "/rules.html",
            "/rounds.html", "/evaluations.html", "/inbox.html", "/calendar.html", "/case.html", "/apply.html", "/supplement.html",
            "/receipt.html", "/demands.html", "/assistance.html", "/assistance-figures.html", "/financing-figures.html", "/financing-events.html", "/guide-funds.html",
            "/financing.html", "/institution.html"};
    static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**"};

    private final CsrfTokenRepository pageCsrfTokens = PageCsrf.tokens();

    /**
     * The app's public API, no login in any profile: the policy and its measures (GET /api/measures, /api/measures/{id}),
     * the guides (GET /api/public/guides, /api/public/guides/{measure}) and the policy calculator (POST /api/public/calculator).
     */
    static RequestMatcher publicApi() {
        return new OrRequestMatcher(PATHS.matcher(HttpMethod.GET, "/api/measures"), PATHS.matcher(HttpMethod.GET, "/api/measures/*"),
                PATHS.matcher(HttpMethod.GET, "/api/public/guides"), PATHS.matcher(HttpMethod.GET, "/api/public/guides/*"),
                PATHS.matcher(HttpMethod.POST, "/api/public/calculator"));
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, AuthenticationProvider apiAuthenticationProvider,
                                 IdentityService identityService, InstitutionUnits institutions,
                                 @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) throws Exception {
        AuthenticationEntryPoint authenticationRequired = JsonErrorResponses.authenticationRequired(REALM);
        http.securityMatcher(new OrRequestMatcher(PATHS.matcher("/engine-rest/**"), PATHS.matcher("/api/**")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(SecurityConfig.publicApi()).permitAll()
                        .anyRequest().authenticated())
                .authenticationManager(new ProviderManager(apiAuthenticationProvider))
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(authenticationRequired))
                .securityContext(context -> context.securityContextRepository(new DelegatingSecurityContextRepository(
                        new RequestAttributeSecurityContextRepository(), new ReadOnlySessionSecurityContext())))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(csrf -> csrf.csrfTokenRepository(pageCsrfTokens)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(PageCsrf::required))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(authenticationRequired)
                        .accessDeniedHandler(JsonErrorResponses.notAllowed()))
                .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
                .addFilterAfter(new InstitutionsOffEngineRest(institutions), EngineAuthenticationFilter.class);
        SecurityHeaders.apply(http, webappPath);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain camundaWebappChain(HttpSecurity http,
                                           @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath)
            throws Exception {
        http.securityMatcher(PATHS.matcher(webappPath + "/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // the webapps send their own X-XSRF-TOKEN, checked by Camunda's CsrfPreventionFilter
                .csrf(csrf -> csrf.disable());
        SecurityHeaders.apply(http, webappPath);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pageChain(HttpSecurity http, AuthenticationProvider apiAuthenticationProvider,
                                  @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
                                  @Value("${huiqi.api-docs.require-login:true}") boolean apiDocsRequireLogin)
            throws Exception {
        AuthenticationEntryPoint signInFirst = PageSignIn.signInFirst(JsonErrorResponses.authenticationRequired(REALM));
        RequestMatcher apiDocs = anyOf(API_DOCS);
        http.authorizeHttpRequests(requests -> {
                    requests.requestMatchers(anyOf(SIGNED_IN_PAGES)).authenticated();
                    if (apiDocsRequireLogin) {
                        requests.requestMatchers(apiDocs).authenticated();
                    }
                    requests.anyRequest().permitAll();
                })
                .authenticationManager(new ProviderManager(apiAuthenticationProvider))
                .formLogin(login -> login.loginPage(PageSignIn.PAGE)
                        .loginProcessingUrl("/login")
                        .successHandler(PageSignIn.signedIn())
                        .failureHandler(PageSignIn.refused()))
                // Basic for API clients reading the OpenAPI document (no challenge to browsers)
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(signInFirst))
                .logout(logout -> logout.logoutRequestMatcher(PATHS.matcher(HttpMethod.POST, "/logout"))
                        .logoutSuccessHandler(PageSignIn.signedOut())
                        .deleteCookies(PageCsrf.COOKIE))
                .csrf(csrf -> csrf.csrfTokenRepository(pageCsrfTokens)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .addFilterAfter(PageCsrf.issueToken(), CsrfFilter.class)
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(signInFirst)
                        .accessDeniedHandler(JsonErrorResponses.notAllowed()));
        SecurityHeaders.apply(http, webappPath);
        return http.build();
    }

    /**
     * With Keycloak: the pages that need a signed-in user (Keycloak's login page first), the OpenAPI
     * document and Swagger UI, and login.html (which then sends the signed-in browser straight on).
     */
    static RequestMatcher keycloakSignedInPages() {
        return new OrRequestMatcher(anyOf(SIGNED_IN_PAGES), anyOf(API_DOCS), PATHS.matcher(PageSignIn.PAGE));
    }

    /** The page a sign-out lands on, {@code /login.html?signedOut}: open without a session in every profile. */
    static RequestMatcher signedOutPage() {
        RequestMatcher page = PATHS.matcher(HttpMethod.GET, PageSignIn.PAGE);
        return request -> page.matches(request) && request.getParameter("signedOut") != null;
    }

    private static RequestMatcher anyOf(String... patterns) {
        return new OrRequestMatcher(Arrays.stream(patterns).<RequestMatcher>map(PATHS::matcher).toList());
    }
}
