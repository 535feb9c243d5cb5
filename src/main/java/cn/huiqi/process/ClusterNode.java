package cn.huiqi.process;

import org.apache.catalina.Engine;
import org.apache.catalina.Lifecycle;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The name of this node when several nodes share one database (docs/deployment.md), from {@code huiqi.node.name}
 * (environment HUIQI_NODE_NAME; empty on a single node). It becomes
 * <ul>
 * <li>the engine's host name, written with every job log row (ACT_HI_JOB_LOG.HOSTNAME_), so Cockpit and audits
 * tell which node ran a job;</li>
 * <li>Tomcat's jvmRoute: session ids end in {@code .<name>}, which the load balancer reads to send a signed-in
 * page session back to the node that holds it (sessions live in the node's memory).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ClusterNode {

    private final String name;

    ClusterNode(@Value("${huiqi.node.name:}") String name) {
        if (!name.isEmpty() && !name.matches("[a-z0-9][a-z0-9-]{0,31}")) {
            throw new IllegalStateException("huiqi.node.name must be lower-case letters, digits and '-' (at most 32): " + name);
        }
        this.name = name;
    }

    @Bean
    AbstractProcessEnginePlugin nodeNameOfTheEngine() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                if (!name.isEmpty()) {
                    configuration.setHostname(name);
                }
            }
        };
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> nodeNameInSessionIds() {
        // the session manager takes the route when it starts, which is when its context starts
        return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (!name.isEmpty() && Lifecycle.BEFORE_START_EVENT.equals(event.getType())
                    && context.getParent() != null && context.getParent().getParent() instanceof Engine engine) {
                engine.setJvmRoute(name);
            }
        }));
    }
}
