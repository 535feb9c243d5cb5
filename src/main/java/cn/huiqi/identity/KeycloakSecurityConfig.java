package cn.huiqi.identity;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Profile {@code keycloak}: realm huiqi is the identity of every user.
 * <ul>
 * <li>Camunda's identity service is the read-only Keycloak plugin (users, groups, memberships).</li>
 * <li>Chain 1, {@code /engine-rest/**} and {@code /api/**}: JWT resource server (signature from the realm's
 * keys, issuer, audience {@code huiqi.keycloak.audience}, expiry); 401 JSON without or with a bad token,
 * 403 JSON when not allowed. /api also takes the OIDC session of the app's own pages (cases.html), with
 * CSRF protection for such session requests that change something.</li>
 * <li>Chain 2, everything else: OIDC login (authorization code + PKCE) for the Camunda webapps and the
 * app's pages; Camunda's ContainerBasedAuthenticationFilter turns that login into a webapp session;
 * logout ends the app session and the Keycloak session.</li>
 * </ul>
 */
@Configuration
@Profile("keycloak")
@EnableConfigurationProperties(KeycloakProperties.class)
class KeycloakSecurityConfig {

    static final String REGISTRATION_ID = "keycloak";
    /**
     * On every answer of the webapps (their logout's too): where a signed-out browser goes, the portal's signed-out
     * page (read by the webapps' script huiqi-signed-out.js; its presence says the sign-in is Keycloak's).
     */
    static final String SIGNED_OUT_HEADER = "X-Huiqi-Signed-Out";

    private static final Logger log = LoggerFactory.getLogger(KeycloakSecurityConfig.class);
    // PathPatternRequestMatcher, never the String securityMatcher: see SecurityConfig (the Jersey servlet)
    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final DefaultBearerTokenResolver BEARER_TOKENS = new DefaultBearerTokenResolver();

    @Bean
    HuiqiKeycloakIdentityProviderPlugin keycloakIdentityProviderPlugin(KeycloakProperties properties) {
        return new HuiqiKeycloakIdentityProviderPlugin(properties);
    }

    /** Tokens signed by the realm's keys, issued by the realm, for audience huiqi-api, not expired. */
    @Bean
    JwtDecoder keycloakJwtDecoder(KeycloakProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder
                .withJwkSetUri(properties.backchannelUrl() + "/protocol/openid-connect/certs").build();
        JwtClaimValidator<List<String>> audience = new JwtClaimValidator<>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(properties.audience()));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(properties.issuer()),
                audience));
        return decoder;
    }

    /**
     * Built here rather than from spring.security.oauth2.client properties: those would fetch the issuer's
     * discovery document at start-up, which fails where the app reaches Keycloak under another name than
     * the browser does (docker compose). Browser-facing endpoint: authorize and logout; the rest back channel.
     */
    @Bean
    ClientRegistrationRepository keycloakClientRegistrations(KeycloakProperties properties) {
        String browser = properties.issuer() + "/protocol/openid-connect";
        String backchannel = properties.backchannelUrl() + "/protocol/openid-connect";
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientName("惠企 Keycloak")
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .authorizationUri(browser + "/auth")
                .tokenUri(backchannel + "/token")
                .jwkSetUri(backchannel + "/certs")
                .issuerUri(properties.issuer())
                .userNameAttributeName(KeycloakCallers.USER_NAME_CLAIM)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", browser + "/logout"))
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    /** The OIDC login's tokens, in the app session (both chains read them). */
    @Bean
    HttpSessionOAuth2AuthorizedClientRepository keycloakAuthorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Session events (id changed at login, destroyed) for the back-channel logout's session registry. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    HttpSessionEventPublisher keycloakSessionEvents() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    @Order(1)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain keycloakApiChain(HttpSecurity http, JwtDecoder keycloakJwtDecoder, KeycloakCallers callers,
                                         IdentityService identityService, KeycloakProperties properties,
                                         HttpSessionOAuth2AuthorizedClientRepository keycloakAuthorizedClients,
                                         cn.huiqi.unit.InstitutionUnits institutions) throws Exception {
        AuthenticationEntryPoint tokenRequired = JsonErrorResponses.bearerTokenRequired(SecurityConfig.REALM);
        http.securityMatcher(new OrRequestMatcher(PATHS.matcher("/engine-rest/**"), PATHS.matcher("/api/**")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(SecurityConfig.publicApi()).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(KeycloakSecurityConfig::bearerTokenWithoutSession)
                        .jwt(jwt -> jwt.decoder(keycloakJwtDecoder))
                        .authenticationEntryPoint(tokenRequired)
                        .accessDeniedHandler(JsonErrorResponses.notAllowed()))
                // reads the session of a user logged in on the app's pages, but never writes one: a bearer
                // token authenticates its own request only, it must not leave a session cookie behind
                .securityContext(context -> context.securityContextRepository(new DelegatingSecurityContextRepository(
                        new RequestAttributeSecurityContextRepository(), readOnly(new HttpSessionSecurityContextRepository()))))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                // the pages' token (PageCsrf): the same cookie and header as in the quick start
                .csrf(csrf -> csrf.csrfTokenRepository(PageCsrf.tokens())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(KeycloakSecurityConfig::changesWithSessionCookie))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(tokenRequired)
                        .accessDeniedHandler(JsonErrorResponses.notAllowed()))
                .addFilterAfter(new StillSignedInFilter(properties, keycloakAuthorizedClients), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new KeycloakCallerFilter(callers), StillSignedInFilter.class)
                .addFilterAfter(new EngineAuthenticationFilter(identityService), KeycloakCallerFilter.class)
                .addFilterAfter(new InstitutionsOffEngineRest(institutions), EngineAuthenticationFilter.class);
        SecurityHeaders.apply(http);
        return http.build();
    }

    @Bean
    @Order(2)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain keycloakWebChain(HttpSecurity http, ClientRegistrationRepository keycloakClientRegistrations,
                                         KeycloakCallers callers, KeycloakProperties properties,
                                         HttpSessionOAuth2AuthorizedClientRepository authorizedClients,
                                         @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath)
            throws Exception {
        RequestMatcher camundaApi = PATHS.matcher(webappPath + "/api/**");
        // the webapps' own logout (an XHR with Camunda's CSRF token, which a cross-site form cannot send); the
        // handlers below only look at the path: the token is checked when the request is matched, before
        // the logout invalidates the session that holds it
        RequestMatcher camundaLogoutPath = PATHS.matcher(HttpMethod.POST, webappPath + "/api/admin/auth/user/*/logout");
        RequestMatcher camundaLogout = new AndRequestMatcher(camundaLogoutPath, CamundaCsrfWithoutLogoutFilter::hasCamundasToken);

        DefaultOAuth2AuthorizationRequestResolver pkce = new DefaultOAuth2AuthorizationRequestResolver(
                keycloakClientRegistrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

        SavedRequestAwareAuthenticationSuccessHandler afterLogin = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                                Authentication authentication) throws jakarta.servlet.ServletException, IOException {
                // binds an enterprise user to its enterprise before Tasklist's start form needs it
                callers.resolve(authentication);
                // Keycloak just signed the user in: the next check against Keycloak is due one interval from now
                request.getSession().setAttribute(StillSignedInFilter.CHECKED_AT, java.time.Instant.now());
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };

        // the page to come back to after Keycloak's login, never one of its fonts or scripts (PageNavigations)
        HttpSessionRequestCache pagesOnly = new HttpSessionRequestCache();
        pagesOnly.setRequestMatcher(new PageNavigations());
        afterLogin.setRequestCache(pagesOnly);

        OidcClientInitiatedLogoutSuccessHandler rpInitiatedLogout =
                new OidcClientInitiatedLogoutSuccessHandler(keycloakClientRegistrations);
        // back from Keycloak's end-session to the app's signed-out page (open without a session; it links to sign in again)
        rpInitiatedLogout.setPostLogoutRedirectUri("{baseUrl}" + PageSignIn.PAGE + "?signedOut");
        LogoutSuccessHandler afterLogout = (request, response, authentication) -> {
            if (camundaLogoutPath.matches(request)) {
                // the webapps' menu then goes to the portal's signed-out page, not to Camunda's own login form,
                // which cannot sign anyone in here (webjars/camunda/app/huiqi-signed-out.js)
                response.setHeader(SIGNED_OUT_HEADER, request.getContextPath() + PageSignIn.PAGE + "?signedOut");
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            } else {
                rpInitiatedLogout.onLogoutSuccess(request, response, authentication);
            }
        };

        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(SecurityConfig.signedOutPage()).permitAll()
                        .requestMatchers(PATHS.matcher(webappPath + "/**"), SecurityConfig.keycloakSignedInPages()).authenticated()
                        .anyRequest().permitAll())
                .requestCache(cache -> cache.requestCache(pagesOnly))
                .oauth2Login(login -> login
                        .clientRegistrationRepository(keycloakClientRegistrations)
                        .authorizedClientRepository(authorizedClients)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(pkce)
                                .authorizationRequestRepository(new PendingAuthorizationRequests()))
                        .successHandler(afterLogin))
                // Keycloak's back-channel logout (the realm client's backchannel.logout.url) ends the app session
                // of a Keycloak session that ended: signed out elsewhere, ended by an administrator, expired
                .oidcLogout(logout -> logout.backChannel(Customizer.withDefaults()))
                .addFilterBefore(new StillSignedInFilter(properties, authorizedClients), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new CamundaCsrfWithoutLogoutFilter(new OrRequestMatcher(camundaApi,
                        PATHS.matcher(webappPath + "/app/**"))), StillSignedInFilter.class)
                .logout(logout -> logout
                        .logoutRequestMatcher(new OrRequestMatcher(PATHS.matcher(HttpMethod.POST, "/logout"), camundaLogout))
                        .addLogoutHandler(endKeycloakSession(properties, authorizedClients, camundaLogoutPath))
                        .logoutSuccessHandler(afterLogout))
                // the webapps send their own X-XSRF-TOKEN, checked by Camunda's CsrfPreventionFilter
                .csrf(csrf -> csrf.csrfTokenRepository(PageCsrf.tokens())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .ignoringRequestMatchers(PATHS.matcher(webappPath + "/**")))
                .addFilterAfter(PageCsrf.issueToken(), CsrfFilter.class)
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(JsonErrorResponses.bearerTokenRequired(SecurityConfig.REALM), camundaApi)
                        // only a page goes through Keycloak's login: a script, font or XHR that followed the
                        // redirect would open a session of its own on the way, and its cookie, arriving after the
                        // page's, would send the page's login back into a session without its state
                        .defaultAuthenticationEntryPointFor(JsonErrorResponses.signInByPage(),
                                new NegatedRequestMatcher(new PageNavigations())));
        // every webapp answer names the portal's signed-out page: the webapps' script goes there (or back through
        // Keycloak's login) instead of to Camunda's own login form, which cannot sign anyone in here
        http.headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                PATHS.matcher(webappPath + "/**"), new StaticHeadersWriter(SIGNED_OUT_HEADER, PageSignIn.PAGE + "?signedOut"))));
        // the pages' sign-out form ends at Keycloak's end-session endpoint (a redirect the form's CSP must allow)
        URI issuer = URI.create(properties.issuer());
        SecurityHeaders.apply(http, webappPath, issuer.getScheme() + "://" + issuer.getRawAuthority());
        return http.build();
    }

    /** Logs the OIDC user into Camunda's webapps (after Spring Security's filter chain has run). */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaContainerBasedAuthentication(
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("Keycloak container-based authentication");
        registration.setInitParameters(Map.of("authentication-provider", KeycloakWebappAuthenticationProvider.class.getName()));
        registration.addUrlPatterns(webappPath + "/app/*", webappPath + "/api/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 201);
        return registration;
    }

    /**
     * The webapps log out with an XHR, which cannot follow a redirect to Keycloak's logout page; so for
     * them the app ends the Keycloak session itself on the back channel (OIDC logout with the refresh token).
     * The pages' POST /logout ends it the standard way (RP-initiated logout redirect with id_token_hint).
     */
    private static LogoutHandler endKeycloakSession(KeycloakProperties properties,
                                                    HttpSessionOAuth2AuthorizedClientRepository authorizedClients,
                                                    RequestMatcher camundaLogout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (urlEncode(properties.clientId()) + ":" + urlEncode(properties.clientSecret())).getBytes(StandardCharsets.UTF_8));
        return (request, response, authentication) -> {
            if (authentication == null || !camundaLogout.matches(request)) {
                return;
            }
            OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient(REGISTRATION_ID, authentication, request);
            OAuth2RefreshToken refreshToken = client == null ? null : client.getRefreshToken();
            if (refreshToken == null) {
                return;
            }
            HttpRequest logout = HttpRequest.newBuilder(URI.create(properties.backchannelUrl() + "/protocol/openid-connect/logout"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("refresh_token=" + urlEncode(refreshToken.getTokenValue())))
                    .build();
            try {
                HttpResponse<Void> answer = http.send(logout, HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() / 100 != 2) {
                    log.warn("Keycloak answered {} to the back-channel logout of {}", answer.statusCode(), authentication.getName());
                }
            } catch (IOException e) {
                log.warn("Back-channel logout of {} failed: {}", authentication.getName(), e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private static SecurityContextRepository readOnly(SecurityContextRepository repository) {
        return new SecurityContextRepository() {
            @Override
            @SuppressWarnings("deprecation")
            public SecurityContext loadContext(HttpRequestResponseHolder holder) {
                return repository.loadDeferredContext(holder.getRequest()).get();
            }

            @Override
            public org.springframework.security.core.context.DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
                return repository.loadDeferredContext(request);
            }

            @Override
            public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
                // read only
            }

            @Override
            public boolean containsContext(HttpServletRequest request) {
                return repository.containsContext(request);
            }
        };
    }

    /**
     * A request that changes something with a live session cookie needs a CSRF token, whatever else it carries
     * (an Authorization header too: which credential the request ends up using must not decide whether another
     * site may have sent it). Cookie-less requests (bearer tokens) need none.
     */
    static boolean changesWithSessionCookie(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod())
                && request.getRequestedSessionId() != null
                && request.isRequestedSessionIdValid();
    }

    /**
     * The bearer token of a request that has no live session cookie. A request with one is a session request:
     * its Authorization header is not used, so it can neither pick another identity nor, through Spring's
     * "bearer requests need no CSRF token" rule, skip the CSRF check ({@link #changesWithSessionCookie}).
     */
    static String bearerTokenWithoutSession(HttpServletRequest request) {
        if (request.getRequestedSessionId() != null && request.isRequestedSessionIdValid()) {
            return null;
        }
        return BEARER_TOKENS.resolve(request);
    }

    private static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
