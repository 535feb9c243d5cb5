package cn.huiqi.identity;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The security log (logger {@value #LOGGER}): logins, refusals, locks and administrators' identity
 * changes, one line each, written by logback-spring.xml to its own rolling file kept 180 days
 * (docs/security.md). Lines are {@code event key=value ...}; values never contain a password.
 */
public final class SecurityLog {

    public static final String LOGGER = "huiqi.security";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private SecurityLog() {
    }

    /** One line: {@code event user=… channel=… from=… detail}; other modules log their administrators' changes here too. */
    public static void event(String event, String userId, String detail) {
        HttpServletRequest request = currentRequest();
        log.info("{} user={} channel={} from={}{}", event, clean(userId),
                request == null ? "internal" : clean(request.getMethod() + " " + request.getRequestURI()),
                request == null ? "-" : request.getRemoteAddr(),
                detail == null ? "" : " " + clean(detail));
    }

    /** "METHOD /path" of the HTTP request being served, or "internal" outside one. */
    static String channel() {
        HttpServletRequest request = currentRequest();
        return request == null ? "internal" : truncate(request.getMethod() + " " + request.getRequestURI(), 200);
    }

    static String remoteAddress() {
        HttpServletRequest request = currentRequest();
        return request == null ? null : truncate(request.getRemoteAddr(), 64);
    }

    /**
     * Makes the request visible to {@link #event} for the rest of the chain (the password is checked
     * before Spring's own request scope exists on some paths, e.g. the Jersey servlet).
     */
    static OncePerRequestFilter requestInLog() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (RequestContextHolder.getRequestAttributes() != null) {
                    chain.doFilter(request, response);
                    return;
                }
                RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, response));
                try {
                    chain.doFilter(request, response);
                } finally {
                    RequestContextHolder.resetRequestAttributes();
                }
            }
        };
    }

    static HttpServletRequest currentRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
    }

    /** No line breaks or control characters from user input in the log (no forged lines). */
    static String clean(String value) {
        if (value == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), 200));
        value.codePoints().limit(200).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '_' : c));
        return out.toString();
    }

    static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
