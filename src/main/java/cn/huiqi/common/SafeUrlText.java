package cn.huiqi.common;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The app's API refuses control characters ({@link SafeText}) in the path and the query string with a 400,
 * as it does in JSON bodies: Spring would otherwise trim "true%00" to true, or hand NUL to a query.
 * Only the query string is read (never a form body).
 */
@Component
class SafeUrlText extends OncePerRequestFilter {

    private final ObjectMapper json;

    SafeUrlText(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        FieldProblem problem = problemIn(request);
        if (problem == null) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), new ApiErrors.Body(List.of(problem)));
    }

    private static FieldProblem problemIn(HttpServletRequest request) {
        try {
            String refused = SafeText.firstRefused(URLDecoder.decode(request.getRequestURI().replace("+", "%2B"), StandardCharsets.UTF_8));
            if (refused != null) {
                return new FieldProblem(null, "请求路径含有不允许的控制字符（" + refused + "）",
                        "The request path contains a control character (" + refused + ")");
            }
            String query = request.getQueryString();
            if (query == null) {
                return null;
            }
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                refused = SafeText.firstRefused(name + value);
                if (refused != null) {
                    String field = SafeText.firstRefused(name) == null && name.length() <= 64 ? name : null;
                    return new FieldProblem(field, "参数 " + (field == null ? "" : field) + " 含有不允许的控制字符（" + refused + "）",
                            "Parameter " + (field == null ? "" : field) + " contains a control character (" + refused + ")");
                }
            }
            return null;
        } catch (IllegalArgumentException malformedEscape) {
            return new FieldProblem(null, "请求地址的百分号编码无效", "The request URL has an invalid percent-encoding");
        }
    }
}
