package cn.huiqi.identity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiqi.common.FieldProblem;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The answers of the app's sign-in page ({@code /login.html}, which posts to {@code /login} with fetch)
 * and of sign-out ({@code POST /logout}), and where a browser without session is sent.
 */
final class PageSignIn {

    static final String PAGE = "/login.html";
    static final FieldProblem WRONG_CREDENTIALS = new FieldProblem(null, "账号或密码错误", "Wrong account or password");
    private static final ObjectMapper JSON = new ObjectMapper();

    private PageSignIn() {
    }

    /** 200 {"userId"}: the page then goes on to where the user wanted to go. */
    static AuthenticationSuccessHandler signedIn() {
        return (request, response, authentication) -> {
            SecurityLog.event("LOGIN", authentication.getName(), "sign-in page");
            response.setStatus(HttpServletResponse.SC_OK);
            response.setCharacterEncoding("UTF-8");
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            JSON.writeValue(response.getOutputStream(), Map.of("userId", authentication.getName()));
        };
    }

    /** 401 with the reason: wrong account or password, or locked until when. */
    static AuthenticationFailureHandler refused() {
        return (request, response, exception) -> JsonErrorResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED,
                exception instanceof AccountLockedException locked ? locked.problem() : WRONG_CREDENTIALS);
    }

    /** 204 for the pages' fetch; a plain form post goes to the sign-in page. */
    static LogoutSuccessHandler signedOut() {
        return (request, response, authentication) -> {
            if (authentication != null) {
                SecurityLog.event("LOGOUT", authentication.getName(), null);
            }
            if (BrowserRequests.isNavigation(request)) {
                response.sendRedirect(request.getContextPath() + PAGE + "?signedOut");
            } else {
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            }
        };
    }

    /** A browser opening a protected page goes to the sign-in page (and comes back); anything else gets 401. */
    static AuthenticationEntryPoint signInFirst(AuthenticationEntryPoint otherwise) {
        return (request, response, exception) -> {
            if (BrowserRequests.isNavigation(request) && "GET".equals(request.getMethod())) {
                String back = request.getRequestURI().substring(request.getContextPath().length())
                        + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
                response.sendRedirect(request.getContextPath() + PAGE + "?next=" + urlEncode(back));
            } else {
                otherwise.commence(request, response, exception);
            }
        };
    }

    private static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
