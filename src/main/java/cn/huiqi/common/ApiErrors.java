package cn.huiqi.common;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import cn.huiqi.casefile.DuplicateApplicationException;

/** Every error of the app's API is JSON: {"errors":[{"field","zh","en"}]}. */
@RestControllerAdvice
public class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    public record Body(List<FieldProblem> errors) {
        static ResponseEntity<Body> of(HttpStatus status, FieldProblem... problems) {
            return ResponseEntity.status(status).body(new Body(List.of(problems)));
        }
    }

    @ExceptionHandler(DuplicateApplicationException.class)
    ResponseEntity<Body> duplicate(DuplicateApplicationException e) {
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

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Body> unreadable(HttpMessageNotReadableException e) {
        return Body.of(HttpStatus.BAD_REQUEST, new FieldProblem(null, "请求内容不是有效的JSON", "The request body is not valid JSON"));
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

    @ExceptionHandler(Exception.class)
    ResponseEntity<Body> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return Body.of(HttpStatus.INTERNAL_SERVER_ERROR, new FieldProblem(null, "系统内部错误，请稍后重试或联系管理员",
                "Internal error; try again later or contact the administrator"));
    }
}
