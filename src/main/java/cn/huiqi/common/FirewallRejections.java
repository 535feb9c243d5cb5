package cn.huiqi.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A request that Spring Security's firewall refuses before any filter (a ";" or an encoded "%" in the path,
 * a forbidden method) gets the API's bilingual 400, not a bare error page (Spring Security uses this bean).
 */
@Component
class FirewallRejections implements RequestRejectedHandler {

    private final ObjectMapper json;

    FirewallRejections(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), new ApiErrors.Body(List.of(new FieldProblem(null,
                "请求地址含有不允许的字符", "The request URL contains characters that are not allowed"))));
    }
}
