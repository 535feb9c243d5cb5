package cn.huiqi.identity;

import java.util.Iterator;
import java.util.LinkedHashMap;

import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.web.util.WebUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The OIDC login's authorization requests on their way through Keycloak, in the app session, several at once, each
 * found by its {@code state}. Spring Security's {@link HttpSessionOAuth2AuthorizationRequestRepository} keeps one per
 * session: when a browser is sent to Keycloak twice close together (two tabs, a double click) the second request
 * replaces the first, and the browser, back from Keycloak with the first's state, lands on {@code /login?error}
 * (authorization_request_not_found). Spring Security 5 had {@code setAllowMultipleAuthorizationRequests(true)} for
 * this. At most {@link #MAX_PENDING} are kept (the oldest goes); the one a login completes is removed, the others stay
 * for their own tabs until the session ends.
 */
final class PendingAuthorizationRequests implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    static final int MAX_PENDING = 10;

    private static final String ATTRIBUTE = PendingAuthorizationRequests.class.getName() + ".PENDING";

    @Override
    public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        return byState(request, (session, pending, state) -> pending.get(state));
    }

    @Override
    public void saveAuthorizationRequest(OAuth2AuthorizationRequest authorizationRequest, HttpServletRequest request,
                                         HttpServletResponse response) {
        if (authorizationRequest == null) {
            removeAuthorizationRequest(request, response);
            return;
        }
        HttpSession session = request.getSession();
        synchronized (WebUtils.getSessionMutex(session)) {
            LinkedHashMap<String, OAuth2AuthorizationRequest> pending = pending(session);
            if (pending == null) {
                pending = new LinkedHashMap<>();
            }
            pending.put(authorizationRequest.getState(), authorizationRequest);
            for (Iterator<String> oldest = pending.keySet().iterator(); pending.size() > MAX_PENDING; ) {
                oldest.next();
                oldest.remove();
            }
            session.setAttribute(ATTRIBUTE, pending); // again, so that a session store sees the change
        }
    }

    @Override
    public OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request, HttpServletResponse response) {
        return byState(request, (session, pending, state) -> {
            OAuth2AuthorizationRequest removed = pending.remove(state);
            if (removed != null) {
                if (pending.isEmpty()) {
                    session.removeAttribute(ATTRIBUTE);
                } else {
                    session.setAttribute(ATTRIBUTE, pending);
                }
            }
            return removed;
        });
    }

    /** What {@code action} answers for the request's state and its session's pending requests, under the session's mutex. */
    private static OAuth2AuthorizationRequest byState(HttpServletRequest request, ByState action) {
        String state = request.getParameter(OAuth2ParameterNames.STATE);
        HttpSession session = request.getSession(false);
        if (state == null || session == null) {
            return null;
        }
        synchronized (WebUtils.getSessionMutex(session)) {
            LinkedHashMap<String, OAuth2AuthorizationRequest> pending = pending(session);
            return pending == null ? null : action.apply(session, pending, state);
        }
    }

    private interface ByState {
        OAuth2AuthorizationRequest apply(HttpSession session, LinkedHashMap<String, OAuth2AuthorizationRequest> pending, String state);
    }

    @SuppressWarnings("unchecked")
    private static LinkedHashMap<String, OAuth2AuthorizationRequest> pending(HttpSession session) {
        return (LinkedHashMap<String, OAuth2AuthorizationRequest>) session.getAttribute(ATTRIBUTE);
    }
}
