package cn.huiqi.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.huiqi.common.FieldProblem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Profile keycloak: Camunda's CsrfPreventionFilter answers a webapp request without (or with a wrong)
 * X-XSRF-TOKEN by invalidating the session. With Keycloak that session is the whole app login, so one
 * forged cross-site POST would sign the user out. This check runs first, with the same rule (modifying
 * method, header equal to the token Camunda keeps in the session), and refuses with 403 while keeping
 * the session; requests that pass reach Camunda's filter, which then agrees. Not a bean (Spring Boot
 * would register it for every URL).
 */
final class CamundaCsrfWithoutLogoutFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final RequestMatcher webapps;

    CamundaCsrfWithoutLogoutFilter(RequestMatcher webapps) {
        this.webapps = webapps;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return SAFE_METHODS.contains(request.getMethod()) || !webapps.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getSession(false) != null && !hasCamundasToken(request)) {
            response.setHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME, CsrfConstants.CSRF_TOKEN_HEADER_REQUIRED);
            JsonErrorResponses.write(response, HttpServletResponse.SC_FORBIDDEN, FieldProblem.NOT_ALLOWED);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The request carries the webapps' CSRF token of its session in the X-XSRF-TOKEN header. */
    static boolean hasCamundasToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && tokenMatches(request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME),
                session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME));
    }

    private static boolean tokenMatches(String header, Object expected) {
        return header != null && !header.isBlank() && expected instanceof String token && !token.isBlank()
                && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
}
