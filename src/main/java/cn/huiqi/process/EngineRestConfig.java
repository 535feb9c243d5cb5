package cn.huiqi.process;

import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.stereotype.Component;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Camunda's REST API ({@code /engine-rest}) as the starter configures it, except its error answers:
 * Camunda's exception mappers name Java exception classes and answer a refused start form with 500, so they
 * are replaced by {@link EngineRestErrors}. (The starter's own config steps back when this bean exists.)
 */
@Component
@ApplicationPath("/engine-rest")
public class EngineRestConfig extends CamundaJerseyResourceConfig {

    @Override
    protected void registerCamundaRestResources() {
        registerClasses(CamundaRestResources.getResourceClasses());
        Set<Class<?>> withoutCamundasMappers = CamundaRestResources.getConfigurationClasses().stream()
                .filter(c -> !ExceptionMapper.class.isAssignableFrom(c))
                .collect(Collectors.toSet());
        registerClasses(withoutCamundasMappers);
        register(JacksonFeature.class);
        register(EngineRestErrors.class);
        register(EngineRestErrors.JsonParse.class);
        register(EngineRestErrors.JsonMapping.class);
    }
}
