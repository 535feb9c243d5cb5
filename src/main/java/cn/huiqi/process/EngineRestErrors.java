package cn.huiqi.process;

import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.impl.transform.DmnTransformException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.model.xml.ModelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import cn.huiqi.common.FieldProblem;
import cn.huiqi.common.InvalidInputException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Every error answer of {@code /engine-rest} (registered by {@link EngineRestConfig} in place of Camunda's
 * mappers). Camunda's status codes and JSON shape stay ({@code type}, {@code message}, {@code code}, and the
 * extra fields of authorization and parse errors), but:
 * <ul>
 * <li>{@code type} is a neutral name for the status ({@code InvalidRequest}, {@code Forbidden}, …), never a
 * Java class;</li>
 * <li>our own refusals ({@link InvalidInputException} anywhere in the cause chain, e.g. a start form or a
 * DMN that names a language other than FEEL) are 400 with the bilingual message and {@code errors}
 * ({@code [{"field","zh","en"}]}, as the app's API answers); our other refusals ({@code RefusalException}: not
 * found, conflict) are 404 / 409 with the bilingual message alone;</li>
 * <li>a DMN or model the engine cannot parse, a variable the engine refuses (Java serialization, transient) and
 * a bad request the engine itself calls one ({@code BadUserRequestException}, or a missing value such as an unknown
 * task id) that a Camunda resource wrapped in a 500, are 400;</li>
 * <li>a 5xx carries a bilingual sentence with a reference only (the cause is logged with that reference);</li>
 * <li>every text left is stripped of Java class and package names and of stack traces.</li>
 * </ul>
 * Camunda's webapps (Tasklist, Cockpit, Admin) call their own copy of the API under {@code /camunda/api/engine},
 * which keeps Camunda's answers (Tasklist reads {@code type} "AuthorizationException" there) except for our
 * refusals ({@link WebappEngineRestErrors}).
 */
@Priority(1)
public class EngineRestErrors implements ExceptionMapper<Throwable> {

    private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A qualified class name (java.lang.Integer, org.camunda….TaskEntity): replaced by its simple name. */
    private static final Pattern QUALIFIED_CLASS = Pattern.compile("\\b(?:[a-z_$][\\w$]*\\.)+([A-Z][\\w$]*)");
    /** A package name left on its own (java.lang, jakarta.ws.rs). */
    private static final Pattern PACKAGE = Pattern.compile("\\b(?:java|javax|jakarta|jdk|sun|scala|org|com|cn)\\.[a-z_$][\\w.$]*");
    /** An exception class's simple name, or the word. */
    private static final Pattern EXCEPTION_WORD = Pattern.compile("(?i)\\b\\w*exception\\w*\\b");
    private static final int MAX_MESSAGE = 2000;

