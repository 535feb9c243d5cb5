package cn.huiqi.identity;

import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The refused requests worth coming back to after signing in at Keycloak: a page the browser navigates to. A page's
 * fonts, scripts and images (and its XHRs) are not: when a session ends while a page still loads them (Tasklist's
 * fonts arrive late), each one refused would otherwise be saved in place of the page, in a session of its own, and
 * the browser would land on a font file after signing in again. Browsers say what a request is for (Fetch Metadata,
 * {@code Sec-Fetch-Mode}); without it (older browsers, HTTP clients) a GET asking for HTML that is no XHR counts.
 */
final class PageNavigations implements RequestMatcher {

    @Override
    public boolean matches(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        String mode = request.getHeader("Sec-Fetch-Mode");
        if (mode != null) {
            return mode.equals("navigate");
        }
        String accept = request.getHeader("Accept");
        return !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
                && accept != null && accept.contains("text/html");
    }
}
