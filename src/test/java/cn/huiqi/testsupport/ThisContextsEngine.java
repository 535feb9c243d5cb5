package cn.huiqi.testsupport;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Camunda's REST API and webapps find "the default engine" in one static registry per JVM, and every
 * cached test context (quick start, keycloak, MariaDB) registers its own engine under that name when it
 * starts. Before each test this makes it the engine of the test's own context; after the class it gives
 * the name back to the engine that held it before the class, whatever order the classes run in.
 * Registered for every test class (junit-platform.properties: extension auto-detection); it acts only on
 * classes with a Spring Boot test context.
 */
public class ThisContextsEngine implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ThisContextsEngine.class);
    private static final String DEFAULT = "default";

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!springBootTest(context)) {
            return;
        }
        // runs before this class's Spring context is looked up (and, the first time, started)
        ProcessEngine before = ProcessEngines.getProcessEngines().get(DEFAULT);
        if (before != null) {
            context.getStore(NAMESPACE).put("previous", before);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!springBootTest(context)) {
            return;
        }
        ProcessEngines.registerProcessEngine(SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!springBootTest(context)) {
            return;
        }
        ProcessEngine previous = context.getStore(NAMESPACE).get("previous", ProcessEngine.class);
        if (previous != null) {
            ProcessEngines.registerProcessEngine(previous);
        }
    }

    private static boolean springBootTest(ExtensionContext context) {
        return context.getTestClass()
                .map(type -> AnnotatedElementUtils.hasAnnotation(type, SpringBootTest.class))
                .orElse(false);
    }
}
