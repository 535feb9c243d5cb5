package cn.huiqi.identity;

import java.io.IOException;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Profile keycloak, API chain: turns a valid bearer token (or the OIDC session of the app's own pages)
 * into the request's caller "user + GROUP_ authorities", the shape {@link EngineAuthenticationFilter}
 * hands to the engine. Groups are looked up per request, never taken from the token, so a group removed
 * in Keycloak stops counting once the plugin's cache expires, even for a token issued before.
 * Only this request's security context changes; a session's stored login stays as it was.
 * Not a bean on purpose (Spring Boot would register it for every URL).
 */
class KeycloakCallerFilter extends OncePerRequestFilter {

    private final KeycloakCallers callers;

    public KeycloakCallerFilter(KeycloakCallers callers) {
        this.callers = callers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken || authentication instanceof OAuth2AuthenticationToken) {
            Caller caller = callers.resolve(authentication);
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            if (caller != null) {
                UsernamePasswordAuthenticationToken resolved = UsernamePasswordAuthenticationToken.authenticated(
                        caller.userId(), null, GroupAuthorities.of(caller.groupIds()));
                resolved.setDetails(authentication);
                context.setAuthentication(resolved);
            }
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
