package cn.huiqi.casefile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.MeasureCatalogue;
import cn.huiqi.catalogue.MeasureController;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.common.Money;
import cn.huiqi.enterprise.Enterprise;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The one way to submit an application for any measure: {@code POST /api/measures/{id}/applications} with the
 * measure's own body ({@link ApplicationType#requestType()}; OpenAPI shows each, {@link MeasureApplicationBodies}).
 * The per-measure paths ({@code /api/m1/applications}, …) are aliases of the same submission ({@link MeasureApplicationAliases}).
 */
@RestController
@Tag(name = "措施 Measures")
public class MeasureApplicationController {

    private final MeasureCatalogue catalogue;
    private final ApplicationTypes types;
    private final ApplicationSubmission submission;
    private final MappingJackson2HttpMessageConverter json;
    private final CaseRegistration registration;
    private final RewardPreviews previews;

    public MeasureApplicationController(MeasureCatalogue catalogue, ApplicationTypes types, ApplicationSubmission submission,
                                        MappingJackson2HttpMessageConverter apiJsonConverter, CaseRegistration registration,
                                        RewardPreviews previews) {
        this.catalogue = catalogue;
        this.types = types;
        this.submission = submission;
        this.json = apiJsonConverter;
        this.registration = registration;
        this.previews = previews;
    }

    @PostMapping("/api/measures/{id}/applications")
    @Operation(summary = "提交申请 / Submit an application",
            description = "企业用户为一条措施提交申请，请求体为该措施的申请（见 oneOf）。幂等：同一 Idempotency-Key 的重复请求返回第一次建立的案件（200），"
                    + "新案件为 201。未知措施 404；不受理申请的措施 400。"
                    + " An enterprise applies for a measure with the measure's body (see oneOf). Idempotent under Idempotency-Key"
                    + " (201 new case, 200 the case of an earlier request). Unknown measure 404; a measure taking no applications 400.")
    public ResponseEntity<CaseView> submit(@PathVariable String id, @RequestHeader("Idempotency-Key") String idempotencyKey,
                                           HttpServletRequest request) throws IOException {
        ApplicationType type = typeOf(id);
        byte[] bytes = new ServletServerHttpRequest(request).getBody().readAllBytes();
        ApplicationRequest body = read(type.requestType(), request, bytes);
        java.util.Map<String, Object> fields = new java.util.HashMap<>(body.asFormFields());
        evidenceDrafts(bytes).ifPresent(drafts -> fields.put(CaseRegistration.EVIDENCE_DRAFTS, drafts));
        return submission.submit(type, idempotencyKey, fields).asResponse();
    }

    /**
     * Before submitting: the same body, the same checks and the same applicant as a submission, then the measure's
     * rule table (the version its open round pins) on the figures. Stores nothing, opens no case.
     */
    @PostMapping("/api/measures/{id}/applications/preview")
    @Operation(summary = "申请试算 / Preview an application",
            description = "与提交申请相同的请求体与校验，按本批次适用的规则版本试算是否符合条件与奖励金额（暂定），不保存、不建案件。"
                    + "由系统默认比例决定时 labelledDefault 为 true。"
                    + " The same body and checks as a submission; evaluates the rule version of the open round on the figures"
                    + " (provisional), stores nothing. labelledDefault is true where a default rate decides.")
    public ApplicationPreview preview(@PathVariable String id, HttpServletRequest request) throws IOException {
        ApplicationType type = typeOf(id);
        ApplicationRequest body = read(type.requestType(), request, new ServletServerHttpRequest(request).getBody().readAllBytes());
        Map<String, Object> fields = body.asFormFields();
        Enterprise enterprise = registration.applicantEnterprise(fields.get(CaseRegistration.ENTERPRISE_ID));
        registration.admit(type.measure());
        Map<String, Object> variables = type.validate(fields, enterprise).variables();
        return type.notEligibleBeforeRules(variables)
                .map(reason -> new ApplicationPreview(type.measure(), false, Money.fen(BigDecimal.ZERO), reason, false, null,
                        null, null, null))
                .orElseGet(() -> previews.preview(type.measure(), variables));
    }

    /**
     * The earlier per-measure paths ({@code /api/m1/applications} = measure M1, …), one per measure that takes
     * applications, registered from the catalogue by {@link MeasureApplicationAliases}: the same submission.
     */
    @Operation(summary = "提交申请（措施路径）/ Submit an application (the measure's own path)",
            description = "等同于 POST /api/measures/{id}/applications，例如 /api/m1/applications 即措施 M1。"
                    + " The same as POST /api/measures/{id}/applications; /api/m1/applications is measure M1.")
    public ResponseEntity<CaseView> submitByAlias(@RequestHeader("Idempotency-Key") String idempotencyKey,
                                                  HttpServletRequest request) throws IOException {
        Object pattern = request.getAttribute(org.springframework.web.servlet.HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return submit(MeasureApplicationAliases.measureOf(String.valueOf(pattern)), idempotencyKey, request);
    }

    private ApplicationType typeOf(String id) {
        Measure measure = catalogue.find(id).orElseThrow(() -> MeasureController.unknown(id));
        return measure.applicationProcess().flatMap(process -> types.forMeasure(measure.id()))
                .orElseThrow(() -> new InvalidInputException("measure",
                        measure.clause() + "（" + measure.name().zh() + "）不受理申请",
                        "Measure " + measure.id() + " (" + measure.name().en() + ") takes no applications"));
    }

    /** As {@code @RequestBody} would read it: the API's JSON converter, and an empty body is "required". */
    private <T extends ApplicationRequest> T read(Class<T> type, HttpServletRequest request, byte[] bytes) throws IOException {
        ServletServerHttpRequest servlet = new ServletServerHttpRequest(request);
        HttpInputMessage message = new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public HttpHeaders getHeaders() {
                return servlet.getHeaders();
            }
        };
        if (bytes.length == 0) {
            throw new HttpMessageNotReadableException("Required request body is missing", message);
        }
        Object body = json.read(type, message);
        if (body == null) { // the JSON literal null
            throw new HttpMessageNotReadableException("Required request body is missing", message);
        }
        return type.cast(body);
    }

    /**
     * The evidence files uploaded before the case existed (drafts, {@code POST /api/evidence/drafts}) that the
     * application lists in {@code evidenceDrafts}: a field of every measure's body, passed on as the start variable
     * {@link CaseRegistration#EVIDENCE_DRAFTS} (checked when the case opens, {@link CaseOpened#evidenceDrafts}).
     */
    private java.util.Optional<Object> evidenceDrafts(byte[] bytes) throws IOException {
        com.fasterxml.jackson.databind.JsonNode tree = json.getObjectMapper().readTree(bytes);
        com.fasterxml.jackson.databind.JsonNode drafts = tree == null ? null : tree.get(CaseRegistration.EVIDENCE_DRAFTS);
        if (drafts == null || drafts.isNull()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(json.getObjectMapper().convertValue(drafts, Object.class));
    }
}
