package cn.huiqi.process;

import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The error answers of the engine API the Camunda webapps call ({@code /camunda/api/engine}, see
 * {@link WebappEngineApi}): Camunda's, except when one of our refusals is in the cause chain ({@link OwnRefusal}).
 * Then the message is the bilingual sentence alone, without the engine's prefix, the task or definition id and
 * the field path, with the status of the refusal (400, 404, 409); {@code type} stays Camunda's
 * ({@code InvalidRequestException}, {@code RestException} …), which Tasklist reads. One mapper per type Camunda
 * maps, so this one is the nearest (same type, higher priority).
 */
final class WebappEngineRestErrors {

    private WebappEngineRestErrors() {
    }

    /**
     * Ours when a refusal is in the cause chain, else Camunda's. Camunda's handlers are asked only in the second case:
     * they log what they answer with 500 as a warning with its stack trace, which our 4xx refusals are not.
     */
    private static Response ours(Throwable thrown, Supplier<Response> camundas) {
        OwnRefusal refusal = OwnRefusal.in(thrown);
        if (refusal == null) {
            return camundas.get();
        }
        ExceptionDto body = new ExceptionDto();
        body.setType(thrown.getClass().getSimpleName()); // what Camunda's handlers write there
        body.setMessage(refusal.message());
        return Response.status(refusal.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    @Priority(1)
    public static class OfRest implements ExceptionMapper<RestException> {
        @Override
        public Response toResponse(RestException exception) {
            return ours(exception, () -> new RestExceptionHandler().toResponse(exception));
        }
    }

    @Priority(1)
    public static class OfEngine implements ExceptionMapper<ProcessEngineException> {
        @Override
        public Response toResponse(ProcessEngineException exception) {
            return ours(exception, () -> new ProcessEngineExceptionHandler().toResponse(exception));
        }
    }

    @Priority(1)
    public static class OfAny implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable exception) {
            return ours(exception, () -> new ExceptionHandler().toResponse(exception));
        }
    }
}
