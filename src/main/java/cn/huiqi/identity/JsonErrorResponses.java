package cn.huiqi.identity;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiqi.common.FieldProblem;
import jakarta.servlet.http.HttpServletResponse;

/** The API chain's refusals in the app's bilingual error shape {"errors":[{field, zh, en}]}. */
final class JsonErrorResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonErrorResponses() {
    }

    /**
     * 401 for a missing or wrong user name or password, saying so or that the account is locked (and
     * until when). The Basic challenge goes to plain API clients only, never to a browser
     * ({@link BrowserRequests}): browsers sign in on the sign-in page.
     */
    public static AuthenticationEntryPoint authenticationRequired(String realm) {
        return (request, response, exception) -> {
            if (!BrowserRequests.isBrowser(request)) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
            }
            write(response, HttpServletResponse.SC_UNAUTHORIZED, exception instanceof AccountLockedException locked
                    ? locked.problem() : FieldProblem.AUTHENTICATION_REQUIRED);
        };
    }

    /**
     * 401 with a Bearer challenge (RFC 6750; it names the token error, e.g. invalid_token, when there was a
     * token), for a missing, expired, wrongly signed or wrong-audience bearer token (profile keycloak).
     */
    public static AuthenticationEntryPoint bearerTokenRequired(String realm) {
        BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
        challenge.setRealmName(realm);
        return (request, response, exception) -> {
            challenge.commence(request, response, exception);
            write(response, HttpServletResponse.SC_UNAUTHORIZED, FieldProblem.AUTHENTICATION_REQUIRED);
        };
    }

    /**
     * 401 without a challenge, for what a page loads (scripts, fonts, XHRs) once its session ended (profile keycloak):
     * only the page itself is sent through Keycloak's login.
     */
    public static AuthenticationEntryPoint signInByPage() {
        return (request, response, exception) -> write(response, HttpServletResponse.SC_UNAUTHORIZED, FieldProblem.AUTHENTICATION_REQUIRED);
    }

    /** 403, for an authenticated caller who may not do this (or a session request without its CSRF token). */
    public static AccessDeniedHandler notAllowed() {
        return (request, response, exception) -> {
            SecurityLog.event("ACCESS_DENIED", request.getRemoteUser(), exception.getClass().getSimpleName());
            write(response, HttpServletResponse.SC_FORBIDDEN, FieldProblem.NOT_ALLOWED);
        };
    }

    static void write(HttpServletResponse response, int status, FieldProblem problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), Map.of("errors", List.of(problem)));
    }
}
