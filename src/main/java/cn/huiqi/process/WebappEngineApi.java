package cn.huiqi.process;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

/**
 * The engine API of the Camunda webapps ({@code <webapp path>/api/engine/*}, Tasklist's submit-form, start form …)
 * as the starter registers it, plus {@link WebappEngineRestErrors}: the servlet "Engine Api" is registered here
 * first, and the starter's {@code CamundaBpmWebappInitializer} keeps a servlet of that name when one exists.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnProperty(prefix = "camunda.bpm.webapp", name = "enabled", matchIfMissing = true)
class WebappEngineApi implements ServletContextInitializer {

    static final String SERVLET = "Engine Api";

    private final CamundaBpmProperties properties;

    WebappEngineApi(CamundaBpmProperties properties) {
        this.properties = properties;
    }

    @Override
    public void onStartup(ServletContext servletContext) {
        if (servletContext.getServletRegistration(SERVLET) != null) {
            return;
        }
        ServletRegistration.Dynamic servlet = servletContext.addServlet(SERVLET, ServletContainer.class);
        servlet.addMapping(properties.getWebapp().getApplicationPath() + "/api/engine/*");
        servlet.setInitParameters(Map.of("jakarta.ws.rs.Application", Application.class.getName()));
    }

    /** Camunda's engine API of the webapps with our error answers. */
    public static class Application extends EngineRestApplication {
        @Override
        public Set<Class<?>> getClasses() {
            Set<Class<?>> classes = new HashSet<>(super.getClasses());
            classes.add(WebappEngineRestErrors.OfRest.class);
            classes.add(WebappEngineRestErrors.OfEngine.class);
            classes.add(WebappEngineRestErrors.OfAny.class);
            return classes;
        }
    }
}
