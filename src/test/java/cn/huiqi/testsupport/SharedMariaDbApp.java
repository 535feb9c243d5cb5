package cn.huiqi.testsupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The suite's one shared application on MariaDB: profile mysql, web server on a random port, job executor off (tests
 * run jobs themselves), database {@value #DATABASE}. Every test class that extends this (and adds no configuration of
 * its own) runs in the same cached Spring context, so the engine, Flyway and Camunda's schema start once per test JVM
 * instead of once per class (docs/testing.md). The database is shared too: a test makes its own people, enterprises
 * and cases (fresh ids, e.g. {@link TestEnterprises#freshUser}) and never counts rows it did not make. A test that
 * needs a pristine database or settings of its own (a whole-table count, a global settlement, another rule version
 * in force, other properties) keeps its own {@code MariaDbTestDatabase.register} and says why.
 */
@ActiveProfiles("mysql")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"camunda.bpm.job-execution.enabled=false",
                // expected refusals inside the engine are answered as 4xx; no stack trace walls in the output
                "logging.level.org.camunda.bpm.engine.context=OFF",
                "logging.level.org.camunda.bpm.engine.rest.exception=OFF"})
public abstract class SharedMariaDbApp {

    public static final String DATABASE = "huiqi_shared";

    @DynamicPropertySource
    static void sharedMariaDb(DynamicPropertyRegistry registry) {
        MariaDbTestDatabase.register(registry, DATABASE);
    }

    @LocalServerPort
    protected int port;
}
