package cn.huiqi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;

class JsonErrorResponsesTest {

    @Test
    void authenticationRequiredIs401WithABasicChallengeAndTheBilingualBody() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        JsonErrorResponses.authenticationRequired("huiqi")
                .commence(new MockHttpServletRequest(), response, new BadCredentialsException("bad"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"huiqi\"");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo("{\"errors\":[{\"field\":null,\"zh\":\"需要登录\",\"en\":\"Authentication required\"}]}");
    }

    @Test
    void notAllowedIs403WithTheBilingualBody() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        JsonErrorResponses.notAllowed().handle(new MockHttpServletRequest(), response, new AccessDeniedException("no"));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo("{\"errors\":[{\"field\":null,\"zh\":\"无权执行此操作\",\"en\":\"You are not allowed to do this\"}]}");
    }
}
