package cn.huiqi.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One reason why one input field was refused, in Chinese and in English. {@code field} is null when
 * the request as a whole is refused, and is then written as {@code "field": null}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FieldProblem(String field, String zh, String en) {

    public static final FieldProblem AUTHENTICATION_REQUIRED = new FieldProblem(null, "需要登录", "Authentication required");
    public static final FieldProblem NOT_ALLOWED = new FieldProblem(null, "无权执行此操作", "You are not allowed to do this");

    @Override
    public String toString() {
        return field + ": " + zh + " / " + en;
    }
}
