package cn.huiqi.identity;

import java.io.IOException;
import java.util.Set;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * CSRF protection of the pages' session (built-in identity): the token is a cookie the pages' script
 * reads and sends back as a header (double submit), under names of its own so it never meets Camunda
 * webapps' XSRF-TOKEN cookie. Another site can neither read the cookie nor set the header.
 */
final class PageCsrf {

    static final String COOKIE = "HUIQI-XSRF-TOKEN";
    static final String HEADER = "X-HUIQI-XSRF-TOKEN";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private PageCsrf() {
    }

    static CsrfTokenRepository tokens() {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieName(COOKIE);
        tokens.setHeaderName(HEADER);
        tokens.setCookiePath("/");
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        return tokens;
    }

    /**
     * API requests that need the token: those that change something and carry a session cookie (the
     * pages' session; whatever else they carry, an Authorization header included) or come from a browser
     * on another site. Plain API clients with Basic credentials and no cookie need none.
     */
    static boolean required(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        return request.getRequestedSessionId() != null
                || (site != null && !site.equals("same-origin") && !site.equals("none"));
    }

    /** Makes sure the pages have a token cookie to read (Spring creates it lazily). */
    static OncePerRequestFilter issueToken() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                    token.getToken();
                }
                chain.doFilter(request, response);
            }
        };
    }
}
