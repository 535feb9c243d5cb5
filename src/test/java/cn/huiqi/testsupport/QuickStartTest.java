package cn.huiqi.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application as the quick start runs it (default profile, demo data, web server on a random port)
 * on a private in-memory H2, job executor off: one application context shared by every class so annotated
 * (each further context costs a start of the engine). For tests that read the demo data or add cases the others
 * do not count; a test that needs data of its own or other settings takes a context of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:quickstart;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE",
        "camunda.bpm.job-execution.enabled=false"})
public @interface QuickStartTest {
}
