package cn.huiqi.identity;

import java.io.IOException;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Hands the authenticated caller to the engine for the duration of the request. Without it the engine
 * sees no user and skips every authorization check; with it /engine-rest is filtered by Camunda
 * authorizations and the app's own controllers read the caller through {@link CurrentCaller}.
 * Not a bean on purpose: Spring Boot would also register it as a servlet filter for every URL.
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identityService;

    public EngineAuthenticationFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        identityService.setAuthentication(authentication.getName(), GroupAuthorities.groupIdsOf(authentication));
        try {
            chain.doFilter(request, response);
        } finally {
            // the engine keeps the caller in a thread-local, and servlet threads are pooled
            identityService.clearAuthentication();
        }
    }
}
