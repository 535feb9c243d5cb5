package cn.huiqi.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The app's API takes request bodies as UTF-8 JSON only: a POST, PUT or PATCH under {@code /api/} whose
 * body is anything else (text/plain, a form, multipart, no type at all) is answered 415 before any
 * controller or multipart parser sees it. Besides clear errors this closes the door that browsers leave
 * open to other sites: they may send text/plain, form and multipart POSTs cross-site without asking, never
 * JSON. Runs after authentication (a stranger gets 401 first).
 * <p>
 * The one exception: file uploads ({@link #UPLOADS}, evidence files) take {@code multipart/form-data}, and only with an
 * {@code X-Requested-With} header, which another site's page cannot add without the browser asking this server first
 * (CORS preflight, which it does not allow): the same protection as JSON's.
 */
@Component
class JsonBodiesOnly extends OncePerRequestFilter {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");
    private static final FieldProblem ONLY_JSON = new FieldProblem(null,
            "请求内容须为 JSON（Content-Type: application/json，UTF-8 编码）",
            "The request body must be JSON (Content-Type: application/json, UTF-8)");

    /**
     * Upload endpoints: {@code POST /api/evidence/drafts}, {@code POST /api/cases/{caseNumber}/evidence}, the evaluation's
     * statistics import {@code POST /api/evaluations/{id}/figures/import}, measure 7's 12345 import {@code POST /api/assistance/hotline-imports}.
     */
    static final java.util.regex.Pattern UPLOADS = java.util.regex.Pattern.compile(
            "/api/(evidence/drafts|cases/[^/]{1,64}/evidence|evaluations/\\d{1,18}/figures/import|assistance/hotline-imports)");

    private final ObjectMapper json;

    JsonBodiesOnly(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/api/") || !WITH_BODY.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        boolean acceptable = contentType == null ? !hasBody : isUtf8Json(contentType) || isUpload(request, contentType);
        if (acceptable) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
        response.setHeader("Accept", MediaType.APPLICATION_JSON_VALUE);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), new ApiErrors.Body(List.of(ONLY_JSON)));
    }

    static boolean isUpload(HttpServletRequest request, String contentType) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && UPLOADS.matcher(path).matches() && request.getHeader("X-Requested-With") != null
                && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    static boolean isUtf8Json(String contentType) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        boolean json = type.getType().equals("application")
                && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
        String charset = type.getParameter("charset");
        return json && (charset == null || charset.replace("\"", "").equalsIgnoreCase("UTF-8"));
    }
}
