package cn.huiqi.identity;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells a browser's request (page navigation, fetch/XHR of the app's pages) from a plain API client
 * (curl, scripts, the Modeler). Browsers get no {@code WWW-Authenticate: Basic} challenge: a challenge
 * makes them show their own password dialog and then send (and cache) the Basic credentials with every
 * later request to the site, cross-site form posts included. Every current browser sends
 * {@code Sec-Fetch-Mode}; older ones are recognised by {@code X-Requested-With} (the pages' fetch sets it),
 * {@code Origin} (any cross-origin or non-GET fetch) or an {@code Accept} asking for HTML.
 */
final class BrowserRequests {

    private BrowserRequests() {
    }

    public static boolean isBrowser(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return request.getHeader("Sec-Fetch-Mode") != null
                || request.getHeader("X-Requested-With") != null
                || request.getHeader("Origin") != null
                || (accept != null && accept.contains("text/html"));
    }

    /** A browser opening a page (rather than a script of a page asking for data). */
    static boolean isNavigation(HttpServletRequest request) {
        String mode = request.getHeader("Sec-Fetch-Mode");
        if (mode != null) {
            return mode.equals("navigate");
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html") && request.getHeader("X-Requested-With") == null;
    }
}
