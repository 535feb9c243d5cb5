package cn.huiqi.identity;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Three chains, first match wins:
 * <ol>
 * <li>the APIs (/engine-rest, the Jersey servlet of Camunda's REST API, and the app's /api): stateless
 * HTTP Basic, every request authenticated, the caller handed to the engine;</li>
 * <li>the Camunda webapps: they log in against the same identity store with their own session and
 * their own CSRF token, so Spring Security only adds headers;</li>
 * <li>everything else (static pages, Swagger UI, OpenAPI document): public.</li>
 * </ol>
 */
@Configuration
@Profile("!keycloak") // profile keycloak: KeycloakSecurityConfig
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityConfig {

    static final String REALM = "huiqi";

    // PathPatternRequestMatcher, not the String securityMatcher: that one builds an MVC matcher which
    // never matches the Jersey servlet, so /engine-rest would fall through to the public chain and the
    // engine, seeing no user, would skip authorization altogether.
    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, AuthenticationProvider apiAuthenticationProvider,
                                 IdentityService identityService) throws Exception {
        AuthenticationEntryPoint authenticationRequired = JsonErrorResponses.authenticationRequired(REALM);
        http.securityMatcher(new OrRequestMatcher(PATHS.matcher("/engine-rest/**"), PATHS.matcher("/api/**")))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .authenticationManager(new ProviderManager(apiAuthenticationProvider))
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(authenticationRequired))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(authenticationRequired)
                        .accessDeniedHandler(JsonErrorResponses.notAllowed()))
                .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class);
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
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain publicChain(HttpSecurity http) throws Exception {
        // /, *.html, /css, /js, /swagger-ui, /v3/api-docs: everything that needs a caller is in the API chain
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }
}
