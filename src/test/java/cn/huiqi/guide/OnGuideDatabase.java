package cn.huiqi.guide;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.huiqi.testsupport.MariaDbTestDatabase;

/**
 * The whole application in profile mysql on its own MariaDB database with a web server; one context for the guide tests.
 * Not {@code SharedMariaDbApp}: these tests publish rule versions and open rounds, which changes the rules in force for
 * every other test of a shared database (docs/testing.md).
 */
@ActiveProfiles("mysql")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "camunda.bpm.job-execution.enabled=false")
abstract class OnGuideDatabase {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        MariaDbTestDatabase.register(registry, "huiqi_guide");
    }

    @LocalServerPort
    int port;
}
