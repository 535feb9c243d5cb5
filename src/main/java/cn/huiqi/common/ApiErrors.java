package cn.huiqi.common;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.BadUserRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Every error of the app's API is JSON: {"errors":[{"field","zh","en"}]}. Whatever a client sends (a wrong
 * content type, malformed JSON, a key twice, a wrong type, a number out of range, a path id that is no
 * number) is a specific 4xx here, never a 500, and nothing has been changed.
 */
@RestControllerAdvice
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    public record Body(List<FieldProblem> errors) {
        static ResponseEntity<Body> of(HttpStatus status, FieldProblem... problems) {
            return ResponseEntity.status(status).body(new Body(List.of(problems)));
        }
    }

    @ExceptionHandler(ConflictingInputException.class)
    ResponseEntity<Body> conflictingInput(ConflictingInputException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new Body(e.getProblems()));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Body> invalid(InvalidInputException e) {
        return ResponseEntity.badRequest().body(new Body(e.getProblems()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Body> notFound(NotFoundException e) {
        return Body.of(HttpStatus.NOT_FOUND, e.problem());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Body> conflict(ConflictException e) {
        return Body.of(HttpStatus.CONFLICT, e.problem());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Body> forbidden(AccessDeniedException e) {
        return Body.of(HttpStatus.FORBIDDEN, FieldProblem.NOT_ALLOWED);
    }

    @ExceptionHandler(org.camunda.bpm.engine.AuthorizationException.class)
    ResponseEntity<Body> engineForbidden(org.camunda.bpm.engine.AuthorizationException e) {
        return forbidden(new AccessDeniedException(e.getMessage()));
    }

    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '([^']{0,200})'");

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Body> unreadable(HttpMessageNotReadableException e) {
        return Body.of(HttpStatus.BAD_REQUEST, unreadableBody(e.getCause()));
    }

    private static FieldProblem unreadableBody(Throwable cause) {
        if (cause == null) {
            return new FieldProblem(null, "请求内容不能为空", "The request body is required");
        }
        if (cause instanceof ApiJson.UnsafeTextException unsafe) {
            String field = path(unsafe);
            return new FieldProblem(field, "字段 " + field + " 含有不允许的控制字符（" + unsafe.character + "）",
                    "Field " + field + " contains a control character (" + unsafe.character + "), which is not allowed");
        }
        if (cause instanceof StreamReadException read && read.getOriginalMessage() != null) {
            Matcher duplicate = DUPLICATE_FIELD.matcher(read.getOriginalMessage());
            if (duplicate.find()) {
                String field = printable(duplicate.group(1));
                return new FieldProblem(field, "JSON 中字段 " + field + " 出现了不止一次", "Field " + field + " occurs more than once in the JSON");
            }
        }
        if (cause instanceof InputCoercionException || cause instanceof StreamConstraintsException) {
            return new FieldProblem(null, "请求中的数值超出允许范围", "A number in the request is out of range");
        }
        if (cause instanceof JsonParseException || !(cause instanceof JsonMappingException)) {
            return new FieldProblem(null, "请求内容不是有效的JSON", "The request body is not valid JSON");
        }
        JsonMappingException mapping = (JsonMappingException) cause;
        String field = path(mapping);
        if (mapping.getCause() instanceof InputCoercionException || String.valueOf(mapping.getOriginalMessage()).contains("out of range")) {
            return new FieldProblem(field, "字段 " + field + " 的数值超出允许范围", "The number in field " + field + " is out of range");
        }
        return field == null
                ? new FieldProblem(null, "请求内容的结构不对（应为 JSON 对象）", "The request body has the wrong shape (a JSON object is expected)")
                : new FieldProblem(field, "字段 " + field + " 的类型不对", "Field " + field + " has the wrong type");
    }

    /** e.g. "payments[0].caseNumber"; null for the body as a whole. */
    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + printable(r.getFieldName()) : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
        return path.isEmpty() ? null : path.startsWith(".") ? path.substring(1) : path;
    }

    /** A client-chosen name as it is safe to echo: visible characters only, at most 64. */
    private static String printable(String name) {
        String visible = name.codePoints().filter(c -> SafeText.firstRefused(new String(Character.toChars(c))) == null && c >= 0x20)
                .limit(64).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return visible.isEmpty() ? "?" : visible;
    }

    private static final Pattern REJECTED_HEADER = Pattern.compile("the header: \"([^\"]{1,100})\"");

    /** Spring Security's firewall checks header values when they are read: a header with non-ASCII bytes. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Body> rejected(RequestRejectedException e) {
        Matcher header = REJECTED_HEADER.matcher(String.valueOf(e.getMessage()));
        if (header.find()) {
            String name = printable(header.group(1).strip());
            return Body.of(HttpStatus.BAD_REQUEST, new FieldProblem(name, "请求头 " + name + " 含有不允许的字符（只允许可见ASCII字符）",
                    "Header " + name + " contains characters that are not allowed (visible ASCII only)"));
        }
        return Body.of(HttpStatus.BAD_REQUEST, new FieldProblem(null, "请求含有不允许的字符", "The request contains characters that are not allowed"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Body> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).contentType(MediaType.APPLICATION_JSON)
                .body(new Body(List.of(new FieldProblem(null, "请求内容须为 JSON（Content-Type: application/json，UTF-8 编码）",
                        "The request body must be JSON (Content-Type: application/json, UTF-8)"))));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Body> payloadTooLarge(PayloadTooLargeException e) {
        return Body.of(HttpStatus.PAYLOAD_TOO_LARGE, e.problem());
    }

    /** A store or service the request needs is down: 503, one warning line (no stack trace), nothing stored. */
    @ExceptionHandler(ServiceUnavailableException.class)
    ResponseEntity<Body> serviceUnavailable(ServiceUnavailableException e) {
        log.warn("Service unavailable: {}", e.detail());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "60")
                .body(new Body(List.of(e.problem())));
    }

    @ExceptionHandler(UnsupportedContentException.class)
    ResponseEntity<Body> unsupportedContent(UnsupportedContentException e) {
        return Body.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.problem());
    }

    /** The servlet container's own limit (spring.servlet.multipart.*, set from huiqi.evidence.max-size): JSON, not Tomcat's page. */
    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ResponseEntity<Body> uploadTooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException e) {
        return Body.of(HttpStatus.PAYLOAD_TOO_LARGE, new FieldProblem("file", "文件超过允许的大小",
                "The file is larger than allowed"));
    }

    /**
     * Only upload endpoints parse multipart bodies (JsonBodiesOnly answers 415 to any other first): a body the container
     * cannot read, e.g. a file name with a NUL or a line break in its part header.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Body> multipart(MultipartException e) {
        return Body.of(HttpStatus.BAD_REQUEST, new FieldProblem("file", "上传内容无法读取（表单格式或文件名不对）",
                "The upload cannot be read (its form or file name is malformed)"));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Body> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).contentType(MediaType.APPLICATION_JSON)
                .body(new Body(List.of(new FieldProblem(null, "无法以所要求的格式（Accept）答复", "Cannot answer in the format asked for (Accept)"))));
    }

    /** A path variable or query parameter that is not of its type: "x" for a boolean, 2^64 for an id. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Body> typeMismatch(MethodArgumentTypeMismatchException e) {
        String name = printable(e.getName());
        Class<?> type = e.getRequiredType();
        String expectedZh;
        String expectedEn;
        if (type != null && (Number.class.isAssignableFrom(type) || type == long.class || type == int.class)) {
            expectedZh = "须为允许范围内的整数";
            expectedEn = "must be a whole number in range";
        } else if (type == Boolean.class || type == boolean.class) {
            expectedZh = "须为 true 或 false";
            expectedEn = "must be true or false";
        } else {
            expectedZh = "的值无效";
            expectedEn = "has an invalid value";
        }
        return Body.of(HttpStatus.BAD_REQUEST, new FieldProblem(name, "参数 " + name + " " + expectedZh, "Parameter " + name + " " + expectedEn));
    }

    @ExceptionHandler(org.springframework.web.multipart.support.MissingServletRequestPartException.class)
    ResponseEntity<Body> missingPart(org.springframework.web.multipart.support.MissingServletRequestPartException e) {
        String name = printable(e.getRequestPartName());
        return Body.of(HttpStatus.BAD_REQUEST, new FieldProblem(name, "缺少 " + name + "（请选择文件）", "Part " + name + " is required (choose a file)"));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Body> missingParameter(MissingServletRequestParameterException e) {
        String name = printable(e.getParameterName());
        return Body.of(HttpStatus.BAD_REQUEST, new FieldProblem(name, "缺少参数 " + name, "Parameter " + name + " is required"));
    }

    @ExceptionHandler(ServletRequestBindingException.class)
    ResponseEntity<Body> binding(ServletRequestBindingException e) {
        return Body.of(HttpStatus.BAD_REQUEST, new FieldProblem(null, "请求参数不完整或无效", "The request's parameters are incomplete or invalid"));
    }

    /** The engine refused a value from the request (e.g. a negative version); the app's checks should come first. */
    @ExceptionHandler(BadUserRequestException.class)
    ResponseEntity<Body> engineBadRequest(BadUserRequestException e) {
        log.warn("The engine refused a request value: {}", e.getMessage());
        return Body.of(HttpStatus.BAD_REQUEST, new FieldProblem(null, "请求中的值无效", "A value in the request is invalid"));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Body> missingHeader(MissingRequestHeaderException e) {
        return Body.of(HttpStatus.BAD_REQUEST, new FieldProblem(e.getHeaderName(), "缺少请求头 " + e.getHeaderName(),
                "Header " + e.getHeaderName() + " is required"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Body> method(HttpRequestMethodNotSupportedException e) {
        return Body.of(HttpStatus.METHOD_NOT_ALLOWED, new FieldProblem(null, "不支持该请求方法", "Method not allowed"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Body> noResource(NoResourceFoundException e) {
        return Body.of(HttpStatus.NOT_FOUND, new FieldProblem(null, "资源不存在", "Not found"));
    }

    /** The client went away while its answer was written (a page left mid-request): nobody to answer, no error to log. */
    @ExceptionHandler(org.springframework.web.context.request.async.AsyncRequestNotUsableException.class)
    void clientGone(org.springframework.web.context.request.async.AsyncRequestNotUsableException e) {
        log.debug("The client closed the connection: {}", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Body> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return Body.of(HttpStatus.INTERNAL_SERVER_ERROR, new FieldProblem(null, "系统内部错误，请稍后重试或联系管理员",
                "Internal error; try again later or contact the administrator"));
    }
}
