package cn.huiqi.guide;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JacksonException;

import cn.huiqi.common.PayloadTooLargeException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * 政策计算器: {@code POST /api/public/calculator} (public, no login, stores nothing; the body is read up to
 * {@value #MAX_BODY} bytes, a larger one is refused with 413) and the signed-in enterprise's pre-filled figures.
 */
@RestController
@Tag(name = "政策计算器 Policy calculator", description = "输入几个数字，逐条规则说明各措施能否获得奖励及金额（公开，无需登录，不保存）/ "
        + "Enter a few figures: for every measure whether and how much, rule by rule (public, no login, nothing stored)")
class CalculatorController {

    static final int MAX_BODY = 8 * 1024;

    private final PolicyCalculator calculator;
    private final CalculatorPrefill prefill;
    private final MappingJackson2HttpMessageConverter json;

    CalculatorController(PolicyCalculator calculator, CalculatorPrefill prefill, MappingJackson2HttpMessageConverter json) {
        this.calculator = calculator;
        this.prefill = prefill;
        this.json = json;
    }

    @PostMapping(path = "/api/public/calculator", consumes = "application/json")
    @SecurityRequirements
    @Operation(summary = "测算 / Calculate", description = "请求体上限 8 KB；数字有误返回 400 并列出每个字段。 At most 8 KB; bad figures: 400 naming each field.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = CalculatorApi.Figures.class))))
    CalculatorApi.Answer calculate(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            throw tooLarge();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            throw tooLarge();
        }
        CalculatorApi.Figures figures;
        try {
            figures = body.length == 0 ? null : json.getObjectMapper().readValue(body, CalculatorApi.Figures.class);
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException(e.getOriginalMessage(), e, new ServletServerHttpRequest(request));
        }
        if (figures == null) {
            throw new HttpMessageNotReadableException("empty body", new ServletServerHttpRequest(request));
        }
        return calculator.calculate(figures);
    }

    @GetMapping("/api/calculator/prefill")
    @Operation(summary = "企业预填数字 / The enterprise's figures, pre-filled",
            description = "企业账号或其授权经办人（enterpriseId）：来自企业登记信息和已提交的申请；其他人 403。"
                    + " The enterprise's own account or its agent (enterpriseId): from its register and cases; anyone else 403.")
    CalculatorApi.Prefill prefill(@RequestParam(required = false) Long enterpriseId) {
        return prefill.of(enterpriseId);
    }

    private static PayloadTooLargeException tooLarge() {
        return new PayloadTooLargeException("body", "请求内容超过 " + MAX_BODY / 1024 + " KB 的上限", "The request body is larger than " + MAX_BODY / 1024 + " KB");
    }
}