    @Override
    public Response toResponse(Throwable throwable) {
        InvalidInputException ours = find(throwable, InvalidInputException.class);
        if (ours != null) {
            return answer(400, null, bilingual(ours), ours);
        }
        OwnRefusal refusal = OwnRefusal.in(throwable); // a RefusalException (not found, conflict) the engine wrapped
        if (refusal != null) {
            return answer(refusal.status(), null, refusal.message(), null);
        }
        if (throwable instanceof JsonProcessingException json) {
            return answer(400, null, json(json), null);
        }
        int status = status(throwable);
        if (status >= 500) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("engine-rest error {} (answered {} without details)", reference, status, throwable);
            return answer(status, null, "系统内部错误（编号 " + reference + "），请稍后重试或联系管理员 / Internal error (reference "
                    + reference + "); try again later or contact the administrator", null);
        }
        log.debug("engine-rest answered {}", status, throwable);
        if (throwable instanceof WebApplicationException) {
            return answer(status, null, forStatus(status), null);
        }
        JsonNode camunda = JSON.valueToTree(ExceptionHandlerHelper.getInstance().fromException(throwable));
        return answer(status, camunda, status == 403 ? "无权执行此操作 / You are not allowed to do this: " + throwable.getMessage()
                : throwable.getMessage(), null);
    }

    private static int status(Throwable throwable) {
        if (find(throwable, DmnTransformException.class) != null || find(throwable, ModelException.class) != null
                || refusedVariable(throwable)) {
            return 400;
        }
        int status = ExceptionHandlerHelper.getInstance().getStatus(throwable).getStatusCode();
        // e.g. completing a task that does not exist: Camunda's resource wraps the engine's 400 in a 500
        boolean badRequest = find(throwable, BadUserRequestException.class) != null || find(throwable, NullValueException.class) != null;
        return status >= 500 && badRequest ? 400 : status;
    }

    /** The engine refusing a variable a client sent (Java serialization, a transient variable): Camunda says 500. */
    private static boolean refusedVariable(Throwable throwable) {
        for (Throwable t = throwable; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProcessEngineException && t.getMessage() != null
                    && (t.getMessage().startsWith("ENGINE-17006") || t.getMessage().startsWith("ENGINE-17007"))) {
                return true;
            }
        }
        return false;
    }

    private static Response answer(int status, JsonNode camunda, String message, InvalidInputException ours) {
        ObjectNode body = camunda instanceof ObjectNode node ? node : JSON.createObjectNode();
        body.put("type", type(status));
        body.put("message", message == null ? forStatus(status) : message);
        if (!body.has("code")) {
            body.putNull("code");
        }
        if (ours != null) {
            ArrayNode errors = body.putArray("errors");
            for (FieldProblem problem : ours.getProblems()) {
                errors.addObject().put("field", problem.field()).put("zh", problem.zh()).put("en", problem.en());
            }
        }
        scrub(body);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** The neutral {@code type} of a status. */
    static String type(int status) {
        return switch (status) {
            case 400 -> "InvalidRequest";
            case 401 -> "AuthenticationRequired";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 406 -> "NotAcceptable";
            case 409 -> "Conflict";
            case 415 -> "UnsupportedMediaType";
            default -> status >= 500 ? "ServerError" : "ClientError";
        };
    }

    private static String forStatus(int status) {
        return switch (status) {
            case 400 -> "请求无效 / Invalid request";
            case 401 -> "需要登录 / Authentication required";
            case 403 -> "无权执行此操作 / You are not allowed to do this";
            case 404 -> "资源不存在 / Not found";
            case 405 -> "不支持该请求方法 / Method not allowed";
            case 406 -> "无法提供所要求的格式 / Not acceptable";
            case 415 -> "不支持该请求内容类型 / Unsupported media type";
            default -> status >= 500 ? "系统内部错误 / Internal error" : "请求无效 / Invalid request";
        };
    }

    private static String bilingual(InvalidInputException e) {
        return e.getProblems().stream().map(p -> p.zh() + " / " + p.en()).collect(Collectors.joining("; "));
    }

    private static String json(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty() && !(e instanceof JsonParseException)) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return "请求内容中的字段 " + field + " 无效 / The field " + field + " of the request body is not valid";
        }
        return "请求内容不是有效的JSON / The request body is not valid JSON";
    }

    private static <T extends Throwable> T find(Throwable throwable, Class<T> type) {
        for (Throwable t = throwable; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** Every text of the body without class names, package names, the word "exception" or a stack trace. */
    private static void scrub(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual() && !"type".equals(field.getKey())) {
                    field.setValue(TextNode.valueOf(scrub(field.getValue().asText())));
                } else {
                    scrub(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(scrub(array.get(i).asText())));
                } else {
                    scrub(array.get(i));
                }
            }
        }
    }

    static String scrub(String text) {
        String s = text;
        int trace = s.indexOf("\tat ");
        if (trace >= 0) {
            s = s.substring(0, trace);
        }
        s = QUALIFIED_CLASS.matcher(s).replaceAll("$1");
        s = PACKAGE.matcher(s).replaceAll("");
        s = EXCEPTION_WORD.matcher(s).replaceAll("error");
        s = s.strip();
        return s.length() > MAX_MESSAGE ? s.substring(0, MAX_MESSAGE) + "…" : s;
    }

    /** Jersey's Jackson feature brings mappers for these two; ours must be the nearest. */
    @Priority(1)
    public static class JsonParse implements ExceptionMapper<JsonParseException> {
        @Override
        public Response toResponse(JsonParseException exception) {
            return new EngineRestErrors().toResponse(exception);
        }
    }

    @Priority(1)
    public static class JsonMapping implements ExceptionMapper<JsonMappingException> {
        @Override
        public Response toResponse(JsonMappingException exception) {
            return new EngineRestErrors().toResponse(exception);
        }
    }
}
